package vn.cantho.ioc.hub;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import vn.cantho.ioc.alerting.runtime.AlertingSettings;
import vn.cantho.ioc.api.auth.jwt.OidcSettings;
import vn.cantho.ioc.ingest.IngestSettings;
import vn.cantho.ioc.ingest.feed.FeedSettings;
import vn.cantho.ioc.model.config.Setting;
import vn.cantho.ioc.simulator.Cadences;
import vn.cantho.ioc.streams.indicator.FloodAlertLevels;

/**
 * Every configuration key of the hub, with its default and one line of documentation. The README's
 * configuration table lists exactly these (a test keeps them in step).
 */
public final class HubSettings {

    public static final Setting<String> DATA_DIR = Setting.text("IOC_DATA_DIR", "./data",
            "Work directory: embedded Kafka, MQTT and PostgreSQL data, streams state, demo files.");
    public static final Setting<String> HTTP_HOST = Setting.text("HTTP_HOST", "127.0.0.1",
            "Address the API binds to; 0.0.0.0 to serve other machines.");
    public static final Setting<Integer> HTTP_PORT = Setting.port("HTTP_PORT", 8080,
            "API and health port.");

    public static final Setting<String> KAFKA_BOOTSTRAP = Setting.text("KAFKA_BOOTSTRAP", "",
            "External Kafka bootstrap servers; empty = start the embedded broker.");
    public static final Setting<Integer> KAFKA_PORT = Setting.port("KAFKA_PORT", 9092,
            "Port of the embedded Kafka broker.");
    public static final Setting<Integer> KAFKA_REPLICATION_FACTOR = Setting.positiveInt("KAFKA_REPLICATION_FACTOR", 1,
            "Replication factor of the topics and streams state the hub creates (3 on a production cluster).");

    public static final Setting<String> MQTT_URL = Setting.text("MQTT_URL", "",
            "External MQTT broker, e.g. tcp://mqtt.example:1883; empty = start the embedded broker.");
    public static final Setting<Integer> MQTT_PORT = Setting.port("MQTT_PORT", 1883,
            "Port of the embedded MQTT broker.");

    public static final Setting<String> DB_URL = Setting.text("DB_URL", "",
            "External PostgreSQL/TimescaleDB JDBC URL; empty = start the embedded PostgreSQL.");
    public static final Setting<String> DB_USER = Setting.text("DB_USER", "ioc",
            "Database user when DB_URL is set.");
    public static final Setting<String> DB_PASSWORD = Setting.text("DB_PASSWORD", "",
            "Database password when DB_URL is set.");
    public static final Setting<Integer> DB_PORT = Setting.port("DB_PORT", 5433,
            "Port of the embedded PostgreSQL (5433 so it does not clash with a local server).");
    public static final Setting<Integer> DB_POOL_SIZE = Setting.positiveInt("DB_POOL_SIZE", 8,
            "Maximum database connections of the hub.");

    public static final Setting<String> REGISTRY_DIR = Setting.text("REGISTRY_DIR", "",
            "Directory with areas.json and devices.json; empty = the built-in Cần Thơ registry. Used until an admin"
                    + " first changes the registry through the API; from then on the newest stored version is.");
    public static final Setting<Duration> REGISTRY_REFRESH = Setting.duration("REGISTRY_REFRESH", "10s",
            "How often the hub checks for a device registry changed through another instance's API.");

    public static final Setting<String> INGEST_CLIENT_ID = IngestSettings.CLIENT_ID;
    public static final Setting<String> INGEST_SHARED_GROUP = IngestSettings.SHARED_GROUP;
    public static final Setting<Integer> INGEST_RECEIVE_MAXIMUM = IngestSettings.RECEIVE_MAXIMUM;
    public static final Setting<Integer> INGEST_MAX_PAYLOAD_BYTES = IngestSettings.MAX_PAYLOAD_BYTES;
    public static final Setting<Duration> INGEST_MAX_AGE = IngestSettings.MAX_AGE;
    public static final Setting<Duration> INGEST_MAX_FUTURE = IngestSettings.MAX_FUTURE;
    public static final Setting<Duration> INGEST_SESSION_EXPIRY = IngestSettings.SESSION_EXPIRY;

    public static final Setting<Integer> FEED_HTTP_PORT = FeedSettings.HTTP_PORT;
    public static final Setting<Integer> FEED_MAX_BODY_BYTES = FeedSettings.MAX_BODY_BYTES;
    public static final Setting<Integer> FEED_MAX_ROWS = FeedSettings.MAX_ROWS;
    public static final Setting<Duration> FEED_KAFKA_TIMEOUT = FeedSettings.KAFKA_TIMEOUT;
    public static final Setting<String> FEED_REGISTRY_DIR = FeedSettings.REGISTRY_DIR;

