package io.semsearch.document;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.semsearch.common.DaemonThreads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * BM25's corpus statistics (document frequency per lexeme, chunk and token counts), which triggers on the chunk table
 * record as changes (migration V4): {@link #fold} adds the committed changes into the totals that searches read. It
 * runs on the primary, after each write of this service and every {@code semsearch.store.statistics-fold-interval}
 * for writes made elsewhere.
 */
@ApplicationScoped
public class LexicalStatistics {

    private static final Logger LOG = Logger.getLogger(LexicalStatistics.class);

    private final AgroalDataSource primary;
    private final StoreConfig config;
    private ScheduledExecutorService scheduler;

    public LexicalStatistics(AgroalDataSource primary, StoreConfig config) {
        this.primary = primary;
        this.config = config;
    }

    /** Adds the committed changes into the statistics; returns the number of changes folded. */
    public long fold() {
        try (Connection connection = primary.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select fold_statistics_changes()")) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Folding the lexical statistics failed: " + e.getMessage(), e);
        }
    }

    /** Folds, and logs instead of failing: the write that called it is committed, the next fold catches up. */
    public void foldQuietly() {
        try {
            fold();
        } catch (RuntimeException e) {
            LOG.warnf("%s; they will be folded later", e.getMessage());
        }
    }

    void start(@Observes StartupEvent event) {
        long interval = Math.max(1, config.statisticsFoldInterval().toMillis());
        scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("lexical-statistics-fold"));
        scheduler.scheduleWithFixedDelay(this::foldQuietly, 0, interval, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
