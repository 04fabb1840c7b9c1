package io.semsearch.common;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

/**
 * Recognises a failure caused by the database being unreachable (down, restarting, refusing connections, or the
 * pool unable to hand out a connection in time), whatever the layers wrapped around it: the client may retry later.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    public static boolean causedBy(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getMessage() != null
                    && sql.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
                return true;
            }
            if ("org.hibernate.exception.JDBCConnectionException".equals(t.getClass().getName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception), 57P01-57P03 (administrator or crash shutdown, cannot connect now) and
     * 53300 (too many connections).
     */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03") || state.equals("53300"));
    }
}
