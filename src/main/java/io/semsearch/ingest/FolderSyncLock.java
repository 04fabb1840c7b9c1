package io.semsearch.ingest;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * One replica at a time syncs a given folder: a PostgreSQL session advisory lock on the folder's name, held on a
 * connection of its own for the length of the sync. A replica that finds the lock taken skips that round; a replica
 * that dies releases it with its connection. The lock only saves duplicate work: syncing without it is still safe
 * (indexing is idempotent, deletions are guarded).
 */
@ApplicationScoped
public class FolderSyncLock {

    private static final Logger LOG = Logger.getLogger(FolderSyncLock.class);

    private final AgroalDataSource dataSource;

    public FolderSyncLock(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The lock on the folder when no other session holds it; close it to release it. */
    public Optional<Held> tryLock(String folder) {
        String key = "semsearch-folder-sync:" + folder;
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(hashtext(?))")) {
                lock.setString(1, key);
                try (ResultSet row = lock.executeQuery()) {
                    row.next();
                    if (row.getBoolean(1)) {
                        return Optional.of(new Held(connection, key));
                    }
                }
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("Cannot take the folder sync lock: " + e.getMessage(), e);
        }
    }

    /** A held lock. */
    public static final class Held implements AutoCloseable {

        private final Connection connection;
        private final String key;

        private Held(Connection connection, String key) {
            this.connection = connection;
            this.key = key;
        }

        @Override
        public void close() {
            // a pooled connection outlives close(): the session, and its lock, must be released explicitly
            try (PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(hashtext(?))")) {
                unlock.setString(1, key);
                unlock.execute();
            } catch (SQLException e) {
                LOG.warnf("Cannot release the folder sync lock %s: %s", key, e.getMessage());
            } finally {
                closeQuietly(connection);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // already broken: its session, and any lock, end with it
            }
        }
    }
}
