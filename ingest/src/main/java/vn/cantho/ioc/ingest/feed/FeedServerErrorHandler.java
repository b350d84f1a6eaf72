package vn.cantho.ioc.ingest.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
import vn.cantho.ioc.model.json.Json;

/**
 * The feed API's answer to errors the HTTP server raises itself, before any route runs (URL or headers too
 * large, a malformed request line, header or path): the same {@code {"code","message"}} JSON as every other
 * feed API error, where Jetty would send an HTML page.
 */
final class FeedServerErrorHandler extends ErrorHandler {

    @Override
    public boolean errorPageForMethod(String method) {
        // Jetty writes a body only for GET, POST and HEAD by default.
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(json(error(status, reason)));
    }

    @Override
    protected void generateAcceptableResponse(
            Request baseRequest, HttpServletRequest request, HttpServletResponse response, int code, String message)
            throws IOException {
        byte[] body = json(error(code, message));
        baseRequest.setHandled(true);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The code for a status Jetty chose, and its reason when that is a plain description (never an exception's text). */
    static FeedError error(int status, String reason) {
        String detail = reason == null || reason.isBlank() || reason.contains("Exception") || reason.contains("java.")
                ? ""
                : ": " + reason.replaceAll("\\p{Cntrl}", "?");
        for (FeedErrorCode code : new FeedErrorCode[] {
            FeedErrorCode.URI_TOO_LONG,
            FeedErrorCode.HEADERS_TOO_LARGE,
            FeedErrorCode.PAYLOAD_TOO_LARGE,
            FeedErrorCode.NOT_FOUND,
            FeedErrorCode.METHOD_NOT_ALLOWED
        }) {
            if (code.status() == status) {
                return new FeedError(code.name(), "refused by the HTTP server" + detail);
            }
        }
        if (status >= 400 && status < 500) {
            return new FeedError(FeedErrorCode.BAD_REQUEST.name(), "malformed request" + detail);
        }
        return new FeedError(FeedErrorCode.INTERNAL.name(), "internal error");
    }

    private static byte[] json(FeedError error) {
        try {
            return Json.mapper().writeValueAsBytes(error);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error body is always writable", e);
        }
    }
}
