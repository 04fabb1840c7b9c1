package io.semsearch.common;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseOutageTest {

    private static final SQLException LOST_CONNECTION =
            new SQLException("An I/O error occurred while sending to the backend.", "08006");

    @Test
    void aLostConnectionIsAnOutageWhateverWrapsIt() {
        assertTrue(DatabaseOutage.causedBy(LOST_CONNECTION));
        assertTrue(DatabaseOutage.causedBy(new IllegalStateException("search failed",
                new RuntimeException(LOST_CONNECTION))));
        assertTrue(DatabaseOutage.causedBy(new SQLTransientConnectionException("pool: acquisition timeout")));
        assertTrue(DatabaseOutage.causedBy(new SQLException("terminating connection", "57P01")));
    }

    /** A commit that fails because the server went away: the lost connection only as a suppressed exception. */
    @Test
    void aCommitThatLostItsConnectionIsAnOutage() {
        Exception xa = new Exception("Error trying to transactionCommit local transaction", LOST_CONNECTION);
        Exception rollback = new Exception("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);
        assertTrue(DatabaseOutage.causedBy(new RuntimeException(rollback)));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(DatabaseOutage.causedBy(new SQLException("duplicate key value", "23505")));
        assertFalse(DatabaseOutage.causedBy(new IllegalStateException("bug")));
        assertFalse(DatabaseOutage.causedBy(null));
        Exception loop = new Exception("a");
        Exception other = new Exception("b", loop);
        loop.addSuppressed(other);
        assertFalse(DatabaseOutage.causedBy(loop));
    }
}
