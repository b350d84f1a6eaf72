package vn.cantho.ioc.api.http;

import io.javalin.http.HttpResponseException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.store.StoreUnavailableException;

/**
 * Turns whatever request handling threw into the API's JSON error: our own {@link ApiException}s
 * as they are, a database outage as 503, Javalin's routing failures as 404/405, and anything else as
 * a 500 whose details stay in the log (clients get a reference to quote, never a stack trace).
 */
public final class ErrorMapper {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    /**
     * @param method and {@code path} describe the request, for messages and logs
     */
    public ErrorResponse map(Throwable error, String method, String path) {
        if (error instanceof ApiException api) {
            return ErrorResponse.of(api.code(), api.getMessage());
        }
        if (error instanceof StoreUnavailableException) {
            // Expected during outages and already visible in /health: one line, no stack trace.
            LOG.warn("{} {}: database unavailable: {}", method, path, error.getMessage());
            return ErrorResponse.of(ErrorCode.DATABASE_UNAVAILABLE, "the database is unavailable; try again shortly");
        }
        if (error instanceof HttpResponseException http) {
            return routing(http.getStatus(), method, path);
        }
        String reference = UUID.randomUUID().toString();
        LOG.error("{} {} failed (reference {})", method, path, reference, error);
        return ErrorResponse.of(ErrorCode.INTERNAL, "internal error; reference " + reference);
    }

    /**
     * An error the HTTP server raised itself ({@link ServerErrorHandler}): its status kept, a stable code, and
     * Jetty's reason when it is a plain description (never an exception's text).
     */
    public static ErrorResponse raisedByServer(int status, String reason) {
        String detail = reason == null || reason.isBlank() || reason.contains("Exception") || reason.contains("java.")
                ? ""
                : ": " + reason.replaceAll("\\p{Cntrl}", "?");
        if (status == ErrorCode.URI_TOO_LONG.status()) {
            return ErrorResponse.of(
                    ErrorCode.URI_TOO_LONG, "the request line (path and query) is longer than the server accepts");
        }
        if (status == ErrorCode.HEADERS_TOO_LARGE.status()) {
            return ErrorResponse.of(
                    ErrorCode.HEADERS_TOO_LARGE, "the request headers are larger than the server accepts");
        }
        if (status == ErrorCode.PAYLOAD_TOO_LARGE.status()) {
            return ErrorResponse.of(
                    ErrorCode.PAYLOAD_TOO_LARGE, "the request body is larger than this endpoint accepts");
        }
        if (status == ErrorCode.NOT_FOUND.status()) {
            return ErrorResponse.of(ErrorCode.NOT_FOUND, "no endpoint at this path" + detail);
        }
        if (status == ErrorCode.METHOD_NOT_ALLOWED.status()) {
            return ErrorResponse.of(ErrorCode.METHOD_NOT_ALLOWED, "this method is not allowed here");
        }
        if (status >= 400 && status < 500) {
            return new ErrorResponse(status, new ApiError(ErrorCode.BAD_REQUEST.name(), "malformed request" + detail));
        }
        return ErrorResponse.of(ErrorCode.INTERNAL, "internal error");
    }

    private static ErrorResponse routing(int status, String method, String path) {
        if (status == ErrorCode.NOT_FOUND.status()) {
            return ErrorResponse.of(ErrorCode.NOT_FOUND, "no endpoint " + method + " " + path);
        }
        if (status == ErrorCode.PAYLOAD_TOO_LARGE.status()) {
            return ErrorResponse.of(
                    ErrorCode.PAYLOAD_TOO_LARGE, "the request body is larger than this endpoint accepts");
        }
        if (status == ErrorCode.METHOD_NOT_ALLOWED.status()) {
            return ErrorResponse.of(ErrorCode.METHOD_NOT_ALLOWED, method + " is not allowed on " + path);
        }
        if (status >= 400 && status < 500) {
            return new ErrorResponse(
                    status, new ApiError(ErrorCode.BAD_REQUEST.name(), "the request cannot be processed"));
        }
        return ErrorResponse.of(ErrorCode.INTERNAL, "internal error");
    }
}
