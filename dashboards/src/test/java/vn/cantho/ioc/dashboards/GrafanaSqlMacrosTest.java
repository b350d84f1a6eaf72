package vn.cantho.ioc.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.dashboards.GrafanaSqlMacros.TimeRange;
import vn.cantho.ioc.dashboards.GrafanaSqlMacros.Variable;

/**
 * The expansion follows Grafana's own tests (pkg/tsdb/grafana-postgresql-datasource/macros_test.go, the
 * SQL data sources' variable interpolation): the same inputs give the same SQL.
 */
class GrafanaSqlMacrosTest {

    // macros_test.go uses 2018-04-12T18:00:00Z – 2018-04-12T18:05:00Z.
    private static final TimeRange RANGE =
            new TimeRange(Instant.parse("2018-04-12T18:00:00Z"), Instant.parse("2018-04-12T18:05:00Z"));

    private static String macros(String sql, boolean timescaledb) {
        return GrafanaSqlMacros.macros(sql, RANGE, timescaledb);
    }

    @Test
    void timeFilterBecomesABetweenOfRfc3339Instants() {
        assertThat(macros("WHERE $__timeFilter(time_column)", false))
                .isEqualTo("WHERE time_column BETWEEN '2018-04-12T18:00:00Z' AND '2018-04-12T18:05:00Z'");
    }

    @Test
    void timeGroupIsAnEpochFloorOnPostgresqlAndTimeBucketOnTimescaledb() {
        assertThat(macros("GROUP BY $__timeGroup(time_column,'5m')", false))
                .isEqualTo("GROUP BY floor(extract(epoch from time_column)/300)*300");
        assertThat(macros("GROUP BY $__timeGroup(time_column,'5m')", true))
                .isEqualTo("GROUP BY time_bucket('300.000s',time_column)");
        assertThat(macros("GROUP BY $__timeGroup(time_column, 5m)", false))
                .isEqualTo("GROUP BY floor(extract(epoch from time_column)/300)*300");
    }

    @Test
    void timeGroupAliasAndTheOldCommaFormAddAsTime() {
        assertThat(macros("$__timeGroupAlias(time_column,'5m')", false))
                .isEqualTo("floor(extract(epoch from time_column)/300)*300 AS \"time\"");
        assertThat(macros("SELECT $__timeGroup(time_column,'5m'), value", false))
                .isEqualTo("SELECT floor(extract(epoch from time_column)/300)*300 AS \"time\", value");
        assertThat(macros("$__timeGroupAlias(time_column,'5m')", true))
                .isEqualTo("time_bucket('300.000s',time_column) AS \"time\"");
    }

    @Test
    void timeFromAndTimeToAreQuotedInstantsAndEpochMacrosAreSeconds() {
        assertThat(macros("select $__timeFrom(), $__timeTo()", false))
                .isEqualTo("select '2018-04-12T18:00:00Z', '2018-04-12T18:05:00Z'");
        assertThat(macros("select $__unixEpochFilter(time)", false))
                .isEqualTo("select time >= 1523556000 AND time <= 1523556300");
        assertThat(macros("select $__unixEpochNanoFilter(time)", false))
                .isEqualTo("select time >= 1523556000000000000 AND time <= 1523556300000000000");
        assertThat(macros("GROUP BY $__unixEpochGroupAlias(time_column,'5m')", false))
                .isEqualTo("GROUP BY floor((time_column)/300)*300 AS \"time\"");
        assertThat(macros("select $__time(time_column)", false)).isEqualTo("select time_column AS \"time\"");
        assertThat(macros("select $__timeEpoch(time_column)", false))
                .isEqualTo("select extract(epoch from time_column) as \"time\"");
    }

    @Test
    void intervalIsFormattedInItsLargestWholeUnitBeforeMacrosParseIt() {
        // Given a 1-hour interval / When the global substitutions and macros run
        String sql = GrafanaSqlMacros.expand(
                "SELECT $__timeGroupAlias(ts, $__interval), $__interval_ms",
                RANGE,
                Duration.ofHours(1),
                false,
                Map.of());
        // Then Grafana's "1h" reaches the macro and 3600 s comes out
        assertThat(sql).isEqualTo("SELECT floor(extract(epoch from ts)/3600)*3600 AS \"time\", 3600000");
        assertThat(GrafanaSqlMacros.formatInterval(Duration.ofSeconds(90))).isEqualTo("1m");
        assertThat(GrafanaSqlMacros.formatInterval(Duration.ofDays(400))).isEqualTo("1y");
        assertThat(GrafanaSqlMacros.formatInterval(Duration.ofMillis(500))).isEqualTo("500ms");
    }

    @Test
    void longIntervalsPrintLikeGoFloats() {
        assertThat(GrafanaSqlMacros.goFloat(300)).isEqualTo("300");
        assertThat(GrafanaSqlMacros.goFloat(604800)).isEqualTo("604800");
        assertThat(GrafanaSqlMacros.goFloat(2592000)).isEqualTo("2.592e+06");
        assertThat(GrafanaSqlMacros.goFloat(1000000)).isEqualTo("1e+06");
        assertThat(GrafanaSqlMacros.goFloat(0.5)).isEqualTo("0.5");
    }

    @Test
    void multiValueVariablesBecomeQuotedLiteralsAndSingleValuesAreEscapedInPlace() {
        Map<String, Variable> vars = Map.of(
                "area", Variable.multi(List.of("ninh-kieu", "o'mon")),
                "agency", Variable.single("so-tu'phap"));
        assertThat(GrafanaSqlMacros.templateVariables("area_code IN ($area) AND entity_id = '$agency'", vars))
                .isEqualTo("area_code IN ('ninh-kieu','o''mon') AND entity_id = 'so-tu''phap'");
        assertThat(GrafanaSqlMacros.templateVariables("${area:csv} [[area]] ${area:sqlstring}", vars))
                .isEqualTo("ninh-kieu,o'mon 'ninh-kieu','o''mon' 'ninh-kieu','o''mon'");
        // Grafana's own $__ names are left for the backend.
        assertThat(GrafanaSqlMacros.templateVariables("$__timeFilter(ts) $__interval", vars))
                .isEqualTo("$__timeFilter(ts) $__interval");
    }

    @Test
    void anUndefinedVariableOrUnknownMacroIsAnErrorNotSilentSql() {
        assertThatThrownBy(() -> GrafanaSqlMacros.templateVariables("x IN ($nope)", Map.of()))
                .hasMessageContaining("$nope");
        assertThatThrownBy(() -> macros("$__nope(x)", false)).hasMessageContaining("unknown macro");
        assertThatThrownBy(() -> macros("$__timeGroup(x)", false)).hasMessageContaining("needs time column");
    }
}
