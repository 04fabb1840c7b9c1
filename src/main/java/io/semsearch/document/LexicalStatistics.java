package io.semsearch.document;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

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

    public LexicalStatistics(AgroalDataSource primary) {
        this.primary = primary;
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

    /**
     * The fold for writes made by other processes, from start on; never two at once. The scheduler reads the property
     * itself, not {@link StoreConfig}: the default is repeated.
     */
    @Scheduled(identity = "lexical-statistics-fold", every = "${semsearch.store.statistics-fold-interval:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void foldPeriodically() {
        foldQuietly();
    }
}
