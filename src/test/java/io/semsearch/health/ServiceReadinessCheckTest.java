package io.semsearch.health;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the readiness probe tells of a failed database check: never the driver's own message. */
class ServiceReadinessCheckTest {

    @Test
    void theDriversMessageIsNotEchoed() {
        RuntimeException lost = new RuntimeException(new SQLException("Connection to db.internal:5432 refused."
                + " Check that the hostname and port are correct", "08001"));
        assertEquals("unreachable", ServiceReadinessCheck.databaseState(lost));
        RuntimeException other = new RuntimeException(new SQLException(
                "FATAL: password authentication failed for user \"semsearch\"", "28P01"));
        assertEquals("the check query failed; the error is logged", ServiceReadinessCheck.databaseState(other));
    }
}
