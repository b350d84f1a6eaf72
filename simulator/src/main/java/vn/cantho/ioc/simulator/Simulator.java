package vn.cantho.ioc.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.model.mqtt.TelemetryTopic;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.model.stage.Part;

/**
 * Feeds the hub like the city's sensors would: every registered device of a simulated type (air stations,
 * water gauges, water quality, traffic counters and cameras, visitor counters) publishes its reading over MQTT
 * on its documented topic at its type's cadence, exactly as an outside device does. Devices are spread over
 * the first interval so they do not all publish in the same instant.
 */
public final class Simulator implements Part {

    private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);
    private static final Duration MAX_STAGGER = Duration.ofSeconds(10);

    private final List<Device> devices;
    private final SensorModels models;
    private final MqttPublisher publisher;
    private final Clock clock;
    private final Cadences cadences;
    private final AtomicLong sent = new AtomicLong();
    private final Map<String, Instant> announcedIncidents = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "simulator");
        thread.setDaemon(true);
        return thread;
    });

    /** @param devices the registry's devices; those of a type without a model are left out */
    public Simulator(
            Collection<Device> devices, SensorModels models, MqttPublisher publisher, Clock clock, Cadences cadences) {
        this.devices = devices.stream().filter(SensorModels::supports).toList();
        this.models = models;
        this.publisher = publisher;
        this.clock = clock;
        this.cadences = cadences;
    }

    /**
     * The simulator a hub runs: the registry's devices with the sensor models seeded by {@code seed}, published to the
     * broker at {@code mqttUrl} on the system clock.
     */
    public static Simulator sensors(
            Collection<Device> devices, long seed, double incidentProbability, String mqttUrl, Cadences cadences)
            throws MqttException {
        return new Simulator(
                devices,
                new SensorModels(seed, incidentProbability),
                new MqttPublisher(mqttUrl, "ioc-simulator"),
                Clock.systemUTC(),
                cadences);
    }

    /** The devices this simulator publishes for. */
    public List<Device> devices() {
        return devices;
    }

    public void start() {
        List<Device> scheduled = new ArrayList<>(devices);
        for (int i = 0; i < scheduled.size(); i++) {
            Device device = scheduled.get(i);
            Duration interval = cadences.of(device.type());
            long stagger = Math.min(interval.toMillis(), MAX_STAGGER.toMillis()) * i / scheduled.size();
            scheduler.scheduleAtFixedRate(
                    () -> publish(device, interval), stagger, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
        LOG.info(
                "simulator publishing {} devices ({}), seed {}, incident probability {}",
                scheduled.size(),
                cadences.describe(),
                models.seed(),
                models.incidentProbability());
    }

    /** Publishes one reading of {@code device} now. */
    void publish(Device device, Duration interval) {
        try {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            announce(device, now);
            byte[] payload =
                    Payloads.encode(Payloads.formatOf(device), device, now, models.reading(device, now, interval));
            publisher.publish(TelemetryTopic.of(device.id()), payload);
            sent.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("simulator could not publish for {}: {}", device.id(), e.toString());
        }
    }

    private void announce(Device device, Instant now) {
        Optional<Incident> incident = models.incident(device, now);
        if (incident.isPresent() && !incident.get().start().equals(announcedIncidents.get(device.id()))) {
            announcedIncidents.put(device.id(), incident.get().start());
            LOG.info(
                    "simulated incident {} at {} from {} to {} (magnitude {})",
                    incident.get().kind(),
                    device.id(),
                    incident.get().start(),
                    incident.get().end(),
                    Math.round(incident.get().magnitude() * 100) / 100.0);
        }
    }

    /** Messages handed to the MQTT client. */
    public long sent() {
        return sent.get();
    }

    /** Messages the broker acknowledged. */
    public long acknowledged() {
        return publisher.acknowledged();
    }

    @Override
    public Status check() {
        return Status.up("publishing; acknowledged " + publisher.acknowledged());
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
            publisher.awaitInFlight(5_000);
            publisher.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (MqttException e) {
            LOG.warn("simulator's MQTT client did not close cleanly: {}", e.getMessage());
        }
    }
}
