package vn.cantho.ioc.streams.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import vn.cantho.ioc.model.calendar.WorkingCalendar;
import vn.cantho.ioc.model.config.Setting;
import vn.cantho.ioc.streams.indicator.FloodAlertLevels;

/**
 * Configuration keys of the streams applications (aggregation, KPIs, rules, indicators). {@link StreamsOptions#from}
 * reads them; the hub lists them in the README's configuration table.
 */
public final class StreamsSettings {

    public static final Setting<String> APP_ID = Setting.text(
            "STREAMS_APP_ID",
            "ioc-streams",
            "Kafka Streams application id of the telemetry application (1-minute aggregation and hourly indicators): "
                    + "consumer group and state prefix.");
    public static final Setting<Integer> THREADS =
            Setting.positiveInt("STREAMS_THREADS", 1, "Stream threads of this hub instance.");
    public static final Setting<Duration> COMMIT_INTERVAL = Setting.positiveDuration(
            "STREAMS_COMMIT_INTERVAL",
            "1s",
            "How often the telemetry (aggregation and indicators) and KPI streams applications commit; their results appear at most "
                    + "this late, and each commit is a Kafka transaction (docs/architecture.md).");
    public static final Setting<Duration> RULES_COMMIT_INTERVAL = Setting.positiveDuration(
            "RULES_COMMIT_INTERVAL",
            "100ms",
            "How often the rule processor commits: alerts wait for it twice (repartition and output), so it "
                    + "is kept short; see STREAMS_COMMIT_INTERVAL.");
    public static final Setting<Duration> AGGREGATE_GRACE = Setting.duration(
            "AGGREGATE_GRACE",
            "1h",
            "How late (in event time) a reading may arrive and still update its 1-minute window; it must also cover"
                    + " how far the telemetry partitions drift apart while a backlog is replayed (docs/architecture.md).");
    public static final Setting<Duration> DEDUP_WINDOW = Setting.positiveDuration(
            "DEDUP_WINDOW", "1h", "How long a reading is remembered so a copy redelivered by MQTT is counted once.");
    public static final Setting<String> KPI_APP_ID = Setting.text(
            "KPI_APP_ID",
            "ioc-kpis",
            "Kafka Streams application id of the department KPIs (feed records to KPI indicators). See docs/kpis.md.");
    public static final Setting<Optional<Path>> RULES_FILE = Setting.optionalFile(
            "RULES_FILE",
            "JSON rule catalogue replacing the built-in one, read at start; an invalid catalogue stops the hub with "
                    + "every fault listed. See docs/rules.md.");
    public static final Setting<WorkingCalendar> HOLIDAYS_FILE = new Setting<>(
            "HOLIDAYS_FILE",
            "",
            "JSON file of Vietnam's public holidays and make-up working Saturdays replacing the built-in one (2025-2027), "
                    + "for working-day SLA clocks of rules and KPIs; read at start, an invalid file stops the hub. "
                    + "See docs/rules.md.",
            text -> text.isBlank() ? WorkingCalendar.builtIn() : WorkingCalendar.fromFile(Path.of(text.trim())));
    public static final Setting<String> RULES_APP_ID = Setting.text(
            "RULES_APP_ID",
            "ioc-rules",
            "Kafka Streams application id of the rule processor (consumer group, state and changelog prefix).");
    public static final Setting<Duration> RULES_TICK_INTERVAL = Setting.duration(
                    "RULES_TICK_INTERVAL",
                    "10s",
                    "How often the rule processor's wall-clock timer runs (pending, keep-firing, no-data, stale sources, "
                            + "SLA clocks); a timer fires at most this late.")
            .check(tick -> tick.compareTo(Duration.ofMillis(100)) >= 0, "at least 100ms");
    public static final Setting<String> INDICATORS_APP_ID = Setting.text(
            "INDICATORS_APP_ID",
            "ioc-indicators",
            "Application id under which hubs built before 2026-12-06 ran the indicators (VN_AQI, flood levels); they now run in "
                    + "STREAMS_APP_ID, and at start the hub copies that application's indicator state over once "
                    + "(docs/operations.md, upgrading).");
    public static final Setting<Duration> INDICATOR_GRACE = Setting.duration(
            "INDICATOR_GRACE",
            "15m",
            "How late a reading may arrive after its hour has ended and still change that hour's means, VN_AQI and "
                    + "flood indicators; only readings the 1-minute aggregation counted (AGGREGATE_GRACE) reach them.");
    public static final Setting<FloodAlertLevels> FLOOD_ALERT_LEVELS = new Setting<>(
            "FLOOD_ALERT_LEVELS",
            "1.80,1.90,2.00",
            "Flood alert levels BĐ I,BĐ II,BĐ III in metres that water-level gauges are compared "
                    + "with (Cần Thơ station, Hậu river, Decision 05/2020/QĐ-TTg).",
            FloodAlertLevels::parse);

    private StreamsSettings() {}

    public static List<Setting<?>> all() {
        return List.of(
                APP_ID,
                THREADS,
                COMMIT_INTERVAL,
                RULES_COMMIT_INTERVAL,
                AGGREGATE_GRACE,
                DEDUP_WINDOW,
                KPI_APP_ID,
                RULES_FILE,
                HOLIDAYS_FILE,
                RULES_APP_ID,
                RULES_TICK_INTERVAL,
                INDICATORS_APP_ID,
                INDICATOR_GRACE,
                FLOOD_ALERT_LEVELS);
    }
}