    public static final Setting<String> STREAMS_APP_ID = Setting.text("STREAMS_APP_ID", "ioc-streams",
            "Kafka Streams application id (consumer group and state prefix).");
    public static final Setting<Integer> STREAMS_THREADS = Setting.positiveInt("STREAMS_THREADS", 1,
            "Stream threads of this hub instance.");
    public static final Setting<Duration> STREAMS_COMMIT_INTERVAL = Setting.duration("STREAMS_COMMIT_INTERVAL", "1s",
            "How often the aggregation, indicator and KPI streams applications commit; their results appear at most "
                    + "this late, and each commit is a Kafka transaction (docs/architecture.md).");
    public static final Setting<Duration> RULES_COMMIT_INTERVAL = Setting.duration("RULES_COMMIT_INTERVAL", "100ms",
            "How often the rule processor commits: alerts wait for it twice (repartition and output), so it is "
                    + "kept short; see STREAMS_COMMIT_INTERVAL.");
    public static final Setting<Duration> AGGREGATE_GRACE = Setting.duration("AGGREGATE_GRACE", "1h",
            "How late (in event time) a reading may arrive and still update its 1-minute window; it must also cover"
                    + " how far the telemetry partitions drift apart while a backlog is replayed (docs/architecture.md).");
    public static final Setting<Duration> DEDUP_WINDOW = Setting.duration("DEDUP_WINDOW", "1h",
            "How long a reading is remembered so a copy redelivered by MQTT is counted once.");
    public static final Setting<String> KPI_APP_ID = Setting.text("KPI_APP_ID", "ioc-kpis",
            "Kafka Streams application id of the department KPIs (feed records to KPI indicators). See docs/kpis.md.");
    public static final Setting<String> RULES_FILE = Setting.text("RULES_FILE", "",
            "JSON rule catalogue replacing the built-in one, read at start; an invalid catalogue stops the hub with "
                    + "every fault listed. See docs/rules.md.");
    public static final Setting<String> HOLIDAYS_FILE = Setting.text("HOLIDAYS_FILE", "",
            "JSON file of Vietnam's public holidays and make-up working Saturdays replacing the built-in one (2025-2027), "
                    + "for working-day SLA clocks of rules and KPIs; read at start, an invalid file stops the hub. "
                    + "See docs/rules.md.");
    public static final Setting<String> RULES_APP_ID = Setting.text("RULES_APP_ID", "ioc-rules",
            "Kafka Streams application id of the rule processor (consumer group, state and changelog prefix).");
    public static final Setting<Duration> RULES_TICK_INTERVAL = Setting.duration("RULES_TICK_INTERVAL", "10s",
            "How often the rule processor's wall-clock timer runs (pending, keep-firing, no-data, stale sources, "
                    + "SLA clocks); a timer fires at most this late.");
    public static final Setting<String> SINK_GROUP_ID = Setting.text("SINK_GROUP_ID", "ioc-sink",
            "Kafka consumer group of the database sink.");
    public static final Setting<Duration> SINK_MAX_BACKOFF = Setting.duration("SINK_MAX_BACKOFF", "10s",
            "Longest wait between retries while the database is down.");
    public static final Setting<String> OBSERVATION_SINK_GROUP_ID = Setting.text("OBSERVATION_SINK_GROUP_ID",
            "ioc-observation-sink", "Kafka consumer group of the sink that stores raw readings in observations.");
    public static final Setting<Duration> ROLLUP_INTERVAL = Setting.duration("ROLLUP_INTERVAL", "1m",
            "On plain PostgreSQL, how often the hub updates hourly/daily rollups and deletes past retention "
                    + "(TimescaleDB does both with its own policies). See docs/storage.md.");

