package vn.cantho.ioc.api.http;

/**
 * The stable error codes of the API and the HTTP status each is sent with. Clients branch on the
 * code, never on the message, so codes are only ever added, never renamed.
 */
public enum ErrorCode {
    /** A query or path parameter is malformed, out of range or contradicts another; the message names it. */
    BAD_PARAMETER(400),
    UNKNOWN_METRIC(404),
    UNKNOWN_DEVICE(404),
    UNKNOWN_AREA(404),
    /** An {@code indicator=} that is not in the indicator registry. */
    UNKNOWN_INDICATOR(404),
    /** No endpoint at this path. */
    NOT_FOUND(404),
    /** The path exists but not for this HTTP method. */
    METHOD_NOT_ALLOWED(405),
    /** A request the server cannot process for another client-side reason. */
    BAD_REQUEST(400),
    /** A bug; details are in the server log under the reference the message quotes. */
    INTERNAL(500),
    /** The database cannot be reached or did not answer in time; retry later. */
    DATABASE_UNAVAILABLE(503);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
