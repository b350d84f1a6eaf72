package vn.cantho.ioc.api.alert;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import vn.cantho.ioc.model.json.Json;

/** Reads a Server-Sent Events stream over real HTTP and hands over its events (and comments) one by one. */
final class SseTestClient implements AutoCloseable {

    /** One event: name, id, parsed data and when it was read; for a comment, name is {@code :} and data null. */
    record Event(String name, String id, JsonNode data, long receivedNanos) {}

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> lines;

    SseTestClient(int port, String token, String query, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/api/v1/alerts/stream" + (query.isEmpty() ? "" : "?" + query)))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream");
        headers.forEach(request::header);
        response = HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> {
            lines = r.body();
            Thread reader = new Thread(() -> read(r.body()), "sse-test-client");
            reader.setDaemon(true);
            reader.start();
        });
    }

    int status() throws Exception {
        return response.get(10, TimeUnit.SECONDS).statusCode();
    }

    private void read(Stream<String> body) {
        List<String> data = new ArrayList<>();
        String[] name = {"message"};
        String[] id = {null};
        try {
            body.forEach(line -> {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(name[0], id[0], parse(String.join("\n", data)), System.nanoTime()));
                    }
                    data.clear();
                    name[0] = "message";
                    id[0] = null;
                } else if (line.startsWith(":")) {
                    events.add(new Event(":", null, null, System.nanoTime()));
                } else if (line.startsWith("event:")) {
                    name[0] = line.substring(6).strip();
                } else if (line.startsWith("id:")) {
                    id[0] = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    data.add(line.substring(5).strip());
                }
            });
        } catch (RuntimeException e) {
            // the stream was closed by the test
        }
    }

    private static JsonNode parse(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError("stream data is not JSON: " + text, e);
        }
    }

    /** The next event with this name (skipping others), or an assertion error after the timeout. */
    Event next(String name, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event event = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("no '" + name + "' event within " + timeout);
            }
            if (event.name().equals(name)) {
                return event;
            }
        }
    }

    /** The next {@code alert} event of this alert id. */
    Event nextAlert(long alertId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event event = next("alert", Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (event.data().path("alert").path("id").asLong() == alertId) {
                return event;
            }
        }
    }

    @Override
    public void close() {
        Stream<String> body = lines;
        if (body != null) {
            body.close();
        }
        response.cancel(true);
    }
}