    public static final Setting<String> INDICATORS_APP_ID = Setting.text("INDICATORS_APP_ID", "ioc-indicators",
            "Kafka Streams application id of the indicator topology (hourly/daily VN_AQI, flood alert level, rise "
                    + "rate). See docs/vn-aqi.md.");
    public static final Setting<Duration> INDICATOR_GRACE = Setting.duration("INDICATOR_GRACE", "15m",
            "How late a reading may arrive after its hour has ended and still change that hour's means, VN_AQI and "
                    + "flood indicators.");
    public static final Setting<FloodAlertLevels> FLOOD_ALERT_LEVELS = new Setting<>("FLOOD_ALERT_LEVELS",
            "1.80,1.90,2.00", "Flood alert levels BĐ I,BĐ II,BĐ III in metres that water-level gauges are compared "
                    + "with (Cần Thơ station, Hậu river, Decision 05/2020/QĐ-TTg).", FloodAlertLevels::parse);
    public static final Setting<String> INDICATOR_SINK_GROUP_ID = Setting.text("INDICATOR_SINK_GROUP_ID",
            "ioc-indicator-sink", "Kafka consumer group of the sink that stores derived indicators in indicator_values.");
    public static final Setting<String> ALERT_GROUP_ID = AlertingSettings.GROUP_ID;
    public static final Setting<String> ALERT_POLICY_FILE = AlertingSettings.POLICY_FILE;
    public static final Setting<String> ALERT_RECEIVERS_FILE = AlertingSettings.RECEIVERS_FILE;
    public static final Setting<Duration> ALERT_ESCALATION_INTERVAL = AlertingSettings.ESCALATION_INTERVAL;
    public static final Setting<Duration> ALERT_MAX_BACKOFF = AlertingSettings.ALERT_MAX_BACKOFF;
    public static final Setting<Duration> WEBHOOK_INTERVAL = AlertingSettings.WEBHOOK_INTERVAL;
    public static final Setting<Duration> WEBHOOK_TIMEOUT = AlertingSettings.WEBHOOK_TIMEOUT;
    public static final Setting<Duration> WEBHOOK_FIRST_BACKOFF = AlertingSettings.WEBHOOK_FIRST_BACKOFF;
    public static final Setting<Duration> WEBHOOK_MAX_BACKOFF = AlertingSettings.WEBHOOK_MAX_BACKOFF;
    public static final Setting<Duration> WEBHOOK_GIVE_UP_AFTER = AlertingSettings.WEBHOOK_GIVE_UP_AFTER;

    public static final Setting<String> OIDC_ISSUER = OidcSettings.ISSUER;
    public static final Setting<String> OIDC_AUDIENCE = OidcSettings.AUDIENCE;
    public static final Setting<String> OIDC_JWKS_URL = OidcSettings.JWKS_URL;
    public static final Setting<String> OIDC_JWKS_FILE = OidcSettings.JWKS_FILE;
    public static final Setting<String> OIDC_ROLES_CLAIM = OidcSettings.ROLES_CLAIM;
    public static final Setting<String> OIDC_ROLE_MAP = OidcSettings.ROLE_MAP;
    public static final Setting<String> OIDC_DEPARTMENT_CLAIM = OidcSettings.DEPARTMENT_CLAIM;
    public static final Setting<String> OIDC_USERNAME_CLAIM = OidcSettings.USERNAME_CLAIM;
    public static final Setting<Duration> OIDC_CLOCK_SKEW = OidcSettings.CLOCK_SKEW;
    public static final Setting<Duration> OIDC_JWKS_REFRESH = OidcSettings.JWKS_REFRESH;

    public static final Setting<Boolean> SIMULATOR_ENABLED = Setting.flag("SIMULATOR_ENABLED", true,
            "Run the built-in Cần Thơ simulator: every registered sensor (air, river level, water quality, traffic, "
                    + "visitors) publishes over MQTT like a real device.");
    public static final Setting<Cadences> SIMULATOR_INTERVAL = new Setting<>("SIMULATOR_INTERVAL", Cadences.DEFAULT,
            "How often each simulated device publishes: one interval for all types and/or type=interval "
                    + "(5s = every device every 5 s). See docs/simulator.md.", Cadences::parse);
    public static final Setting<OptionalLong> SIMULATOR_SEED = new Setting<>("SIMULATOR_SEED", "",
            "Seed of the simulated values and incidents (same seed, same city); empty = a new one at each start, "
                    + "logged.", HubSettings::optionalLong);
    public static final Setting<Double> SIMULATOR_INCIDENT_PROBABILITY = new Setting<>(
            "SIMULATOR_INCIDENT_PROBABILITY", "0.05", "Chance that a simulated device has an incident in one incident "
                    + "window (PM2.5 spike: 2 h, traffic jam: 1 h, river past BĐ II: 1 day); 0 = none.",
            HubSettings::probability);

