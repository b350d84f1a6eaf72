package vn.cantho.ioc.ingest.feed;

/**
 * Stable codes of the feed API's whole-request errors and the HTTP status each is sent with. Clients
 * branch on the code, never on the message; codes are only ever added, never renamed.
 */
public enum FeedErrorCode {
    /** No bearer token, a malformed one, or one that is unknown or revoked. */
    UNAUTHENTICATED(401),
    /** The token is valid but may not push this feed (another department's feed, or not a department token). */
    FORBIDDEN(403),
    /** No feed with this id in the registry. */
    UNKNOWN_FEED(404),
    /** No endpoint at this path. */
    NOT_FOUND(404),
    /** The path exists but not for this HTTP method. */
    METHOD_NOT_ALLOWED(405),
    /** The body is not well-formed JSON, or not an array of records / {"records": [...]}; the message gives the line. */
    BAD_JSON(400),
    /** The CSV body cannot be read (unterminated quote, bad header); the message gives the line. */
    BAD_CSV(400),
    /**
     * Another problem with the request, e.g. a malformed Idempotency-Key header, a body that cannot be read, or
     * a malformed request line, header or path that the HTTP server refuses before any route.
     */
    BAD_REQUEST(400),
    /** The request line (path and query) is longer than the server accepts (8 KiB). */
    URI_TOO_LONG(414),
    /** The request headers together are larger than the server accepts (8 KiB). */
    HEADERS_TOO_LARGE(431),
    /** Content-Type missing or not application/json or text/csv. */
    UNSUPPORTED_MEDIA_TYPE(415),
    /** The body exceeds the byte limit, or carries more rows than the feed allows. */
    PAYLOAD_TOO_LARGE(413),
    /** The Idempotency-Key was used before by this department for a different request. */
    IDEMPOTENCY_KEY_REUSED(409),
    /** A request with the same Idempotency-Key is still being processed. */
    IDEMPOTENCY_KEY_IN_USE(409),
    /** Kafka did not confirm the records in time; nothing was recorded as received, push again. */
    KAFKA_UNAVAILABLE(503),
    /** The database cannot be reached; push again shortly. */
    DATABASE_UNAVAILABLE(503),
    /** A bug; the message quotes a reference to the server log. */
    INTERNAL(500);

    private final int status;

    FeedErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
