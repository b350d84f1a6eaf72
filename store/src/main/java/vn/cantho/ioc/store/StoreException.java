package vn.cantho.ioc.store;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

/**
 * A database operation failed. Unchecked so callers decide where to handle it: the sink backs off
 * and retries the same batch, the API answers with an error. {@link StoreUnavailableException} marks
 * the failures that mean "the database cannot be reached right now" rather than a bug.
 */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Wraps {@code e} as a {@link StoreUnavailableException} when it is a connection-level failure,
     * else as a plain {@link StoreException}; {@code what} says which operation failed.
     */
    public static StoreException wrap(String what, SQLException e) {
        // A failed batch's own message repeats the whole statement; the next exception says what went wrong.
        SQLException telling =
                e instanceof BatchUpdateException && e.getNextException() != null ? e.getNextException() : e;
        String message = what + ": " + telling.getMessage();
        return SqlFailures.isUnavailable(e)
                ? new StoreUnavailableException(message, e)
                : new StoreException(message, e);
    }
}
