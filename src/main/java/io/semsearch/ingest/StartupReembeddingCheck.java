package io.semsearch.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/**
 * The HTTP ports answer before the start-up tasks end: while documents are re-embedded after a model change
 * ({@link ModelChangeReembedding}), {@code /q/health/started} and {@code /q/health/ready} say DOWN, so that no
 * replica serves searches over vectors of two models (Kubernetes' startup probe waits for it).
 */
@Startup
@Readiness
@ApplicationScoped
public class StartupReembeddingCheck implements HealthCheck {

    private final ModelChangeReembedding reembedding;

    public StartupReembeddingCheck(ModelChangeReembedding reembedding) {
        this.reembedding = reembedding;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("start-up re-embedding").status(reembedding.finished()).build();
    }
}
