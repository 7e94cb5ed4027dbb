package io.wem.common.messaging;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.concurrent.TimeoutException;

/**
 * Tells transient failures (the database or a service not answering, a serialization conflict) from permanent
 * ones (malformed, forged or invalid messages, bugs). Only permanent failures are dead-lettered.
 */
public final class Transience {

    private Transience() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientFailure || t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof ConnectException || t instanceof SocketTimeoutException
                    || t instanceof TimeoutException
                    || t instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException
                    || t instanceof org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException
                    || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && transientState(sql)) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE classes 08 (connection), 53 (insufficient resources), 57P (server shutting down), 40001/40P01
     * (serialization failure, deadlock); and the pool's acquisition timeout, which has no SQLSTATE.
     */
    private static boolean transientState(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            return e.getMessage() != null && e.getMessage().contains("Acquisition timeout");
        }
        return state.startsWith("08") || state.startsWith("53") || state.startsWith("57P") || state.equals("40001")
                || state.equals("40P01");
    }
}
