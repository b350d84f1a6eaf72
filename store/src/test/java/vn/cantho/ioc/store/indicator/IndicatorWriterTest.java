package vn.cantho.ioc.store.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.model.Granularity;
import vn.cantho.ioc.model.Indicator;
import vn.cantho.ioc.model.Scope;

class IndicatorWriterTest {

    private static final Instant T0 = Instant.parse("2026-11-23T00:00:00Z");

    @Test
    void a_batch_keeps_one_version_per_key_the_newest_by_computed_at_and_the_later_on_a_tie() {
        Indicator older = value("aq-1", 1, T0.plusSeconds(10));
        Indicator newer = value("aq-1", 2, T0.plusSeconds(20));
        Indicator tie = value("aq-1", 3, T0.plusSeconds(20));
        Indicator other = value("aq-0", 4, T0);

        assertThat(IndicatorWriter.newestPerKey(List.of(newer, older, other))).containsExactly(other, newer);
        assertThat(IndicatorWriter.newestPerKey(List.of(older, newer, tie))).containsExactly(tie);
    }

    @Test
    void a_value_without_required_fields_or_not_finite_is_refused_before_reaching_the_database() {
        assertThatThrownBy(() -> IndicatorWriter.newestPerKey(List.of(value("aq-1", Double.NaN, T0))))
                .hasMessageContaining("not finite");
        Indicator noDomain = new Indicator(
                1,
                "vn_aqi_hourly",
                Scope.DEVICE,
                "aq-1",
                null,
                null,
                Granularity.HOUR,
                T0,
                T0.plusSeconds(3600),
                1,
                null,
                null,
                T0);
        assertThatThrownBy(() -> IndicatorWriter.newestPerKey(List.of(noDomain)))
                .hasMessageContaining("lacks");
    }

    private static Indicator value(String entity, double value, Instant computedAt) {
        return new Indicator(
                Indicator.SCHEMA_VERSION,
                "vn_aqi_hourly",
                Scope.DEVICE,
                entity,
                "environment",
                null,
                Granularity.HOUR,
                T0,
                T0.plusSeconds(3600),
                value,
                null,
                null,
                computedAt);
    }
}
