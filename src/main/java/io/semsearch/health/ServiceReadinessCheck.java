package io.semsearch.health;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.semsearch.common.DatabaseConfig;
import io.semsearch.common.DatabaseOutage;
import io.semsearch.embedding.ActiveModel;
import io.semsearch.embedding.EmbeddingService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ready when the database answers with the vector extension installed. The model needs no check per probe: the
 * service does not start unless it loaded and embedded a probe text; an inference per probe would queue behind real
 * requests and mark a busy replica unready when it is needed most.
 */
@Readiness
@ApplicationScoped
public class ServiceReadinessCheck implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(ServiceReadinessCheck.class);

    private final EmbeddingService embedding;
    private final EntityManager entityManager;
    private final DatabaseConfig database;
    /** The last probe's verdict, 1 (ready) or 0, as the gauge {@code semsearch.readiness} for alerts. */
    private final AtomicInteger ready = new AtomicInteger();

    public ServiceReadinessCheck(EmbeddingService embedding, EntityManager entityManager, DatabaseConfig database,
            MeterRegistry registry) {
        this.embedding = embedding;
        this.entityManager = entityManager;
        this.database = database;
        registry.gauge("semsearch.readiness", ready);
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponse response = check();
        ready.set(response.getStatus() == HealthCheckResponse.Status.UP ? 1 : 0);
        return response;
    }

    private HealthCheckResponse check() {
        ActiveModel model = embedding.activeModel();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("semantic-search")
                .withData("model", model.name())
                .withData("dimension", model.dimension())
                .withData("fallback", model.isFallback())
                .withData("reads", database.readUrl().isPresent() ? "replica" : "primary");
        model.fallbackReason().ifPresent(reason -> response.withData("fallbackReason", reason));
        try {
            List<?> version = QuarkusTransaction.requiringNew().call(() -> entityManager
                    .createNativeQuery("select extversion from pg_extension where extname = 'vector'")
                    .getResultList());
            if (version.isEmpty()) {
                return response.down().withData("database", "the vector extension is not installed").build();
            }
            response.withData("pgvector", String.valueOf(version.get(0)));
        } catch (RuntimeException e) {
            return response.down().withData("database", databaseState(e)).build();
        }
        return response.up().build();
    }

    /**
     * What the probe says of a failed database check: a stable phrase, never the driver's message (host names,
     * user names, SQL), which is logged instead.
     */
    static String databaseState(RuntimeException e) {
        LOG.warnf("Readiness: the database check failed: %s", e.getMessage());
        return DatabaseOutage.causedBy(e) ? "unreachable" : "the check query failed; the error is logged";
    }
}
