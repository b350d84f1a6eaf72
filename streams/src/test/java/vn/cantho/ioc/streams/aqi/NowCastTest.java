package vn.cantho.ioc.streams.aqi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NowCastTest {

    @Test
    void the_worked_example_of_the_decision_gives_20_3() {
        // Given the PM2.5 hourly means of section 2.3.a, 09:00 to 20:00
        HourlySeries pm25 = Series.oldestFirst(26.9, 24.7, 20.5, 23.5, 19.5, 16.5, 19.0, 16.5, 20.3, 22.4, 19.6, 20.6);

        // When
        double nowCast = NowCast.of(pm25).getAsDouble();

        // Then w* = 16.5 / 26.9 = 0.6134 > 1/2, and Σ w^(i−1)·c_i / Σ w^(i−1) = 20.2658 (the decision rounds w
        // to 0.61 and prints 20.3)
        assertThat(nowCast).isCloseTo(20.2658, within(1e-4));
    }

    @Test
    void with_a_weight_above_one_half_the_nowcast_is_the_weighted_mean() {
        // Given c1 = 40, c2 = 30 and nothing older
        HourlySeries series = HourlySeries.newestFirst(40.0, 30.0);

        // When / Then w = 30 / 40 = 0.75; (40 + 0.75×30) / (1 + 0.75) = 62.5 / 1.75 = 35.714…
        assertThat(NowCast.of(series).getAsDouble()).isCloseTo(62.5 / 1.75, within(1e-12));
    }

    @Test
    void with_a_weight_of_one_half_or_less_the_nowcast_is_the_decisions_sum_without_denominator() {
        // Given c1 = 100 and 11 older hours of 20: w* = 0.2, so w = 1/2
        Double[] values = new Double[12];
        Arrays.fill(values, 20.0);
        values[0] = 100.0;

        // When
        double nowCast = NowCast.of(HourlySeries.newestFirst(values)).getAsDouble();

        // Then Σ (1/2)^i·c_i = 100/2 + 20 × (1/4 + … + 1/4096) = 50 + 20 × (1/2 − 1/4096) = 59.9951171875,
        // where dividing by Σ (1/2)^(i−1) = 2 − 1/2048 would give 60.0097…
        assertThat(nowCast).isEqualTo(59.9951171875);
    }

    @Test
    void a_weight_of_exactly_one_half_takes_the_one_half_branch() {
        // Given c1 = 20, c2 = 10: w* = 0.5, and the decision says "w* ≤ 1/2 → w = 1/2"
        HourlySeries series = HourlySeries.newestFirst(20.0, 10.0);

        // When / Then (1/2)×20 + (1/4)×10 = 12.5 (the weighted-mean branch would give 25 / 1.5 = 16.67)
        assertThat(NowCast.of(series).getAsDouble()).isEqualTo(12.5);
    }

    @Test
    void a_missing_hour_inside_the_window_gets_weight_zero() {
        // Given c1 = 40, c2 = 30, c3 missing, c4 = 40: w = 30 / 40 = 0.75
        HourlySeries series = HourlySeries.newestFirst(40.0, 30.0, null, 40.0);

        // When / Then (40 + 0.75×30 + 0.75³×40) / (1 + 0.75 + 0.75³) = 79.375 / 2.171875 = 36.5467…
        assertThat(NowCast.of(series).getAsDouble()).isCloseTo(79.375 / 2.171875, within(1e-12));
    }

    @Test
    void with_weight_one_half_a_missing_hour_lowers_the_nowcast_because_nothing_renormalises() {
        // Given c1 = 40, c2 missing, c3 = 10: w* = 0.25 -> w = 1/2
        HourlySeries series = HourlySeries.newestFirst(40.0, null, 10.0);

        // When / Then (1/2)×40 + (1/8)×10 = 21.25, as the decision's formula reads (see docs/vn-aqi.md)
        assertThat(NowCast.of(series).getAsDouble()).isEqualTo(21.25);
    }

    @Test
    void fewer_than_two_of_the_three_latest_hours_means_no_nowcast() {
        // Given only c1 of c1..c3, but the 9 hours before are complete
        HourlySeries onlyLatest =
                HourlySeries.newestFirst(30.0, null, null, 30.0, 30.0, 30.0, 30.0, 30.0, 30.0, 30.0, 30.0, 30.0);
        // And given c2 and c3 without c1
        HourlySeries latestMissing = HourlySeries.newestFirst(null, 30.0, 30.0);

        // When / Then
        assertThat(NowCast.of(onlyLatest)).isEmpty();
        assertThat(NowCast.of(HourlySeries.newestFirst(30.0))).isEmpty();
        assertThat(NowCast.of(HourlySeries.newestFirst())).isEmpty();
        // 2 of 3 present: w = 1, so the mean of c2 and c3
        assertThat(NowCast.of(latestMissing).getAsDouble()).isEqualTo(30.0);
    }

    @Test
    void hours_older_than_twelve_are_ignored() {
        // Given 12 steady hours of 30 and a 13th hour of 900
        Double[] values = new Double[13];
        Arrays.fill(values, 30.0);
        values[12] = 900.0;

        // When / Then w = 1 over the 12 hours -> 30
        assertThat(NowCast.of(HourlySeries.newestFirst(values)).getAsDouble()).isEqualTo(30.0);
    }

    @Test
    void clean_air_of_zero_everywhere_has_a_nowcast_of_zero() {
        assertThat(NowCast.of(Series.steady(0, 12)).getAsDouble()).isZero();
    }

    @Test
    void hourly_means_must_be_finite_and_non_negative() {
        assertThatThrownBy(() -> HourlySeries.newestFirst(10.0, -1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 hours ago");
        assertThatThrownBy(() -> HourlySeries.newestFirst(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HourlySeries.newestFirst(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_series_reports_gaps_and_hours_beyond_its_end_as_missing() {
        HourlySeries series = HourlySeries.newestFirst(1.0, null, 3.0);

        assertThat(series.hours()).isEqualTo(3);
        assertThat(series.at(0)).hasValue(1.0);
        assertThat(series.at(1)).isEmpty();
        assertThat(series.at(3)).isEmpty();
        assertThat(series.at(-1)).isEmpty();
        assertThat(series.presentBetween(0, 12)).isEqualTo(2);
    }
}
