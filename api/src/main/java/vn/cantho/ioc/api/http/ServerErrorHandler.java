package vn.cantho.ioc.api.http;

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
 * The API's answer to errors the HTTP server raises itself, before any route runs: a request line or
 * URL too long (414 {@code URI_TOO_LONG}), headers too large (431 {@code HEADERS_TOO_LARGE}), a malformed
 * request, path or header (400 {@code BAD_REQUEST}). Jetty would answer those with an HTML page; this
 * makes them the same {@code {"code","message"}} JSON as every other error.
 */
public final class ServerErrorHandler extends ErrorHandler {

    @Override
    public boolean errorPageForMethod(String method) {
        // Jetty writes a body only for GET, POST and HEAD by default; a refused PUT or DELETE gets one too.
        return true;
    }

    /** Errors found while parsing the request, answered without reaching the servlet. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        return ByteBuffer.wrap(json(ErrorMapper.raisedByServer(status, reason)));
    }

    /** Errors raised inside the servlet context but outside the API's exception mapping, e.g. a refused path. */
    @Override
    protected void generateAcceptableResponse(
            Request baseRequest, HttpServletRequest request, HttpServletResponse response, int code, String message)
            throws IOException {
        byte[] body = json(ErrorMapper.raisedByServer(code, message));
        baseRequest.setHandled(true);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static byte[] json(ErrorResponse error) {
        try {
            return Json.mapper().writeValueAsBytes(error.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error body is always writable", e);
        }
    }
}
