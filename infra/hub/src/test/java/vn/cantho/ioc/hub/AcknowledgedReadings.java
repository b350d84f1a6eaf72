package vn.cantho.ioc.hub;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import vn.cantho.ioc.model.mqtt.TelemetryTopic;
import vn.cantho.ioc.simulator.MqttPublisher;

/**
 * A device outside the hub for durability drills: publishes one pm25 reading per message at a steady rate
 * with distinct timestamps (1 ms apart from {@code base}) on its own thread, and remembers exactly which
 * readings the broker acknowledged, so a drill can check each of them was stored.
 */
final class AcknowledgedReadings implements AutoCloseable {

    private final MqttPublisher device;
    private final String deviceId;
    private final Instant base;
    private final int rate;
    private final Set<Instant> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicBoolean publishing = new AtomicBoolean(true);
    private final Thread thread;

    AcknowledgedReadings(String mqttUrl, String deviceId, Instant base, int rate) throws Exception {
        this.device = new MqttPublisher(mqttUrl, "drill-" + deviceId + "-" + System.nanoTime());
        this.deviceId = deviceId;
        this.base = base;
        this.rate = rate;
        this.thread = new Thread(this::publish, "drill-device-" + deviceId);
        thread.start();
    }

    /** Stops publishing and waits until every message sent is acknowledged or failed. */
    void stop() throws InterruptedException {
        publishing.set(false);
        thread.join(120_000);
        device.awaitInFlight(60_000);
    }

    Set<Instant> acknowledged() {
        return acknowledged;
    }

    long sent() {
        return sent.get();
    }

    long refused() {
        return refused.get();
    }

    private void publish() {
        long periodNanos = 1_000_000_000L / rate;
        long next = System.nanoTime();
        String topic = TelemetryTopic.of(deviceId);
        try {
            for (long i = 0; publishing.get(); i++) {
                Instant ts = base.plusMillis(i);
                byte[] payload = ("{\"ts\":\"" + ts + "\",\"values\":{\"pm25\":" + (10 + i % 50) + "}}")
                        .getBytes(StandardCharsets.UTF_8);
                device.publish(topic, payload, (ok, latency) -> {
                    if (ok) {
                        acknowledged.add(ts);
                    } else {
                        refused.incrementAndGet();
                    }
                });
                sent.incrementAndGet();
                next += periodNanos;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The distinct timestamps of this device's pm25 readings in {@code observations}. */
    Set<Instant> stored(String jdbcUrl, String user, String password) throws Exception {
        Set<Instant> stored = new HashSet<>();
        try (Connection connection = connect(jdbcUrl, user, password);
                PreparedStatement query = connection.prepareStatement(
                        "SELECT DISTINCT ts FROM observations WHERE device_id = ? AND metric = 'pm25' AND ts >= ?")) {
            query.setString(1, deviceId);
            query.setTimestamp(2, Timestamp.from(base));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.add(rows.getTimestamp(1).toInstant());
                }
            }
        }
        return stored;
    }

    /** Readings counted in this device's 1-minute pm25 aggregates: equal to the stored ones if none is doubled. */
    long aggregated(String jdbcUrl, String user, String password) throws Exception {
        try (Connection connection = connect(jdbcUrl, user, password);
                PreparedStatement query =
                        connection.prepareStatement("SELECT coalesce(sum(sample_count), 0) FROM metric_agg_1m"
                                + " WHERE scope = 'device' AND entity_id = ? AND metric = 'pm25' AND bucket >= ?")) {
            query.setString(1, deviceId);
            query.setTimestamp(2, Timestamp.from(base.minusSeconds(60)));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** A connection that cannot hang a drill's polling: bounded connect and query times. */
    static Connection connect(String jdbcUrl, String user, String password) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("socketTimeout", "30");
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    @Override
    public void close() throws Exception {
        publishing.set(false);
        thread.join(120_000);
        device.close();
    }
}
