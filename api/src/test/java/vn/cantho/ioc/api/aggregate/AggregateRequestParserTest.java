package vn.cantho.ioc.api.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.api.http.ApiException;
import vn.cantho.ioc.api.http.ErrorCode;
import vn.cantho.ioc.api.http.QueryParams;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.LiveRegistry;
import vn.cantho.ioc.model.registry.Metric;
import vn.cantho.ioc.store.AggregateCursor;
import vn.cantho.ioc.store.AggregateQuery;
import vn.cantho.ioc.store.AggregateTier;

/** Parameter rules of the aggregates endpoint: defaults, scope implications, every rejection. */
class AggregateRequestParserTest {

    private static final Instant NOW = Instant.parse("2026-11-23T04:00:00Z");
    private static final String DEVICE = "aq-ninh-kieu-01";
    private static final String DEVICE_AREA = "ninh-kieu";

    private final AggregateRequestParser parser =
            new AggregateRequestParser(new LiveRegistry(DeviceRegistry.builtIn(), 0), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void no_parameters_mean_both_scopes_over_the_last_hour_with_the_default_limit() {
        // When
        AggregateRequest request = parse("pm25");

        // Then
        assertThat(request.metric()).isEqualTo(Metric.PM25);
        assertThat(request.query())
                .isEqualTo(new AggregateQuery("pm25", null, null, null, NOW.minusSeconds(3600), NOW, 500, null));
    }

    @Test
    void a_device_implies_the_device_scope() {
        // When
        AggregateQuery query = parse("pm25", "device", DEVICE).query();

        // Then
        assertThat(query.scope()).isEqualTo(Scope.DEVICE);
        assertThat(query.entityId()).isEqualTo(DEVICE);
        assertThat(query.areaCode()).isNull();
    }

    @Test
    void an_area_alone_means_the_area_scope_for_that_area() {
        // When
        AggregateQuery query = parse("pm25", "area", "cai-rang").query();

        // Then
        assertThat(query.scope()).isEqualTo(Scope.AREA);
        assertThat(query.areaCode()).isEqualTo("cai-rang");
        assertThat(query.entityId()).isNull();
    }

    @Test
    void an_area_with_the_device_scope_means_the_devices_in_that_area() {
        // When
        AggregateQuery query =
                parse("pm25", "area", "cai-rang", "scope", "device").query();

        // Then
        assertThat(query.scope()).isEqualTo(Scope.DEVICE);
        assertThat(query.areaCode()).isEqualTo("cai-rang");
    }

    @Test
    void a_device_with_its_own_area_is_accepted() {
        // When
        AggregateQuery query =
                parse("pm25", "device", DEVICE, "area", DEVICE_AREA).query();

        // Then
        assertThat(query.entityId()).isEqualTo(DEVICE);
    }

    @Test
    void an_explicit_range_limit_and_cursor_are_passed_on() {
        // Given
        AggregateCursor cursor = new AggregateCursor(Instant.parse("2026-11-23T03:10:00Z"), Scope.DEVICE, DEVICE);

        // When
        AggregateQuery query = parse(
                        "pm10",
                        "from",
                        "2026-11-23T03:00:00Z",
                        "to",
                        "2026-11-23T10:30:00+07:00",
                        "limit",
                        "5000",
                        "cursor",
                        cursor.encode())
                .query();

        // Then
        assertThat(query.from()).isEqualTo(Instant.parse("2026-11-23T03:00:00Z"));
        assertThat(query.to()).isEqualTo(Instant.parse("2026-11-23T03:30:00Z"));
        assertThat(query.limit()).isEqualTo(5000);
        assertThat(query.after()).isEqualTo(cursor);
    }

    @Test
    void an_offset_whose_plus_arrived_as_a_space_is_understood() {
        // When
        AggregateQuery query =
                parse("pm25", "from", "2026-11-23T10:00:00 07:00").query();

        // Then
        assertThat(query.from()).isEqualTo(Instant.parse("2026-11-23T03:00:00Z"));
    }

    @Test
    void only_to_given_means_the_hour_before_it() {
        // When
        AggregateQuery query = parse("pm25", "to", "2026-11-23T02:00:00Z").query();

        // Then
        assertThat(query.from()).isEqualTo(Instant.parse("2026-11-23T01:00:00Z"));
    }

    @Test
    void blank_parameters_count_as_absent() {
        // When
        AggregateQuery query =
                parse("pm25", "device", "", "area", " ", "limit", "").query();

        // Then
        assertThat(query.scope()).isNull();
        assertThat(query.limit()).isEqualTo(500);
    }

    @Test
    void unknown_ids_are_not_found_whatever_they_contain() {
        assertFailure(() -> parse("pm25'; DROP TABLE metric_agg_1m; --"), ErrorCode.UNKNOWN_METRIC, "pm25'");
        assertFailure(() -> parse("pm25", "device", "x' OR '1'='1"), ErrorCode.UNKNOWN_DEVICE, "x' OR");
        assertFailure(() -> parse("pm25", "area", "atlantis"), ErrorCode.UNKNOWN_AREA, "atlantis");
    }

    @Test
    void malformed_parameters_are_bad_and_named() {
        assertFailure(() -> parse("pm25", "scope", "district"), ErrorCode.BAD_PARAMETER, "scope");
        assertFailure(() -> parse("pm25", "from", "yesterday"), ErrorCode.BAD_PARAMETER, "from");
        assertFailure(() -> parse("pm25", "to", "2026-13-01T00:00:00Z"), ErrorCode.BAD_PARAMETER, "to");
        assertFailure(() -> parse("pm25", "limit", "ten"), ErrorCode.BAD_PARAMETER, "limit");
        assertFailure(() -> parse("pm25", "limit", "0"), ErrorCode.BAD_PARAMETER, "limit");
        assertFailure(() -> parse("pm25", "limit", "5001"), ErrorCode.BAD_PARAMETER, "limit");
        assertFailure(() -> parse("pm25", "limit", "99999999999"), ErrorCode.BAD_PARAMETER, "limit");
        assertFailure(() -> parse("pm25", "cursor", "bm90IGEgY3Vyc29y"), ErrorCode.BAD_PARAMETER, "cursor");
    }

    @Test
    void a_range_that_is_empty_or_reversed_is_bad() {
        assertFailure(
                () -> parse("pm25", "from", "2026-11-23T03:00:00Z", "to", "2026-11-23T03:00:00Z"),
                ErrorCode.BAD_PARAMETER,
                "from");
        assertFailure(() -> parse("pm25", "from", "2026-11-23T05:00:00Z"), ErrorCode.BAD_PARAMETER, "from");
    }

    @Test
    void contradicting_device_scope_and_area_are_bad() {
        assertFailure(() -> parse("pm25", "device", DEVICE, "scope", "area"), ErrorCode.BAD_PARAMETER, "scope");
        assertFailure(() -> parse("pm25", "device", DEVICE, "area", "cai-rang"), ErrorCode.BAD_PARAMETER, "area");
    }

    @Test
    void bucket_selects_the_tier_and_its_default_range() {
        assertThat(parse("pm25").query().tier()).isEqualTo(AggregateTier.MINUTE);
        assertThat(parse("pm25", "bucket", "1m").query().tier()).isEqualTo(AggregateTier.MINUTE);

        AggregateQuery hourly = parse("pm25", "bucket", "1h").query();
        assertThat(hourly.tier()).isEqualTo(AggregateTier.HOUR);
        assertThat(hourly.from()).isEqualTo(NOW.minus(Duration.ofDays(1)));
        assertThat(hourly.to()).isEqualTo(NOW);

        AggregateQuery daily = parse("pm25", "bucket", "1d", "from", "2026-11-01T00:00:00+07:00")
                .query();
        assertThat(daily.tier()).isEqualTo(AggregateTier.DAY);
        assertThat(daily.from()).isEqualTo(Instant.parse("2026-10-31T17:00:00Z"));
        assertThat(parse("pm25", "bucket", "1d").query().from()).isEqualTo(NOW.minus(Duration.ofDays(30)));
    }

    @Test
    void an_unknown_bucket_is_bad() {
        for (String bucket : List.of("5m", "1H", "hour", "1w", "0")) {
            assertFailure(() -> parse("pm25", "bucket", bucket), ErrorCode.BAD_PARAMETER, "bucket");
        }
    }

    private AggregateRequest parse(String metric, String... keyValues) {
        Map<String, List<String>> params = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put(keyValues[i], List.of(keyValues[i + 1]));
        }
        return parser.parse(metric, new QueryParams(params));
    }

    private static void assertFailure(Runnable call, ErrorCode code, String messageStart) {
        AbstractThrowableAssert<?, ? extends Throwable> failure = assertThatThrownBy(call::run)
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo(code));
        if (code == ErrorCode.BAD_PARAMETER) {
            failure.hasMessageStartingWith(messageStart + ":");
        } else {
            failure.hasMessageContaining(messageStart);
        }
    }
}
