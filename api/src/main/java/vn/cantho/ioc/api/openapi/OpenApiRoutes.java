package vn.cantho.ioc.api.openapi;

import io.javalin.router.JavalinDefaultRouting;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import vn.cantho.ioc.api.auth.Access;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI 3 document of the API, a hand-written resource
 * ({@code openapi.json} beside this class's package on the classpath). {@code OpenApiDocumentTest}
 * keeps it in step with the routes the server registers, in both directions.
 */
public final class OpenApiRoutes {

    public static final String PATH = "/api/v1/openapi.json";
    /** Classpath location of the document. */
    public static final String RESOURCE = "/openapi.json";

    private final String document;

    public OpenApiRoutes() {
        this.document = load();
    }

    public void register(JavalinDefaultRouting router) {
        router.get(PATH, ctx -> ctx.contentType("application/json").result(document), Access.READ);
    }

    /** The document's text. */
    public static String load() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document " + RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
