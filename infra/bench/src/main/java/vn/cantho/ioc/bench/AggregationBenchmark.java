package vn.cantho.ioc.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import vn.cantho.ioc.embedded.EmbeddedServers;
import vn.cantho.ioc.embedded.FreePorts;
import vn.cantho.ioc.embedded.WorkDirectories;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.config.Setting;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.model.kafka.TopicProvisioner;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.Metric;
import vn.cantho.ioc.sink.DatabaseSinks;
import vn.cantho.ioc.sink.loop.KafkaToDatabase;
import vn.cantho.ioc.sink.loop.LoopOptions;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.streams.aggregate.AggregationTopology;
import vn.cantho.ioc.streams.runtime.StreamsRunner;
import vn.cantho.ioc.streams.runtime.StreamsSettings;

/**
 * Benchmark of the aggregation path: how many observations per second go through the streams
 * topology (dedup, 1-minute windows per device and per area, exactly-once) and the sink into
 * PostgreSQL, and how that changes with the number of partitions (one stream thread per partition).
 *
 * <p>For each partition count it starts fresh embedded Kafka and PostgreSQL, preloads the telemetry
 * topic with readings of every registry device (an hour of event time, in time order), then starts
 * the streams application and the sink and times until the database holds every observation in its
 * device aggregates. Prints one JSON line per partition count on stdout. Run with
 * {@code ./ioc bench --readings 200000 --partitions 1,3,6 --grace 2m}.
 */
public final class AggregationBenchmark {

    private final int readings;
    private final Duration grace;

    private AggregationBenchmark(int readings, Duration grace) {
        this.readings = readings;
        this.grace = grace;
    }

    public static void main(String[] args) throws Exception {
        int readings = 200_000;
        List<Integer> partitionCounts = List.of(1, 3, 6);
        Duration grace = setting(StreamsSettings.AGGREGATE_GRACE);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--readings" -> readings = Integer.parseInt(args[++i]);
                case "--partitions" -> partitionCounts = parseList(args[++i]);
                case "--grace" ->
                    grace = StreamsSettings.AGGREGATE_GRACE.parser().apply(args[++i]);
                default -> {
                    System.err.println("usage: ./ioc bench [--readings N] [--partitions 1,3,6] [--grace 2m]");
                    System.exit(2);
                }
            }
        }
        AggregationBenchmark benchmark = new AggregationBenchmark(readings, grace);
        for (int partitions : partitionCounts) {
            System.out.println(Json.mapper().writeValueAsString(benchmark.run(partitions)));
        }
    }

    private static List<Integer> parseList(String text) {
        List<Integer> values = new ArrayList<>();
        for (String part : text.split(",")) {
            values.add(Integer.parseInt(part.trim()));
        }
        return values;
    }

    private Map<String, Object> run(int partitions) throws Exception {
        Path workDir = Files.createTempDirectory("ioc-bench-aggregation");
        try {
            return runIn(workDir, partitions);
        } finally {
            WorkDirectories.deleteRecursively(workDir);
        }
    }

    private Map<String, Object> runIn(Path workDir, int partitions) throws Exception {
        DeviceRegistry registry = DeviceRegistry.builtIn();
        try (EmbeddedServers servers = new EmbeddedServers(
                workDir, OptionalInt.of(FreePorts.pick()), OptionalInt.empty(), OptionalInt.of(FreePorts.pick()))) {
            servers.start();
            String kafka = servers.kafkaBootstrapServers().orElseThrow();
            EmbeddedServers.DatabaseConnection db = servers.database().orElseThrow();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka))) {
                new TopicProvisioner(admin, (short) 1)
                        .withPartitions(partitions)
                        .ensure(Topics.all());
            }
            long produceStart = System.nanoTime();
            long observations = preload(kafka, registry);
            double produceSeconds = seconds(produceStart);

            try (Database database = Database.open(db.jdbcUrl(), db.user(), db.password(), 4)) {
                long start = System.nanoTime();
                try (StreamsRunner streams = new StreamsRunner(
                                AggregationTopology.build(registry, grace, setting(StreamsSettings.DEDUP_WINDOW)),
                                StreamsRunner.properties(
                                        "bench-aggregation", kafka, workDir.resolve("streams"), 1, partitions));
                        KafkaToDatabase<?> sink = DatabaseSinks.aggregates(
                                LoopOptions.sink(kafka, "bench-sink", Duration.ofSeconds(5)), database.dataSource())) {
                    streams.start();
                    sink.start();
                    awaitStored(database, observations, Duration.ofMinutes(20));
                }
                double seconds = seconds(start);
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("benchmark", "aggregation");
                result.put("partitions", partitions);
                result.put("streamThreads", partitions);
                result.put("cores", Runtime.getRuntime().availableProcessors());
                result.put("graceSeconds", grace.toSeconds());
                result.put("readings", readings);
                result.put("observations", observations);
                result.put("seconds", round(seconds));
                result.put("observationsPerSecond", Math.round(observations / seconds));
                result.put("readingsPerSecond", Math.round(readings / seconds));
                result.put("preloadSeconds", round(produceSeconds));
                return result;
            }
        }
    }

    /** Writes the readings to the telemetry topic; returns how many observations (metric values) they carry. */
    private long preload(String kafka, DeviceRegistry registry) throws Exception {
        List<Device> devices = List.copyOf(registry.devices());
        int perDevice = Math.max(1, readings / devices.size());
        Instant base = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS);
        long spacingMs = Math.max(1, Duration.ofHours(1).toMillis() / perDevice);
        long observations = 0;
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka,
                ProducerConfig.LINGER_MS_CONFIG,
                20,
                ProducerConfig.BATCH_SIZE_CONFIG,
                256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                "lz4");
        int sent = 0;
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int k = 0; sent < readings; k++) {
                Instant ts = base.plusMillis(k * spacingMs);
                for (int d = 0; d < devices.size() && sent < readings; d++, sent++) {
                    Device device = devices.get(d);
                    Map<String, Double> values = new LinkedHashMap<>();
                    for (String id : device.metrics()) {
                        Metric metric = Metric.byId(id).orElseThrow();
                        // Any value inside the metric's range; the benchmark measures throughput, not realism.
                        values.put(id, metric.min() + (k % 100) * (Math.min(metric.max(), 100) - metric.min()) / 100);
                    }
                    observations += values.size();
                    producer.send(Topics.TELEMETRY.record(
                            device.id(),
                            new Reading(Reading.SCHEMA_VERSION, device.id(), ts, values, Instant.now(), "bench")));
                }
            }
            producer.flush();
        }
        return observations;
    }

    private static void awaitStored(Database database, long observations, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (storedObservations(database) < observations) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + storedObservations(database) + " of " + observations
                        + " observations stored after " + timeout);
            }
            Thread.sleep(200);
        }
    }

    private static long storedObservations(Database database) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT coalesce(sum(sample_count), 0) FROM metric_agg_1m WHERE scope = 'device'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static <T> T setting(Setting<T> setting) {
        return setting.parser().apply(setting.defaultValue());
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
