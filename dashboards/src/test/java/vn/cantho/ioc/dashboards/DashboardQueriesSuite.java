package vn.cantho.ioc.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.dashboards.GrafanaProvisioning.Dashboard;
import vn.cantho.ioc.dashboards.GrafanaSqlMacros.TimeRange;
import vn.cantho.ioc.dashboards.GrafanaSqlMacros.Variable;
import vn.cantho.ioc.model.registry.Area;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.IndicatorDefinition;
import vn.cantho.ioc.model.registry.IndicatorRegistry;

/**
 * Every SQL panel and every SQL variable of every dashboard, expanded the way Grafana expands it
 * ({@link GrafanaSqlMacros}) and executed against the real schema (the hub's migrations) with simulated data,
 * as the read-only role {@code ioc_reader} Grafana's login belongs to. Each query must run, return rows, and
 * return the columns its panel reads. Two subclasses run it on plain PostgreSQL and on TimescaleDB (where
 * {@code $__timeGroup} is {@code time_bucket} and the hourly tier is a continuous aggregate).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DashboardQueriesSuite {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardQueriesSuite.class);
    /** Grafana's default for a panel without its own limit. */
    private static final int MAX_DATA_POINTS = 1000;
    /** The data source's {@code timeInterval} (provisioning): Grafana never picks a smaller interval. */
    private static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

    /** The migrated database, its data source connecting as the hub's own (owner) user. */
    abstract DataSource dataSource();

    /** Whether Grafana's data source has its TimescaleDB flag on for this dialect. */
    abstract boolean timescaledb();

    /** Brings the hourly and daily tiers up to date with the seeded one-minute rows. */
    abstract void refreshRollups() throws SQLException;

    abstract String dialect();

    /** Starts (or connects to) the server and migrates a fresh schema. */
    abstract void open() throws SQLException;

    abstract void close();

    @BeforeAll
    void openAndSeed() throws SQLException {
        open();
        SimulatedCity.seed(dataSource());
        refreshRollups();
    }

    @AfterAll
    void closeServer() {
        close();
    }

    @Test
    void everySqlPanelRunsAsTheReadOnlyRoleAndReturnsRowsWithTheColumnsItUses() throws SQLException {
        // Given every dashboard's SQL targets and the dashboard's own time range and variables
        List<String> failures = new ArrayList<>();
        int panels = 0;
        int queries = 0;
        for (Dashboard dashboard : GrafanaProvisioning.dashboards()) {
            Map<String, Variable> variables = variables(dashboard);
            Duration range = rangeOf(dashboard);
            Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            TimeRange timeRange = new TimeRange(to.minus(range), to);
            for (JsonNode panel : dashboard.panels()) {
                boolean sqlPanel = false;
                for (JsonNode target : panel.path("targets")) {
                    if (!target.path("datasource").path("type").asText().equals(GrafanaProvisioning.POSTGRES_TYPE)) {
                        continue;
                    }
                    sqlPanel = true;
                    // When it is expanded with the interval Grafana picks for the range, and with a one-day interval
                    for (Duration interval : List.of(interval(range), Duration.ofDays(1))) {
                        String sql = GrafanaSqlMacros.expand(
                                target.path("rawSql").asText(), timeRange, interval, timescaledb(), variables);
                        String where =
                                dashboard.uid() + " / " + panel.path("title").asText() + " / "
                                        + target.path("refId").asText() + " (interval "
                                        + GrafanaSqlMacros.formatInterval(interval) + ")";
                        queries++;
                        try {
                            // Then it runs as ioc_reader, returns rows and the columns the panel reads
                            List<String> problems = check(panel, target, runAsReader(sql));
                            problems.forEach(p -> failures.add(where + ": " + p));
                        } catch (SQLException e) {
                            failures.add(where + ": " + e.getMessage() + "\n" + sql);
                        }
                    }
                }
                if (sqlPanel) {
                    panels++;
                }
            }
        }
        String summary = String.format(
                "%s: %d SQL panels, %d queries executed as ioc_reader, %d failed",
                dialect(), panels, queries, failures.size());
        System.out.println(summary);
        LOG.info(summary);
        assertThat(failures).as(summary).isEmpty();
        assertThat(panels).isGreaterThanOrEqualTo(70);
    }

    @Test
    void everySqlVariableRunsAsTheReadOnlyRoleAndOffersOptions() throws SQLException {
        int checked = 0;
        for (Dashboard dashboard : GrafanaProvisioning.dashboards()) {
            for (JsonNode variable : dashboard.json().path("templating").path("list")) {
                if (variable.path("type").asText().equals("query")) {
                    Result result = runAsReader(variable.path("query").asText());
                    assertThat(result.rows())
                            .as(dashboard.uid() + " $" + variable.path("name").asText())
                            .isNotEmpty();
                    checked++;
                }
            }
        }
        assertThat(checked).isPositive();
    }

    @Test
    void theOverviewTileShowsTheLatestCityValueOfItsKpi() throws SQLException {
        // Given the simulated city's on-time rate for today
        JsonNode tile = GrafanaProvisioning.dashboards().stream()
                .filter(d -> d.uid().equals("ioc-overview"))
                .findFirst()
                .orElseThrow()
                .panels()
                .stream()
                .filter(p -> p.path("targets").path(0).path("rawSql").asText().contains("'dossiers_on_time_rate_city'"))
                .findFirst()
                .orElseThrow();
        // When the tile's query runs
        Instant now = Instant.now();
        Result result = runAsReader(GrafanaSqlMacros.expand(
                tile.path("targets").path(0).path("rawSql").asText(),
                new TimeRange(now.minus(Duration.ofDays(1)), now),
                Duration.ofMinutes(1),
                timescaledb(),
                Map.of()));
        // Then it is the value seeded for the newest day, the one the plan colours judge
        assertThat(result.rows()).hasSize(1);
        assertThat(((Number) result.rows().get(0).get("value")).doubleValue())
                .isEqualTo(SimulatedCity.value("dossiers_on_time_rate_city", 0));
    }

    @Test
    void theReadOnlyRoleCannotReadTokensNorWriteAnything() {
        // Token hashes and the feed ledger are not the dashboards' business; nor is changing data.
        assertThatThrownBy(() -> runAsReader("SELECT count(*) FROM api_token"))
                .hasMessageContaining("permission denied");
        // Grafana's login is also read-only by default (production init script); either refusal is enough.
        assertThatThrownBy(() -> runAsReader("DELETE FROM alerts RETURNING id"))
                .hasMessageMatching("(?s).*(permission denied|read-only transaction).*");
    }

    private static List<String> check(JsonNode panel, JsonNode target, Result result) {
        List<String> problems = new ArrayList<>();
        if (result.rows().isEmpty()) {
            problems.add("no rows from the simulated city");
        }
        Set<String> columns = result.columns();
        if (target.path("format").asText().equals("time_series") && !columns.contains("time")) {
            problems.add("time series without a time column: " + columns);
        }
        String fields =
                panel.path("options").path("reduceOptions").path("fields").asText("");
        if (fields.equals("/^value$/") && !columns.contains("value")) {
            problems.add("panel reads field value, query returns " + columns);
        }
        if (panel.path("type").asText().equals("geomap")) {
            for (JsonNode layer : panel.path("options").path("layers")) {
                List<String> used = new ArrayList<>(
                        List.of(layer.path("location").path("lookup").asText()));
                JsonNode style = layer.path("config").path("style");
                used.add(style.path("color").path("field").asText());
                used.add(style.path("size").path("field").asText());
                used.add(style.path("text").path("field").asText());
                used.stream()
                        .filter(f -> !f.isEmpty() && !columns.contains(f))
                        .forEach(f -> problems.add("map layer reads field " + f + ", query returns " + columns));
            }
        }
        for (JsonNode override : panel.path("fieldConfig").path("overrides")) {
            String name = override.path("matcher").path("options").asText();
            if (override.path("matcher").path("id").asText().equals("byName") && !columns.contains(name)) {
                problems.add("override for field " + name + ", query returns " + columns);
            }
        }
        return problems;
    }

    /** The rows of one query, run in a transaction as ioc_reader and rolled back. */
    record Result(Set<String> columns, List<Map<String, Object>> rows) {}

    /**
     * A connection with ioc_reader's rights: by default the owner's connection switched with SET LOCAL ROLE
     * inside the query's transaction (the TimescaleDB test server has one superuser session and no real logins).
     */
    Connection readerConnection() throws SQLException {
        return dataSource().getConnection();
    }

    /** Whether {@link #readerConnection()} still has to switch to ioc_reader. */
    boolean switchesRole() {
        return true;
    }

    Result runAsReader(String sql) throws SQLException {
        try (Connection connection = readerConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                if (switchesRole()) {
                    statement.execute("SET LOCAL ROLE ioc_reader");
                }
                statement.setQueryTimeout(30);
                try (ResultSet rs = statement.executeQuery(sql)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    Set<String> columns = new LinkedHashSet<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        columns.add(meta.getColumnLabel(i));
                    }
                    List<Map<String, Object>> rows = new ArrayList<>();
                    while (rs.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            row.put(meta.getColumnLabel(i), rs.getObject(i));
                        }
                        rows.add(row);
                    }
                    return new Result(columns, rows);
                }
            } finally {
                connection.rollback();
            }
        }
    }

    /**
     * The variables as the browser holds them with "All" selected: custom variables their options, query
     * variables what their query returns (run like Grafana does, as the data source's user).
     */
    private Map<String, Variable> variables(Dashboard dashboard) throws SQLException {
        Map<String, Variable> out = new HashMap<>();
        for (JsonNode variable : dashboard.json().path("templating").path("list")) {
            List<String> values = new ArrayList<>();
            if (variable.path("type").asText().equals("custom")) {
                variable.path("options").forEach(o -> values.add(o.path("value").asText()));
            } else if (variable.path("type").asText().equals("query")) {
                for (Map<String, Object> row :
                        runAsReader(variable.path("query").asText()).rows()) {
                    values.add(String.valueOf(row.values().iterator().next()));
                }
            }
            boolean quoted = variable.path("multi").asBoolean()
                    || variable.path("includeAll").asBoolean();
            out.put(variable.path("name").asText(), quoted ? Variable.multi(values) : Variable.single(values.get(0)));
        }
        return out;
    }

    /** The dashboard's default range, "now-24h" … "now-2y". */
    static Duration rangeOf(Dashboard dashboard) {
        String from = dashboard.json().path("time").path("from").asText();
        assertThat(from).startsWith("now-");
        return GrafanaSqlMacros.parseInterval(from.substring(4));
    }

    /** Grafana's interval for a range: range / max data points, never below the data source's minimum. */
    static Duration interval(Duration range) {
        Duration raw = range.dividedBy(MAX_DATA_POINTS);
        Duration interval = raw.compareTo(MIN_INTERVAL) < 0 ? MIN_INTERVAL : raw;
        return GrafanaSqlMacros.parseInterval(GrafanaSqlMacros.formatInterval(interval));
    }

    /**
     * A small simulated Cần Thơ: every registry KPI and indicator for the last days, months and quarters and
     * the same periods a year earlier, one-minute aggregates of the sensor metrics the dashboards plot for two
     * days, raw readings for six hours, and alerts with their audit trail. Times are relative to now so the
     * dashboards' "latest" windows see them.
     */
    static final class SimulatedCity {

        static final String STATION = "aq-ninh-kieu-01";
        static final String GAUGE = "wl-ninh-kieu-01";
        static final String WATER_QUALITY = "wq-ninh-kieu-01";

        /** The seeded value of an indicator k periods before the current one. */
        static double value(String indicator, int k) {
            return 40 + Math.floorMod(indicator.hashCode() + 7 * k, 60);
        }

        static void seed(DataSource dataSource) throws SQLException {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                indicators(c);
                aggregates(c);
                observations(c);
                alerts(c);
                c.commit();
            }
        }

        private static void indicators(Connection c) throws SQLException {
            String sql = """
                    INSERT INTO indicator_values (indicator, scope, entity_id, labels_key, granularity, period_start, period_end,
                                                  domain, area_code, value, labels, attributes, computed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)""";
            Instant now = Instant.now();
            try (PreparedStatement insert = c.prepareStatement(sql)) {
                for (IndicatorDefinition d : IndicatorRegistry.builtIn().all()) {
                    String granularity = d.granularity().name().toLowerCase(java.util.Locale.ROOT);
                    for (String[] entity : entities(d)) {
                        for (String[] labels : labels(d.id())) {
                            for (int k : periods(granularity)) {
                                Instant start = periodStart(granularity, now, k);
                                Instant end =
                                        granularity.equals("instant") ? start : periodStart(granularity, now, k - 1);
                                insert.setString(1, d.id());
                                insert.setString(2, d.scope().name().toLowerCase(java.util.Locale.ROOT));
                                insert.setString(3, entity[0]);
                                insert.setString(4, labels[0]);
                                insert.setString(5, granularity);
                                insert.setObject(6, java.sql.Timestamp.from(start));
                                insert.setObject(7, java.sql.Timestamp.from(end));
                                insert.setString(8, d.domain().id());
                                insert.setString(9, entity[1]);
                                insert.setDouble(10, value(d.id(), k));
                                insert.setString(11, labels[1]);
                                insert.setString(
                                        12,
                                        d.id().startsWith("vn_aqi")
                                                ? "{\"category\":\"Trung bình\",\"category_id\":\"moderate\",\"dominant_pollutant\":\"pm25\"}"
                                                : "{}");
                                insert.setObject(
                                        13, java.sql.Timestamp.from(granularity.equals("instant") ? start : end));
                                insert.addBatch();
                            }
                        }
                    }
                }
                insert.executeBatch();
            }
        }

        /** Periods back from the current one: the recent ones, and the same ones a year earlier. */
        private static List<Integer> periods(String granularity) {
            List<Integer> out = new ArrayList<>();
            int recent =
                    switch (granularity) {
                        case "instant", "hour" -> 72;
                        case "day" -> 40;
                        case "month" -> 26;
                        default -> 9;
                    };
            for (int k = 0; k <= recent; k++) {
                out.add(k);
            }
            if (granularity.equals("day")) {
                for (int k = 365; k <= 405; k++) {
                    out.add(k);
                }
            }
            return out;
        }

        private static Instant periodStart(String granularity, Instant now, int k) {
            java.time.ZonedDateTime t = now.atZone(java.time.ZoneOffset.ofHours(7));
            return switch (granularity) {
                case "instant" -> now.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(k));
                case "hour" -> now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(k));
                case "day" -> t.truncatedTo(ChronoUnit.DAYS).minusDays(k).toInstant();
                case "month" ->
                    t.truncatedTo(ChronoUnit.DAYS)
                            .withDayOfMonth(1)
                            .minusMonths(k)
                            .toInstant();
                default ->
                    t.truncatedTo(ChronoUnit.DAYS)
                            .withDayOfMonth(1)
                            .withMonth(((t.getMonthValue() - 1) / 3) * 3 + 1)
                            .minusMonths(3L * k)
                            .toInstant();
            };
        }

        /** {entity id, area code} per scope. */
        private static List<String[]> entities(IndicatorDefinition d) {
            return switch (d.scope()) {
                case DEVICE ->
                    d.id().startsWith("water")
                            ? List.<String[]>of(new String[] {GAUGE, "ninh-kieu"})
                            : List.<String[]>of(
                                    new String[] {STATION, "ninh-kieu"}, new String[] {"aq-cai-rang-01", "cai-rang"});
                case AREA ->
                    DeviceRegistry.builtIn().areas().stream()
                            .map(a -> new String[] {a.code(), a.code()})
                            .toList();
                case AGENCY -> List.<String[]>of(new String[] {"so-tu-phap", null}, new String[] {"so-xay-dung", null});
                default -> List.<String[]>of(new String[] {"can-tho", null});
            };
        }

        /** {labels_key, labels json} the KPI's series carry. */
        private static List<String[]> labels(String indicator) {
            if (indicator.startsWith("online_")) {
                return List.<String[]>of(
                        new String[] {"channel=all", "{\"channel\":\"all\"}"},
                        new String[] {"channel=facebook", "{\"channel\":\"facebook\"}"});
            }
            if (indicator.startsWith("citizen_reports_backlog")) {
                return List.<String[]>of(new String[] {"category=moi-truong", "{\"category\":\"moi-truong\"}"});
            }
            if (indicator.equals("cyber_incidents")) {
                return List.<String[]>of(new String[] {"severity=high", "{\"severity\":\"high\"}"});
            }
            return List.<String[]>of(new String[] {"", "{}"});
        }

        private static void aggregates(Connection c) throws SQLException {
            // metric, domain, device, and the value range the panels plot; area rows mirror the device rows.
            String[][] series = {
                {"pm25", "environment", STATION, "35"},
                {"water_level", "environment", GAUGE, "1.85"},
                {"ph", "environment", WATER_QUALITY, "7.1"},
                {"dissolved_oxygen", "environment", WATER_QUALITY, "5.2"},
                {"vehicle_count", "security_traffic", "tc-tran-hung-dao", "40"},
                {"mean_speed", "security_traffic", "tc-tran-hung-dao", "32"},
                {"visitor_count", "tourism", "vc-ben-ninh-kieu", "25"}
            };
            String sql = """
                    INSERT INTO metric_agg_1m (scope, entity_id, metric, domain, area_code, bucket, bucket_end, sample_count,
                                               sum_value, min_value, max_value, avg_value, last_value)
                    SELECT s.scope, s.entity, ?, ?, 'ninh-kieu', b, b + interval '1 minute', 4, 4 * v, v - 1, v + 1, v, v
                    FROM generate_series(date_trunc('minute', now()) - interval '48 hours', date_trunc('minute', now()), interval '5 minutes') AS b,
                         LATERAL (SELECT ?::double precision + 0.1 * (extract(minute from b)::int % 7) AS v) val,
                         (VALUES ('device', ?), ('area', 'ninh-kieu')) AS s(scope, entity)""";
            try (PreparedStatement insert = c.prepareStatement(sql)) {
                for (String[] s : series) {
                    insert.setString(1, s[0]);
                    insert.setString(2, s[1]);
                    insert.setDouble(3, Double.parseDouble(s[3]));
                    insert.setString(4, s[2]);
                    insert.executeUpdate();
                }
            }
        }

        private static void observations(Connection c) throws SQLException {
            try (Statement statement = c.createStatement()) {
                statement.executeUpdate("""
                        INSERT INTO readings (device_id, metrics, ts, metric_values, domain, area_code, received_at)
                        SELECT '%s', ARRAY['pm25'], t, ARRAY[30 + extract(minute from t)::int %% 10], 'environment', 'ninh-kieu', t + interval '2 seconds'
                        FROM generate_series(date_trunc('minute', now()) - interval '6 hours', date_trunc('minute', now()), interval '1 minute') AS t""".formatted(STATION));
            }
        }

        private static void alerts(Connection c) throws SQLException {
            String alert = """
                    INSERT INTO alerts (alert_key, rule_id, entity_id, scope, domain, area_code, severity, condition, episode_open,
                                        episode, occurrences, first_seen_at, last_seen_at, opened_at, resolved_at, handling, acked_by,
                                        acked_at, summary)
                    VALUES (?, ?, ?, 'device', ?, ?, ?, ?, ?, 1, 1, now() - interval '2 days', now(), now() - ?::interval,
                            ?::timestamptz, ?, ?, ?::timestamptz, ?)
                    RETURNING id""";
            String event =
                    "INSERT INTO alert_events (alert_id, seq, type, actor, at, episode) VALUES (?, ?, ?, ?, now() - ?::interval, 1)";
            Object[][] alerts = {
                // key, rule, entity, domain, area, severity, condition, open, opened ago, acked ago (or null), resolved
                // ago (or null)
                {
                    "a1",
                    "pm25-high",
                    STATION,
                    "environment",
                    "ninh-kieu",
                    "MAJOR",
                    "FIRING",
                    true,
                    "3 hours",
                    "2 hours",
                    null
                },
                {"a2", "river-bd2", GAUGE, "environment", "ninh-kieu", "CRITICAL", "FIRING", true, "1 hour", null, null
                },
                {
                    "a3",
                    "speed-jam",
                    "tc-tran-hung-dao",
                    "security_traffic",
                    "ninh-kieu",
                    "WARNING",
                    "RESOLVED",
                    false,
                    "1 day",
                    "23 hours",
                    "20 hours"
                },
                {
                    "a4",
                    "visitors-low",
                    "vc-ben-ninh-kieu",
                    "tourism",
                    "cai-rang",
                    "INFO",
                    "RECOVERING",
                    true,
                    "5 hours",
                    "4 hours",
                    null
                }
            };
            try (PreparedStatement insertAlert = c.prepareStatement(alert);
                    PreparedStatement insertEvent = c.prepareStatement(event)) {
                for (Object[] a : alerts) {
                    insertAlert.setString(1, "rule=" + a[1] + "|entity=" + a[2] + "|" + a[0]);
                    insertAlert.setString(2, (String) a[1]);
                    insertAlert.setString(3, (String) a[2]);
                    insertAlert.setString(4, (String) a[3]);
                    insertAlert.setString(5, (String) a[4]);
                    insertAlert.setString(6, (String) a[5]);
                    insertAlert.setString(7, (String) a[6]);
                    insertAlert.setBoolean(8, (Boolean) a[7]);
                    insertAlert.setString(9, (String) a[8]);
                    insertAlert.setString(
                            10,
                            a[10] == null
                                    ? null
                                    : Instant.now().minus(Duration.ofHours(20)).toString());
                    insertAlert.setString(11, a[9] == null ? "UNACK" : "ACK");
                    insertAlert.setString(12, a[9] == null ? null : "Ca trực 1 - Trần Thị Lan #7");
                    insertAlert.setString(
                            13,
                            a[9] == null
                                    ? null
                                    : Instant.now().minus(Duration.ofHours(2)).toString());
                    insertAlert.setString(14, "Cảnh báo thử: " + a[1]);
                    long id;
                    try (ResultSet rs = insertAlert.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                    int seq = 0;
                    for (Object[] e : new Object[][] {
                        {"OPENED", "rule:" + a[1], a[8]},
                        {"ACKNOWLEDGED", "Ca trực 1 - Trần Thị Lan #7", a[9]},
                        {"RESOLVED", "rule:" + a[1], a[10]}
                    }) {
                        if (e[2] == null) {
                            continue;
                        }
                        insertEvent.setLong(1, id);
                        insertEvent.setInt(2, ++seq);
                        insertEvent.setString(3, (String) e[0]);
                        insertEvent.setString(4, (String) e[1]);
                        insertEvent.setString(5, (String) e[2]);
                        insertEvent.addBatch();
                    }
                }
                insertEvent.executeBatch();
            }
        }

        private SimulatedCity() {}
    }

    @SuppressWarnings("unused")
    private static List<String> areaCodes() {
        return DeviceRegistry.builtIn().areas().stream().map(Area::code).toList();
    }
}
