package vn.cantho.ioc.sink;

import java.time.Duration;
import java.util.List;
import vn.cantho.ioc.model.config.Setting;

/**
 * Configuration keys of the database sinks. {@link SinkOptions#from} reads them; the hub lists them in the README's
 * configuration table.
 */
public final class SinkSettings {

    public static final Setting<String> GROUP_ID =
            Setting.text("SINK_GROUP_ID", "ioc-sink", "Kafka consumer group of the database sink.");
    public static final Setting<Duration> MAX_BACKOFF = Setting.positiveDuration(
            "SINK_MAX_BACKOFF", "10s", "Longest wait between retries while the database is down.");
    public static final Setting<String> OBSERVATION_GROUP_ID = Setting.text(
            "OBSERVATION_SINK_GROUP_ID",
            "ioc-observation-sink",
            "Kafka consumer group of the sink that stores raw readings in observations.");
    public static final Setting<Integer> OBSERVATION_CONSUMERS = Setting.positiveInt(
            "OBSERVATION_SINK_CONSUMERS",
            3,
            "Consumers (threads, database connections) of the observation sink in this hub instance; more than the "
                    + "telemetry topic's partitions (3) leaves the rest idle.");
    public static final Setting<String> INDICATOR_GROUP_ID = Setting.text(
            "INDICATOR_SINK_GROUP_ID",
            "ioc-indicator-sink",
            "Kafka consumer group of the sink that stores derived indicators in indicator_values.");

    private SinkSettings() {}

    public static List<Setting<?>> all() {
        return List.of(GROUP_ID, MAX_BACKOFF, OBSERVATION_GROUP_ID, OBSERVATION_CONSUMERS, INDICATOR_GROUP_ID);
    }
}
