package vn.cantho.ioc.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.model.mqtt.TelemetryTopic;

/**
 * Times single readings through the running hub from outside, as a device and an operator see it: each
 * probe publishes one reading over MQTT (QoS 1) on its own probe gauge; one thread watches for the
 * readings' rows in {@code readings} (storage lag) while an operator's live stream
 * ({@code /api/v1/alerts/stream}) delivers the alerts they raise (alert latency). Both ends are timed
 * with this JVM's monotonic clock.
 */
final class Probes implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Probes.class);
    private static final Duration STORE_POLL = Duration.ofMillis(10);

    private final String mqttUrl;
    private final DataSource database;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, Long> publishedNanos = new ConcurrentHashMap<>();
    private final Map<String, Long> alertNanos = new ConcurrentHashMap<>();
    private final Map<String, Long> storedNanos = new ConcurrentHashMap<>();
    private final Set<String> unstored = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> publishedAt = new ConcurrentHashMap<>();
    private final Map<String, Instant> evaluatedAt = new ConcurrentHashMap<>();
    private final CountDownLatch streamOpen = new CountDownLatch(1);
    private CompletableFuture<HttpResponse<Stream<String>>> stream;

    Probes(String mqttUrl, DataSource database) {
        this.mqttUrl = mqttUrl;
        this.database = database;
    }

    /**
     * What the probes measured, in milliseconds, one sample per probe that arrived.
     *
     * @param storedMs    reading published → its row in {@code readings}
     * @param alertMs     reading published → its alert on the live stream
     * @param evaluatedMs reading published → the rule processor's condition event (wall clocks of this
     *                    machine), the part of {@code alertMs} before the alert store and the stream
     */
    record Result(int sent, List<Double> storedMs, List<Double> alertMs, List<Double> evaluatedMs) {}

    /** Opens the operator's live stream of the probe rule's alerts and waits for its snapshot. */
    void openStream(int httpPort, String operatorToken) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + httpPort + "/api/v1/alerts/stream?rule=" + ProbeFixture.RULE_ID))
                .header("Authorization", "Bearer " + operatorToken)
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        stream = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> stream.join().body().forEach(this::onLine), "bench-sse");
        reader.setDaemon(true);
        reader.start();
        if (!streamOpen.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the live alert stream sent no snapshot within 60 s");
        }
    }

    private void onLine(String line) {
        long now = System.nanoTime();
        if (line.startsWith("event: snapshot") || line.startsWith("event:snapshot")) {
            streamOpen.countDown();
            return;
        }
        if (!line.startsWith("data:")) {
            return;
        }
        JsonNode data;
        try {
            data = Json.mapper().readTree(line.substring("data:".length()).strip());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("the live stream sent data that is not JSON: " + line, e);
        }
        JsonNode alert = data.path("alert");
        String entity = alert.path("entityId").asText();
        if (publishedNanos.containsKey(entity)
                && "FIRING".equals(alert.path("condition").asText())
                && alertNanos.putIfAbsent(entity, now) == null) {
            evaluatedAt.put(entity, Instant.parse(data.path("event").path("at").asText()));
        }
    }

    /**
     * Sends one probe per gauge on a fixed schedule evenly spread over {@code spread} (a slow hub delays
     * no probe, so a stall shows in every probe sent during it), while another thread watches the
     * database for the probes' rows; after the last, waits up to {@code wait} for rows and alerts still
     * on their way.
     */
    Result run(List<String> gauges, Duration spread, Duration wait) throws MqttException, InterruptedException {
        long spacing = spread.toNanos() / Math.max(1, gauges.size());
        Thread watcher = new Thread(() -> watchStored(gauges.size()), "bench-probe-stored");
        watcher.setDaemon(true);
        watcher.start();
        long start = System.nanoTime();
        MqttClient client = new MqttClient(mqttUrl, "bench-probe-" + System.nanoTime(), new MemoryPersistence());
        try {
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            client.connect(options);
            for (int i = 0; i < gauges.size(); i++) {
                sleepUntil(start + i * spacing);
                String gauge = gauges.get(i);
                Instant ts = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                MqttMessage message = new MqttMessage(("{\"ts\":\"" + ts + "\",\"values\":{\"" + ProbeFixture.METRIC
                                + "\":" + ProbeFixture.FIRING_LEVEL + "}}")
                        .getBytes(StandardCharsets.UTF_8));
                message.setQos(1);
                publishedAt.put(gauge, Instant.now());
                publishedNanos.put(gauge, System.nanoTime());
                unstored.add(gauge);
                client.publish(TelemetryTopic.of(gauge), message);
            }
            client.disconnect();
        } finally {
            client.close();
        }
        long deadline = System.nanoTime() + wait.toNanos();
        while ((alertNanos.size() < gauges.size() || storedNanos.size() < gauges.size())
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        watcher.interrupt();
        List<Double> storedMs = new ArrayList<>();
        storedNanos.forEach((gauge, stored) -> storedMs.add((stored - publishedNanos.get(gauge)) / 1e6));
        List<Double> alertMs = new ArrayList<>();
        List<Double> evaluatedMs = new ArrayList<>();
        alertNanos.forEach((gauge, arrived) -> {
            alertMs.add((arrived - publishedNanos.get(gauge)) / 1e6);
            evaluatedMs.add(Duration.between(publishedAt.get(gauge), evaluatedAt.get(gauge))
                            .toNanos()
                    / 1e6);
        });
        logTimeline(gauges);
        return new Result(gauges.size(), storedMs, alertMs, evaluatedMs);
    }

    /**
     * One log line per probe, in publish order (logger {@code vn.cantho.ioc.bench.Probes}): when it was published and
     * how long each step took. The percentiles say how long the tail is; this says when it happens, e.g. whether the
     * slow probes sit on minute boundaries, where every device's window closes at once.
     */
    private void logTimeline(List<String> gauges) {
        for (String gauge : gauges) {
            Long published = publishedNanos.get(gauge);
            if (published == null) {
                continue;
            }
            Long stored = storedNanos.get(gauge);
            Long alert = alertNanos.get(gauge);
            Instant evaluated = evaluatedAt.get(gauge);
            LOG.info(
                    "probe timeline {} published {} stored {} evaluated {} alert {}",
                    gauge,
                    publishedAt.get(gauge),
                    stored == null ? "-" : (stored - published) / 1_000_000 + " ms",
                    evaluated == null
                            ? "-"
                            : Duration.between(publishedAt.get(gauge), evaluated)
                                            .toMillis() + " ms",
                    alert == null ? "-" : (alert - published) / 1_000_000 + " ms");
        }
    }

    /** The storage lag of {@code gauge}'s probe so far: empty until its row is stored (or if never sent). */
    OptionalDouble storedMs(String gauge) {
        Long stored = storedNanos.get(gauge);
        Long published = publishedNanos.get(gauge);
        return stored == null || published == null
                ? OptionalDouble.empty()
                : OptionalDouble.of((stored - published) / 1e6);
    }

    /** Polls for the rows of published probes not yet stored (each probe gauge has exactly one reading). */
    private void watchStored(int probes) {
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT device_id FROM readings WHERE ? = ANY (metrics) AND device_id = ANY (?)")) {
            select.setString(1, ProbeFixture.METRIC);
            while (storedNanos.size() < probes && !Thread.currentThread().isInterrupted()) {
                if (!unstored.isEmpty()) {
                    select.setArray(2, connection.createArrayOf("text", unstored.toArray()));
                    try (ResultSet rs = select.executeQuery()) {
                        long now = System.nanoTime();
                        while (rs.next()) {
                            String gauge = rs.getString(1);
                            storedNanos.putIfAbsent(gauge, now);
                            unstored.remove(gauge);
                        }
                    }
                }
                Thread.sleep(STORE_POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read readings: " + e.getMessage(), e);
        }
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    @Override
    public void close() {
        if (stream != null) {
            stream.cancel(true);
        }
    }
}
