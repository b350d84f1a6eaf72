package vn.cantho.ioc.model.metrics;

import java.util.List;

/**
 * The one registry of the hub's stage meter names (Micrometer dotted names; Prometheus adds {@code _total} to
 * counters, {@code _seconds_*} to timers and turns dots into underscores). The stages register these on
 * Micrometer's global registry, to which the hub adds the registry its {@code /metrics} serves; the platform
 * dashboard's PromQL is checked against {@link #prometheusNames()} (dashboards module). Documented in
 * docs/operations.md#metrics. Renaming one breaks the dashboards: add a new name instead.
 */
public final class StageMeters {

    /** Counter, tags {@code feed}, {@code outcome} (accepted = processed push, refused = 4xx, failed = 5xx). */
    public static final String FEED_PUSHES = "ioc.feed.pushes";
    /** Counter, tags {@code feed}, {@code result} (accepted, rejected, duplicate). */
    public static final String FEED_ROWS = "ioc.feed.rows";
    /**
     * Counter, tag {@code outcome}: MQTT telemetry messages {@code received} by ingest, {@code forwarded} (readings
     * in Kafka), {@code dead_lettered}, or {@code send_failure} (Kafka refused a record; sent again).
     */
    public static final String MQTT_MESSAGES = "ioc.mqtt.messages";
    /** Counter, tag {@code reason}: MQTT messages dead-lettered, by reason code (BAD_JSON, UNKNOWN_DEVICE, …). */
    public static final String MQTT_DEAD_LETTERS = "ioc.mqtt.dead.letters";
    /** Counter: readings written to the telemetry topic (a SenML pack with several timestamps makes several). */
    public static final String MQTT_READINGS = "ioc.mqtt.readings";
    /** Gauge: bytes of accepted MQTT messages in the ingest journal not yet confirmed in Kafka (embedded broker). */
    public static final String INGEST_JOURNAL_BACKLOG = "ioc.ingest.journal.backlog.bytes";
    /**
     * Counter, tags {@code sink} (source topic), {@code group}: rows written by a Kafka → database loop (the sinks;
     * for the alert condition consumer, condition events applied).
     */
    public static final String SINK_ROWS = "ioc.sink.rows";
    /** Timer with a histogram, tags {@code sink}, {@code group}: one batch written and committed, retries included. */
    public static final String SINK_BATCH = "ioc.sink.batch";
    /** Counter, tags {@code sink}, {@code group}: failed writes (database or dead letters) retried after a backoff. */
    public static final String SINK_RETRIES = "ioc.sink.retries";
    /** Counter, tags {@code sink}, {@code group}, {@code reason}: records dead-lettered as never writable. */
    public static final String SINK_DEAD_LETTERS = "ioc.sink.dead.letters";
    /** Gauge, tag {@code group}: records not yet consumed by a consumer group (sinks and streams applications). */
    public static final String CONSUMER_LAG = "ioc.kafka.consumer.lag.records";
    /** Gauge, tag {@code application_id}: records processed per second by a Kafka Streams application (all threads). */
    public static final String STREAMS_PROCESS_RATE = "ioc.streams.process.rate";
    /** Counter, tag {@code rule}: rule evaluations (one signal stepped through one rule's condition machine). */
    public static final String RULE_EVALUATIONS = "ioc.rule.evaluations";
    /** Counter, tag {@code type}: alert audit transitions stored from condition events (OPENED, RESOLVED, …). */
    public static final String ALERT_TRANSITIONS = "ioc.alert.transitions";

    /** Counter: escalation steps that came due and were handled (fired, suppressed by a silence, or cancelled). */
    public static final String ESCALATION_STEPS = "ioc.escalation.steps";
    /**
     * Counter, tag {@code outcome}: webhook delivery attempts that were {@code delivered} (a 2xx), that
     * {@code failed} (retried later), and messages {@code abandoned} after the give-up age.
     */
    public static final String WEBHOOK_DELIVERIES = "ioc.webhook.deliveries";

    /** Meters the API registers itself (api/README.md#metrics) and the JVM binders of its registry. */
    public static final List<String> API_AND_JVM_PROMETHEUS_NAMES = List.of(
            "ioc_alerts_open",
            "ioc_alert_stream_subscribers",
            "ioc_alert_time_to_ack_seconds",
            "ioc_alert_time_to_resolve_seconds",
            "http_server_requests_seconds",
            "jvm_memory_used_bytes",
            "jvm_threads_live_threads",
            "process_cpu_usage",
            "system_cpu_usage",
            "process_uptime_seconds");

    private StageMeters() {}

    /** The Prometheus series names of the stage meters, as /metrics exposes them. */
    public static List<String> prometheusNames() {
        return List.of(
                prometheus(MQTT_MESSAGES) + "_total",
                prometheus(MQTT_DEAD_LETTERS) + "_total",
                prometheus(MQTT_READINGS) + "_total",
                prometheus(INGEST_JOURNAL_BACKLOG),
                prometheus(FEED_PUSHES) + "_total",
                prometheus(FEED_ROWS) + "_total",
                prometheus(SINK_ROWS) + "_total",
                prometheus(SINK_BATCH) + "_seconds",
                prometheus(SINK_RETRIES) + "_total",
                prometheus(SINK_DEAD_LETTERS) + "_total",
                prometheus(CONSUMER_LAG),
                prometheus(STREAMS_PROCESS_RATE),
                prometheus(RULE_EVALUATIONS) + "_total",
                prometheus(ALERT_TRANSITIONS) + "_total",
                prometheus(ESCALATION_STEPS) + "_total",
                prometheus(WEBHOOK_DELIVERIES) + "_total");
    }

    private static String prometheus(String name) {
        return name.replace('.', '_');
    }
}