    public static final Setting<Boolean> SIMULATOR_FEEDS_ENABLED = Setting.flag("SIMULATOR_FEEDS_ENABLED", true,
            "With SIMULATOR_ENABLED, also push the departments' feeds (statistics, dossiers, 1022, social listening, "
                    + "SOC, tourism, hotels, traffic safety) over HTTP to the feed API. See docs/simulator.md.");
    public static final Setting<String> SIMULATOR_FEED_URL = Setting.text("SIMULATOR_FEED_URL", "",
            "Feed API the simulator pushes to, e.g. http://127.0.0.1:8081; empty = this hub's own feed API.");
    public static final Setting<String> SIMULATOR_FEED_TOKENS = Setting.text("SIMULATOR_FEED_TOKENS", "",
            "File of department=token lines for the feed simulator; empty = the embedded default's "
                    + "<IOC_DATA_DIR>/demo-tokens.txt (with an external database and no file, feeds are not simulated).");
    public static final Setting<Duration> SIMULATOR_FEED_INTERVAL = Setting.duration("SIMULATOR_FEED_INTERVAL", "5m",
            "How often the simulated departments push their feeds (already pushed records come back as duplicates).");
    public static final Setting<Duration> SIMULATOR_FEED_HISTORY = Setting.duration("SIMULATOR_FEED_HISTORY", "14d",
            "How far back daily, hourly and event feeds are pushed (monthly/quarterly releases: 13-25 months).");

    private HubSettings() {
    }

    private static OptionalLong optionalLong(String text) {
        if (text.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a whole number or nothing");
        }
    }

    private static double probability(String text) {
        try {
            double value = Double.parseDouble(text.trim());
            if (value >= 0 && value <= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("expected a probability from 0 to 1, e.g. 0.05");
    }

    public static List<Setting<?>> all() {
        return List.of(DATA_DIR, HTTP_HOST, HTTP_PORT, KAFKA_BOOTSTRAP, KAFKA_PORT, KAFKA_REPLICATION_FACTOR, MQTT_URL,
                MQTT_PORT, DB_URL, DB_USER, DB_PASSWORD, DB_PORT, DB_POOL_SIZE, REGISTRY_DIR, REGISTRY_REFRESH, INGEST_CLIENT_ID,
                INGEST_SHARED_GROUP, INGEST_RECEIVE_MAXIMUM, INGEST_MAX_PAYLOAD_BYTES, INGEST_MAX_AGE,
                INGEST_MAX_FUTURE, INGEST_SESSION_EXPIRY, FEED_HTTP_PORT, FEED_MAX_BODY_BYTES,
                FEED_MAX_ROWS, FEED_KAFKA_TIMEOUT, FEED_REGISTRY_DIR, STREAMS_APP_ID, STREAMS_THREADS,
                STREAMS_COMMIT_INTERVAL, RULES_COMMIT_INTERVAL, AGGREGATE_GRACE, DEDUP_WINDOW, KPI_APP_ID,
                RULES_FILE, HOLIDAYS_FILE, RULES_APP_ID, RULES_TICK_INTERVAL, SINK_GROUP_ID, SINK_MAX_BACKOFF,
                OBSERVATION_SINK_GROUP_ID, ROLLUP_INTERVAL,
                INDICATORS_APP_ID, INDICATOR_GRACE, FLOOD_ALERT_LEVELS, INDICATOR_SINK_GROUP_ID,
                ALERT_GROUP_ID, ALERT_POLICY_FILE, ALERT_RECEIVERS_FILE,
                ALERT_ESCALATION_INTERVAL, ALERT_MAX_BACKOFF, WEBHOOK_INTERVAL, WEBHOOK_TIMEOUT, WEBHOOK_FIRST_BACKOFF,
                WEBHOOK_MAX_BACKOFF, WEBHOOK_GIVE_UP_AFTER,
                OIDC_ISSUER, OIDC_AUDIENCE, OIDC_JWKS_URL, OIDC_JWKS_FILE, OIDC_ROLES_CLAIM, OIDC_ROLE_MAP,
                OIDC_DEPARTMENT_CLAIM, OIDC_USERNAME_CLAIM, OIDC_CLOCK_SKEW, OIDC_JWKS_REFRESH,
                SIMULATOR_ENABLED, SIMULATOR_INTERVAL, SIMULATOR_SEED, SIMULATOR_INCIDENT_PROBABILITY,
                SIMULATOR_FEEDS_ENABLED, SIMULATOR_FEED_URL, SIMULATOR_FEED_TOKENS, SIMULATOR_FEED_INTERVAL,
                SIMULATOR_FEED_HISTORY);
    }
}
