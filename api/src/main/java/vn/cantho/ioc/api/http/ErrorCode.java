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
    /** No indicator or KPI with this id in the indicator registry. */
    UNKNOWN_INDICATOR(404),
    /** No endpoint at this path. */
    NOT_FOUND(404),
    /** The path exists but not for this HTTP method. */
    METHOD_NOT_ALLOWED(405),
    /** No token, a malformed Authorization header, an unknown or revoked token, or an invalid or expired JWT. */
    UNAUTHENTICATED(401),
    /** The token is valid but its role may not do this (or a valid JWT carries no hub role). */
    FORBIDDEN(403),
    /** The request body is not valid JSON or not the documented shape; the message says what is wrong. */
    BAD_BODY(400),
    /** The request body is larger than the endpoint accepts. */
    PAYLOAD_TOO_LARGE(413),
    /** The request line (path and query string) is longer than the server accepts (8 KiB). */
    URI_TOO_LONG(414),
    /** The request headers together are larger than the server accepts (8 KiB). */
    HEADERS_TOO_LARGE(431),
    /** {@code If-Match} names another version than the current one: someone else changed it first. */
    VERSION_MISMATCH(412),
    /** A registry change would leave the registry inconsistent (unknown area or metric, bad id, ...); nothing changed. */
    INVALID_REGISTRY_CHANGE(400),
    UNKNOWN_ALERT(404),
    UNKNOWN_SILENCE(404),
    /** No request for explanation with this id (or, for a department, none addressed to it). */
    UNKNOWN_EXPLANATION_REQUEST(404),
    /** The command is refused as given (e.g. a comment without text, a snooze beyond 7 days); nothing changed. */
    INVALID_COMMAND(400),
    /** The command does not apply to the resource in its current state, e.g. expiring an expired silence. */
    CONFLICT(409),
    /** The endpoint cannot answer in the media type the Accept header asks for. */
    NOT_ACCEPTABLE(406),
    /**
     * A request the server cannot process for another client-side reason: a malformed request line, header or
     * path (also when the HTTP server refuses it before any route), a {@code .}/{@code ..} or NUL path segment,
     * a body that cannot be read (ends early, broken chunks).
     */
    BAD_REQUEST(400),
    /** A bug; details are in the server log under the reference the message quotes. */
    INTERNAL(500),
    /** The database cannot be reached or did not answer in time; retry later. */
    DATABASE_UNAVAILABLE(503),
    /**
     * With OIDC configured: the identity provider's signing keys (JWKS) cannot be fetched and none are
     * cached yet, so a JWT cannot be checked; retry later.
     */
    IDENTITY_PROVIDER_UNAVAILABLE(503);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
