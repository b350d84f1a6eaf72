package vn.cantho.ioc.api.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.api.http.ApiException;
import vn.cantho.ioc.api.http.ErrorCode;
import vn.cantho.ioc.api.http.QueryParams;
import vn.cantho.ioc.model.Granularity;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.IndicatorRegistry;
import vn.cantho.ioc.model.registry.LiveRegistry;
import vn.cantho.ioc.store.indicator.IndicatorCursor;
import vn.cantho.ioc.store.indicator.IndicatorQuery;

/** Parameter rules of {@code GET /api/v1/indicators}: every filter, the defaults and every rejection. */
class IndicatorRequestParserTest {

    private final IndicatorRequestParser parser =
            new IndicatorRequestParser(new LiveRegistry(DeviceRegistry.builtIn(), 0), IndicatorRegistry.builtIn());

    @Test
    void no_parameters_mean_every_value_first_page_of_500() {
        assertThat(parse()).isEqualTo(IndicatorQuery.all());
    }

    @Test
    void every_filter_reaches_the_query() {
        // Given
        IndicatorCursor cursor = new IndicatorCursor(
                Instant.parse("2026-11-23T01:00:00Z"),
                "vn_aqi_hourly",
                Scope.DEVICE,
                "aq-ninh-kieu-01",
                "",
                Granularity.HOUR);

        // When
        IndicatorQuery query = parse(
                "indicator",
                "vn_aqi_hourly",
                "domain",
                "environment",
                "scope",
                "device",
                "entity",
                "aq-ninh-kieu-01",
                "area",
                "ninh-kieu",
                "granularity",
                "hour",
                "from",
                "2026-11-23T07:00:00+07:00",
                "to",
                "2026-11-24T00:00:00Z",
                "limit",
                "20",
                "cursor",
                cursor.encode());

        // Then
        assertThat(query)
                .isEqualTo(new IndicatorQuery(
                        "vn_aqi_hourly",
                        "environment",
                        Scope.DEVICE,
                        "aq-ninh-kieu-01",
                        "ninh-kieu",
                        Granularity.HOUR,
                        Instant.parse("2026-11-23T00:00:00Z"),
                        Instant.parse("2026-11-24T00:00:00Z"),
                        20,
                        cursor));
    }

    @Test
    void unknown_ids_are_404_with_their_own_code() {
        assertRejected(ErrorCode.UNKNOWN_INDICATOR, "no indicator 'vn_aqi_weekly'", "indicator", "vn_aqi_weekly");
        assertRejected(ErrorCode.UNKNOWN_AREA, "no area 'hanoi'", "area", "hanoi");
    }

    @Test
    void malformed_parameters_are_400_naming_the_parameter() {
        assertRejected(ErrorCode.BAD_PARAMETER, "domain: unknown domain 'weather'", "domain", "weather");
        assertRejected(ErrorCode.BAD_PARAMETER, "scope: must be device, area, agency or city", "scope", "planet");
        assertRejected(ErrorCode.BAD_PARAMETER, "granularity: must be instant, hour", "granularity", "1h");
        assertRejected(ErrorCode.BAD_PARAMETER, "from: 'yesterday' is not an ISO-8601 instant", "from", "yesterday");
        assertRejected(
                ErrorCode.BAD_PARAMETER,
                "from: must be before to",
                "from",
                "2026-11-23T00:00:00Z",
                "to",
                "2026-11-23T00:00:00Z");
        assertRejected(ErrorCode.BAD_PARAMETER, "limit: must be from 1 to 5000", "limit", "0");
        assertRejected(ErrorCode.BAD_PARAMETER, "limit: must be a whole number", "limit", "ten");
        assertRejected(ErrorCode.BAD_PARAMETER, "cursor: is not a cursor this API returned", "cursor", "abc");
        assertRejected(ErrorCode.BAD_PARAMETER, "entity: must be at most 200 characters", "entity", "x".repeat(201));
    }

    private IndicatorQuery parse(String... nameValues) {
        Map<String, List<String>> params = new HashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            params.put(nameValues[i], List.of(nameValues[i + 1]));
        }
        return parser.parse(new QueryParams(params));
    }

    private void assertRejected(ErrorCode code, String messageStart, String... nameValues) {
        AbstractThrowableAssert<?, ?> thrown = assertThatThrownBy(() -> parse(nameValues))
                .isInstanceOf(ApiException.class)
                .hasMessageStartingWith(messageStart);
        thrown.extracting(e -> ((ApiException) e).code()).isEqualTo(code);
    }
}
