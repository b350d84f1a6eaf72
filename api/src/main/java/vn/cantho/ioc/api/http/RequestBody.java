package vn.cantho.ioc.api.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import vn.cantho.ioc.api.ApiServer;

/** The one way handlers read a request body, so a body the server cannot read is a 400 like any bad body. */
public final class RequestBody {

    private RequestBody() {}

    /**
     * The body's bytes.
     *
     * @throws ApiException PAYLOAD_TOO_LARGE when its Content-Length is over {@link ApiServer#MAX_BODY_BYTES}
     * @throws ApiException BAD_REQUEST when the body cannot be read (it ends before its Content-Length, or its
     *                      chunked encoding is broken); Jetty reports that as a client abort, which Javalin
     *                      would answer with an empty 500
     */
    public static byte[] bytes(Context ctx) {
        // Javalin checks the int Content-Length, which is -1 for 2 GiB and more: it would wait for such a body.
        if (ctx.req().getContentLengthLong() > ApiServer.MAX_BODY_BYTES) {
            throw new ApiException(
                    ErrorCode.PAYLOAD_TOO_LARGE,
                    "the request body is larger than this endpoint accepts (" + ApiServer.MAX_BODY_BYTES + " bytes)");
        }
        try {
            return ctx.bodyAsBytes();
        } catch (HttpResponseException e) {
            throw e;
        } catch (Exception e) {
            throw new ApiException(
                    ErrorCode.BAD_REQUEST,
                    "the request body cannot be read: it ends early or its " + "chunked encoding is broken");
        }
    }
}
