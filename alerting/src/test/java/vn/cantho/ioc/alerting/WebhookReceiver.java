package vn.cantho.ioc.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import vn.cantho.ioc.alerting.notify.WebhookSignature;
import vn.cantho.ioc.model.json.Json;

/**
 * A real HTTP webhook receiver for tests (the JDK's HttpServer on a free port) that behaves as the
 * docs tell receivers to: verify the signature, de-duplicate by idempotency key. It can fail the first
 * attempt of every message with HTTP 500 to exercise retries.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One message as received. */
    record Received(String path, String idempotencyKey, int attempt, boolean signatureValid, JsonNode body) {}

    private final HttpServer server;
    private final String secret;
    private final boolean failFirstAttempt;
    private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();
    private final List<Received> accepted = new ArrayList<>();
    private final List<Received> refused = new ArrayList<>();

    WebhookReceiver(String secret, boolean failFirstAttempt) throws IOException {
        this.secret = secret;
        this.failFirstAttempt = failFirstAttempt;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String key = exchange.getRequestHeaders().getFirst(WebhookSignature.IDEMPOTENCY_HEADER);
        long timestamp = Long.parseLong(exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER));
        boolean valid = WebhookSignature.verify(
                secret, timestamp, body, exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER));
        Received received = new Received(
                exchange.getRequestURI().getPath(),
                key,
                Integer.parseInt(exchange.getRequestHeaders().getFirst(WebhookSignature.ATTEMPT_HEADER)),
                valid,
                Json.mapper().readTree(body));
        int status;
        synchronized (this) {
            if (failFirstAttempt && failedOnce.add(key)) {
                refused.add(received);
                status = 500;
            } else {
                accepted.add(received);
                status = 204;
            }
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    synchronized List<Received> accepted() {
        return List.copyOf(accepted);
    }

    synchronized List<Received> refused() {
        return List.copyOf(refused);
    }

    /** Accepted messages per idempotency key. */
    synchronized Map<String, Long> acceptedCounts() {
        Map<String, Long> counts = new ConcurrentHashMap<>();
        accepted.forEach(r -> counts.merge(r.idempotencyKey(), 1L, Long::sum));
        return counts;
    }

    synchronized List<Received> acceptedFor(long alertId) {
        List<Received> out = new ArrayList<>();
        for (Received r : accepted) {
            if (r.body().path("alert").path("id").asLong() == alertId) {
                out.add(r);
            }
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
