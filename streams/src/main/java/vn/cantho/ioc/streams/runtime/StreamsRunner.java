package vn.cantho.ioc.streams.runtime;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.model.metrics.StageMeters;
import vn.cantho.ioc.model.stage.Part;

/**
 * Runs one Kafka Streams application with the hub's processing settings: exactly-once (v2),
 * state under a given directory, a failed stream thread replaced rather than the app stopped.
 */
public final class StreamsRunner implements Part {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsRunner.class);

    private final KafkaStreams streams;
    private final String applicationId;
    /** Set by start(), removed by close(), which a shutdown hook may call from another thread. */
    private volatile List<Meter> meters = List.of();

    public StreamsRunner(Topology topology, Properties properties) {
        this.applicationId = properties.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
        this.streams = new KafkaStreams(topology, properties);
        streams.setUncaughtExceptionHandler(error -> {
            LOG.error("stream thread of {} failed; replacing it", applicationId, error);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    }

    /** Kafka Streams' own default commit interval under exactly-once. */
    public static final Duration EOS_COMMIT_INTERVAL = Duration.ofMillis(100);

    /**
     * Settings for a hub streams application, committing at {@link #EOS_COMMIT_INTERVAL}.
     *
     * @param replicationFactor 1 on the embedded single broker, 3 on a production cluster
     */
    public static Properties properties(
            String applicationId, String bootstrapServers, Path stateDir, int replicationFactor, int threads) {
        return properties(applicationId, bootstrapServers, stateDir, replicationFactor, threads, EOS_COMMIT_INTERVAL);
    }

    /**
     * Settings for a hub streams application that commits every {@code commitInterval}: with exactly-once,
     * its output becomes visible to readers only at a commit, and every commit is a broker transaction, so
     * a longer interval trades latency for throughput.
     */
    public static Properties properties(
            String applicationId,
            String bootstrapServers,
            Path stateDir,
            int replicationFactor,
            int threads,
            Duration commitInterval) {
        Properties props = new Properties();
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replicationFactor);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        // Records the registry cannot read are logged and skipped; ingest only writes valid ones.
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        // Opt in now to the behaviour Kafka Streams 5.0 makes the default (and silence its start-up warning).
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
        return props;
    }

    public void start() {
        streams.start();
        // Read from Kafka Streams' own metrics at scrape time (KafkaStreams#metrics is thread-safe).
        meters = List.of(
                Gauge.builder(
                                StageMeters.STREAMS_PROCESS_RATE,
                                streams,
                                s -> sum(s.metrics(), "stream-thread-metrics", "process-rate"))
                        .description(
                                "Records processed per second by this Kafka Streams application (all stream threads)")
                        .tag("application_id", applicationId)
                        .register(Metrics.globalRegistry),
                Gauge.builder(
                                StageMeters.CONSUMER_LAG,
                                streams,
                                s -> sum(s.metrics(), "consumer-fetch-manager-metrics", "records-lag"))
                        .description("Records not yet consumed by the consumer group, summed over its partitions")
                        .tag("group", applicationId)
                        .register(Metrics.globalRegistry));
        LOG.info("streams application {} started", applicationId);
    }

    /**
     * The sum of one Kafka metric over its instances (threads, partitions); the restore consumers' lag is left
     * out (it is about restoring state, not about input waiting), and so are values not yet known (NaN).
     */
    static double sum(Map<MetricName, ? extends Metric> metrics, String group, String name) {
        double sum = 0;
        for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
            MetricName metric = e.getKey();
            if (metric.group().equals(group)
                    && metric.name().equals(name)
                    && !metric.tags().getOrDefault("client-id", "").contains("restore-consumer")
                    && e.getValue().metricValue() instanceof Number n
                    && Double.isFinite(n.doubleValue())) {
                sum += n.doubleValue();
            }
        }
        return sum;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public Status check() {
        KafkaStreams.State state = streams.state();
        boolean up = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
        return new Status(up, applicationId + " " + state);
    }

    /**
     * Stops the application and leaves the consumer group at once, so another instance takes its tasks
     * over now instead of after the session timeout (45 s by default).
     */
    @Override
    public void close() {
        // A later instance with the same application id (a restart in one JVM) registers its own gauges.
        meters.forEach(Metrics.globalRegistry::remove);
        streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }
}
