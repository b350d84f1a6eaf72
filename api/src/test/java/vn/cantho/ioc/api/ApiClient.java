package vn.cantho.ioc.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import vn.cantho.ioc.model.json.Json;

/** A minimal HTTP client for the integration tests: sends a request, parses the JSON answer. */
public final class ApiClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
    private final String base;
    private final String token;

    /** A client that sends no token. */
    public ApiClient(int port) {
        this(port, null);
    }

    /** A client that sends {@code Authorization: Bearer token} with every request. */
    public ApiClient(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    /** A response's status, content type and parsed body. */
    public record Response(int status, String contentType, JsonNode body, Map<String, List<String>> headers) {

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        public String code() {
            return body.path("code").asText(null);
        }

        public String message() {
            return body.path("message").asText(null);
        }
    }

    /** GETs {@code pathAndQuery}, which must already be URL-encoded (see {@link #encode(String)}). */
    public Response get(String pathAndQuery) {
        return send("GET", pathAndQuery);
    }

    public Response send(String method, String pathAndQuery) {
        return send(method, pathAndQuery, null, Map.of());
    }

    /** POSTs a JSON body (sent as it is, so tests can send malformed JSON). */
    public Response post(String path, String body, Map<String, String> headers) {
        return send("POST", path, body, headers);
    }

    public Response post(String path, String body) {
        return send("POST", path, body, Map.of());
    }

    /** Sends a request; {@code body} null for none. */
    public Response send(String method, String pathAndQuery, String body, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(TIMEOUT)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        headers.forEach(builder::header);
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    Json.mapper().readTree(response.body().isEmpty() ? "null" : response.body()),
                    response.headers().map());
        } catch (IOException e) {
            throw new AssertionError(method + " " + pathAndQuery + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Sends {@code GET target} over a plain socket and returns the raw response text: for request
     * targets that {@link java.net.URI} refuses to build, such as broken percent-encoding.
     */
    public String rawGet(String target) {
        URI uri = URI.create(base);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.getOutputStream()
                    .write(("GET " + target + " HTTP/1.1\r\nHost: " + uri.getAuthority()
                                    + (token == null ? "" : "\r\nAuthorization: Bearer " + token)
                                    + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("GET " + target + " failed: " + e, e);
        }
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
