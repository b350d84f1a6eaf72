package vn.cantho.ioc.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.embedded.WorkDirectories;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.model.mqtt.TelemetryTopic;
import vn.cantho.ioc.testkit.OutsideDevice;

/**
 * A simulated incident through the whole hub as {@code ./ioc up} runs it, driven only from outside: a
 * gauge publishes a river level past BĐ II over MQTT, the alert arrives on an operator's live stream
 * (SSE), the operator acknowledges it with a comment over HTTP, and the audit trail shows who did it.
 */
@Tag("hub")
@Tag("mqtt")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class HubIncidentIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_river_level_past_bd_ii_reaches_the_operators_live_stream_and_their_ack_is_in_the_audit_trail()
            throws Exception {
        Path dataDir = WorkDirectories.temporary("hub-incident-it");
        try (Hub hub = TestHub.in(dataDir).with("RULES_TICK_INTERVAL", "1s").start()) {
            // Given an operator watching the live stream of environment alerts
            String operator = HubIT.apiToken(hub, "operator");
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> send(hub, operator, "GET", "/health", null).statusCode() == 200);
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            CompletableFuture<HttpResponse<Stream<String>>> stream = http.sendAsync(
                    request(hub, operator, "/api/v1/alerts/stream?domain=environment")
                            .header("Accept", "text/event-stream")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofLines());
            Thread reader = new Thread(() -> stream.join().body().forEach(lines::add), "incident-sse");
            reader.setDaemon(true);
            reader.start();

            // When the Cần Thơ gauge reports 1.95 m
            long published = System.nanoTime();
            OutsideDevice.publishOnce(
                    hub.endpoints().mqttUrl(),
                    TelemetryTopic.of("wl-can-tho"),
                    "{\"ts\":\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                            + "\",\"values\":{\"water_level\":1.95}}");

            // Then the alert arrives on the stream
            String data = awaitLine(
                    lines, line -> line.startsWith("data:") && line.contains("river-level-bd"), Duration.ofSeconds(90));
            System.out.printf(
                    "incident latency (MQTT publish -> SSE event): %d ms%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - published));
            assertThat(data).contains("wl-can-tho").contains("MAJOR");

            // And the operator acknowledges it over HTTP, with a comment
            JsonNode alert = Json.mapper()
                    .readTree(send(hub, operator, "GET", "/api/v1/alerts?rule=river-level-bd", null)
                            .body())
                    .get("items")
                    .get(0);
            long id = alert.get("id").asLong();
            HttpResponse<String> ack = http.send(
                    request(hub, operator, "/api/v1/alerts/" + id + "/ack")
                            .header("Content-Type", "application/json")
                            .header("If-Match", "\"" + alert.get("version").asLong() + "\"")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"comment\":\"đã báo đội ứng phó lũ\"}", StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);

            JsonNode trail = Json.mapper()
                    .readTree(send(hub, operator, "GET", "/api/v1/alerts/" + id + "/events", null)
                            .body())
                    .get("items");
            assertThat(trail).anySatisfy(event -> {
                assertThat(event.toString()).contains("đã báo đội ứng phó lũ");
                assertThat(event.get("actor").asText()).startsWith("demo operator");
            });
            stream.cancel(true);
        }
    }

    private static String awaitLine(
            BlockingQueue<String> lines, java.util.function.Predicate<String> wanted, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null && wanted.test(line)) {
                return line;
            }
        }
        throw new AssertionError("no matching event on the live stream within " + timeout);
    }

    private HttpRequest.Builder request(Hub hub, String token, String path) {
        return HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + hub.endpoints().httpPort() + path))
                .header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(Hub hub, String token, String method, String path, String body) throws Exception {
        return http.send(
                request(hub, token, path)
                        .timeout(Duration.ofSeconds(10))
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
