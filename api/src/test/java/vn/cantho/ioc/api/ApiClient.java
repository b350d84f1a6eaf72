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
import vn.cantho.ioc.model.json.Json;

/** A minimal HTTP client for the integration tests: sends a request, parses the JSON answer. */
final class ApiClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();
    private final String base;

    ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A response's status, content type and parsed body. */
    record Response(int status, String contentType, JsonNode body) {

        String code() {
            return body.path("code").asText(null);
        }

        String message() {
            return body.path("message").asText(null);
        }
    }

    /** GETs {@code pathAndQuery}, which must already be URL-encoded (see {@link #encode(String)}). */
    Response get(String pathAndQuery) {
        return send("GET", pathAndQuery);
    }

    Response send(String method, String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(TIMEOUT)
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    Json.mapper().readTree(response.body().isEmpty() ? "null" : response.body()));
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
    String rawGet(String target) {
        URI uri = URI.create(base);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: " + uri.getAuthority()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("GET " + target + " failed: " + e, e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
