package vn.cantho.ioc.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.mqttv5.common.MqttException;
import vn.cantho.ioc.model.mqtt.TelemetryTopic;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.model.registry.DeviceRegistry;

/**
 * The load generator: publishes realistic sensor messages (QoS 1) at a target rate for a bounded time, spread
 * round-robin over the registry's simulated devices, a share of them as SenML, then waits (at most
 * {@link LoadOptions#DRAIN}) for the last acknowledgements and reports sent, acknowledged, failed, achieved
 * rate and publish-latency percentiles as one JSON line on standard output. Talks only MQTT, like any device.
 *
 * <p>Each client publishes on its own thread on a fixed schedule (message k at start + k / rate): it sleeps
 * when ahead and publishes at once when behind, so the achieved rate shows what the broker sustains. Latency is
 * measured from the publish call (including any wait for a free in-flight slot) to the broker's PUBACK.
 *
 * <p>With {@link LoadOptions#valuesPerMessage()} every message carries exactly that many values: only devices
 * whose model reports at least that many take part, each sending the first N of its metrics (registry order).
 *
 * <p>Every message of a device carries a later timestamp than the one before (1 ms later when the clock has
 * not moved on), so none looks like a redelivery to the hub's deduplication; up to
 * {@link #MAX_REAL_TIME_RATE_PER_DEVICE} messages per second per device that is the current time. So within one
 * run a (device, timestamp) pair names exactly one message, which an {@link Outcomes} listener is told about.
 */
public final class LoadGenerator {

    /**
     * Told the outcome of every message (on an MQTT client thread): its device, its timestamp and whether the
     * broker acknowledged it. For drills that match each acknowledged publish to what the hub stored.
     */
    @FunctionalInterface
    public interface Outcomes {
        void done(String deviceId, Instant ts, boolean acknowledged);
    }

    private static final Outcomes NO_LISTENER = (device, ts, acknowledged) -> {};

    /** Above this many messages per second per device, timestamps (unique, in ms) run ahead of the clock. */
    public static final int MAX_REAL_TIME_RATE_PER_DEVICE = 1000;

    /** Counts of a payload interval: the value of a counter in a message, as if sent every minute. */
    private static final Duration COUNT_INTERVAL = Duration.ofMinutes(1);

    private final LoadOptions options;
    private final Outcomes outcomes;
    private final List<Device> devices;
    private final SensorModels models;
    private final LatencyHistogram latencies = new LatencyHistogram();
    private final AtomicLong lastAckNanos = new AtomicLong();
    private final AtomicLong senml = new AtomicLong();
    private volatile boolean stopped;
    /** Per device, the timestamp (epoch ms) of its latest message: each message of a device gets a later one. */
    private final AtomicLongArray lastTimestamp;

    public LoadGenerator(LoadOptions options) {
        this(options, NO_LISTENER);
    }

    /** A load generator that also tells {@code outcomes} how each message ended. */
    public LoadGenerator(LoadOptions options, Outcomes outcomes) {
        this.options = options;
        this.outcomes = outcomes;
        DeviceRegistry registry =
                options.registryDir().map(DeviceRegistry::fromDirectory).orElseGet(DeviceRegistry::builtIn);
        this.models = new SensorModels(options.seed(), 0);
        int values = options.valuesPerMessage().orElse(1);
        Instant now = Instant.now();
        this.devices = registry.devices().stream()
                .filter(SensorModels::supports)
                .filter(device -> options.valuesPerMessage().isEmpty()
                        || models.reading(device, now, COUNT_INTERVAL).size() >= values)
                .toList();
        if (devices.isEmpty()) {
            throw new IllegalArgumentException("the registry has no device of a simulated type " + SensorModels.TYPES
                    + " reporting at least " + values + " values");
        }
        this.lastTimestamp = new AtomicLongArray(devices.size());
    }

    /** Devices the load is spread over. */
    public int devices() {
        return devices.size();
    }

    /** Ids of the devices the load is spread over. */
    public List<String> deviceIds() {
        return devices.stream().map(Device::id).toList();
    }

