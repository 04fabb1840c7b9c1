package io.semsearch.feedback;

import io.semsearch.common.ApiException;

import java.sql.SQLException;
import java.util.Map;

/** The primary database takes no writes at the moment (read-only, as during a failover): feedback may be sent again. */
public class FeedbackNotStoredException extends ApiException {

    private final long retryAfterSeconds;

    public FeedbackNotStoredException(long retryAfterSeconds, Throwable cause) {
        super(503, "Service unavailable", "The database takes no writes at the moment (it is read-only); send the "
                + "feedback again later", cause);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", Long.toString(retryAfterSeconds));
    }

    /** Whether {@code failure} comes from writing to a read-only database (SQLSTATE 25006). */
    static boolean readOnlyDatabase(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "25006".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
