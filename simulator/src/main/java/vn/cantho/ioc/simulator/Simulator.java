package vn.cantho.ioc.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.model.mqtt.TelemetryTopic;
import vn.cantho.ioc.model.registry.Device;

/**
 * Feeds the hub like the city's air stations would: every interval each station publishes one
 * reading over MQTT on its documented topic, exactly as an outside device does.
 */
public final class Simulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);

    private final List<Device> stations;
    private final AirQualityModel model;
    private final MqttPublisher publisher;
    private final Clock clock;
    private final Duration interval;
    private final AtomicLong sent = new AtomicLong();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "simulator");
        thread.setDaemon(true);
        return thread;
    });

    public Simulator(List<Device> stations, AirQualityModel model, MqttPublisher publisher, Clock clock,
                     Duration interval) {
        this.stations = List.copyOf(stations);
        this.model = model;
        this.publisher = publisher;
        this.clock = clock;
        this.interval = interval;
    }

    public void start() {
        scheduler.scheduleAtFixedRate(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("simulator publishing {} air stations every {}", stations.size(), interval);
    }

    /** Publishes one reading per station now. */
    void tick() {
        try {
            for (Device station : stations) {
                var now = clock.instant();
                Map<String, Object> payload = Map.of("ts", now.toString(), "values", model.reading(station, now));
                publisher.publish(TelemetryTopic.of(station.id()), Json.mapper().writeValueAsBytes(payload));
                sent.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("simulator tick failed: {}", e.toString());
        }
    }

    public long sent() {
        return sent.get();
    }

    @Override
    public void close() throws Exception {
        scheduler.shutdownNow();
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
        publisher.close();
    }
}