    public static void main(String[] args) {
        LoadOptions options;
        try {
            if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
                System.out.println(LoadOptions.USAGE);
                return;
            }
            options = LoadOptions.parse(args);
            if (!options.allowRemote() && !options.loopback()) {
                throw new IllegalArgumentException(options.host() + " is not this machine; the load generator "
                        + "loads only a local broker unless --allow-remote is given");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("load: " + e.getMessage());
            System.err.println(LoadOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            System.err.printf(
                    "load: publishing %d msg/s for %s s to %s over %d clients...%n",
                    options.rate(), options.duration().toMillis() / 1000.0, options.mqttUrl(), options.clients());
            LoadGenerator generator = new LoadGenerator(options);
            if (options.rate() > MAX_REAL_TIME_RATE_PER_DEVICE * generator.devices()) {
                System.err.printf(
                        "load: more than %d msg/s per device: timestamps stay unique but run ahead of the "
                                + "clock (ingest rejects them beyond INGEST_MAX_FUTURE)%n",
                        MAX_REAL_TIME_RATE_PER_DEVICE);
            }
            LoadReport report = generator.run();
            System.out.println(report.toJson());
            System.exit(report.complete() ? 0 : 1);
        } catch (MqttException e) {
            System.err.println("load: cannot connect to " + options.mqttUrl() + ": " + e.getMessage());
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(1);
        }
    }

    /**
     * Ends publishing before the run's duration is over (from another thread, e.g. a drill whose phases take as
     * long as the servers need); {@link #run()} then waits for the last acknowledgements and reports as usual.
     */
    public void stop() {
        stopped = true;
    }

    /** Runs the load and returns its report. */
    public LoadReport run() throws MqttException, InterruptedException {
        String prefix = "ioc-load-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100_000 + "-";
        List<MqttPublisher> publishers = new ArrayList<>();
        try {
            for (int c = 0; c < options.clients(); c++) {
                publishers.add(new MqttPublisher(options.mqttUrl(), prefix + c));
            }
            long start = System.nanoTime();
            long end = start + options.duration().toNanos();
            long[] sent = new long[options.clients()];
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < options.clients(); c++) {
                int client = c;
                Thread thread = new Thread(
                        () -> sent[client] = publishLoop(publishers.get(client), client, start, end), "load-" + c);
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            long sendEnd = System.nanoTime();
            long drainDeadline = System.currentTimeMillis() + LoadOptions.DRAIN.toMillis();
            for (MqttPublisher publisher : publishers) {
                publisher.awaitInFlight(Math.max(0, drainDeadline - System.currentTimeMillis()));
            }
            long totalSent = 0;
            long acknowledged = 0;
            long failed = 0;
            for (int c = 0; c < publishers.size(); c++) {
                totalSent += sent[c];
                acknowledged += publishers.get(c).acknowledged();
                failed += publishers.get(c).failed() + publishers.get(c).inFlight();
            }
            long finished = Math.max(sendEnd, lastAckNanos.get());
            double elapsed = Math.max(1e-9, (finished - start) / 1e9);
            Map<String, Double> latency = new LinkedHashMap<>();
            latency.put("p50", latencies.percentileMillis(0.50));
            latency.put("p90", latencies.percentileMillis(0.90));
            latency.put("p99", latencies.percentileMillis(0.99));
            latency.put("p999", latencies.percentileMillis(0.999));
            latency.put("max", latencies.percentileMillis(1.0));
            return new LoadReport(
                    options.rate(),
                    options.duration().toMillis() / 1000.0,
                    elapsed,
                    options.clients(),
                    devices.size(),
                    totalSent,
                    acknowledged,
                    failed,
                    senml.get(),
                    acknowledged / elapsed,
                    latency,
                    options.mqttUrl(),
                    options.valuesPerMessage());
        } finally {
            for (MqttPublisher publisher : publishers) {
                try {
                    publisher.close();
                } catch (MqttException e) {
                    System.err.println("load: disconnect failed: " + e.getMessage());
                }
            }
        }
    }

    /** Publishes client {@code client}'s share of the schedule until {@code end}; returns how many it sent. */
    private long publishLoop(MqttPublisher publisher, int client, long start, long end) {
        double period = 1e9 * options.clients() / options.rate();
        long sent = 0;
        MqttPublisher.Outcome outcome = (ok, nanos) -> {
            if (ok) {
                latencies.record(nanos);
                lastAckNanos.accumulateAndGet(System.nanoTime(), Math::max);
            }
        };
        try {
            for (long k = 0; ; k++) {
                long due = start + (long) (k * period);
                long now = System.nanoTime();
                if (due >= end || now >= end || stopped) {
                    return sent;
                }
                while (now < due) {
                    LockSupport.parkNanos(due - now);
                    now = System.nanoTime();
                }
                Message message = message(k * options.clients() + client);
                publisher.publish(
                        message.topic(),
                        message.payload(),
                        outcomes == NO_LISTENER
                                ? outcome
                                : (ok, nanos) -> {
                                    outcome.done(ok, nanos);
                                    outcomes.done(message.device().id(), message.ts(), ok);
                                });
                sent++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return sent;
        }
    }

    /**
     * One message of the load as published over MQTT.
     *
     * @param device  the device it is from
     * @param topic   its MQTT topic
     * @param payload its bytes (compact JSON or SenML)
     * @param ts      the reading's timestamp
     * @param values  the metric values it carries
     */
    public record Message(Device device, String topic, byte[] payload, Instant ts, Map<String, Double> values) {}

    /**
     * Message {@code sequence} of the load: a realistic reading of the next device round-robin, stamped now —
     * or 1 ms after the device's previous message, so that no two messages of a device share a timestamp (the
     * hub would take the second for a redelivery of the first). Benchmarks use it to measure the raw stages
     * with the load's own payloads.
     */
    public Message message(long sequence) {
        int index = (int) (sequence % devices.size());
        Device device = devices.get(index);
        long millis = System.currentTimeMillis();
        Instant now = Instant.ofEpochMilli(
                lastTimestamp.accumulateAndGet(index, millis, (previous, current) -> Math.max(previous + 1, current)));
        Map<String, Double> values = options.valuesPerMessage().isPresent()
                ? first(
                        models.reading(device, now, COUNT_INTERVAL),
                        options.valuesPerMessage().getAsInt())
                : models.reading(device, now, COUNT_INTERVAL);
        boolean asSenml = (Noise.mix(options.seed() * 31 + sequence) >>> 11) * 0x1.0p-53 < options.senmlShare();
        if (asSenml) {
            senml.incrementAndGet();
        }
        byte[] payload = asSenml ? Payloads.senml(device, now, values) : Payloads.compact(now, values);
        return new Message(device, TelemetryTopic.of(device.id()), payload, now, values);
    }

    private static Map<String, Double> first(Map<String, Double> values, int count) {
        Map<String, Double> kept = new LinkedHashMap<>();
        for (Map.Entry<String, Double> value : values.entrySet()) {
            if (kept.size() == count) {
                break;
            }
            kept.put(value.getKey(), value.getValue());
        }
        return kept;
    }
}
