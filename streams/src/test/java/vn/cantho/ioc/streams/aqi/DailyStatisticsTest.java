package vn.cantho.ioc.streams.aqi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DailyStatisticsTest {

    /**
     * The O3 hourly means of the decision's example in 2.2.2.a: 18:00 of the day before to 00:00 at the end of
     * the day, 31 hours, oldest first.
     */
    private static final HourlySeries DECISION_O3_DAY = Series.oldestFirst(
            15.7, 14.2, 17.7, 18.9, 19.3, 15.7, 19.7, 22.6, 27.1, 29.0, 31.9, 25.3, 34.7, 35.2, 41.6, 45.7, 49.2, 55.8,
            69.6, 78.3, 91.5, 97.7, 81.2, 71.8, 43.5, 34.3, 21.5, 20.5, 19.4, 20.4, 21.3);

    @Test
    void the_highest_eight_hour_mean_of_the_decisions_example_is_74_4() {
        // When / Then the window 10:00–17:00: (49.2+55.8+69.6+78.3+91.5+97.7+81.2+71.8) / 8 = 595.1 / 8
        assertThat(DailyStatistics.max8h(DECISION_O3_DAY).getAsDouble()).isCloseTo(74.3875, within(1e-9));
    }

    @Test
    void the_highest_one_hour_mean_is_taken_from_the_day_only() {
        // Given a day whose hour before the day (index 24) is higher than any hour of the day
        Double[] values = new Double[25];
        Arrays.fill(values, 10.0);
        values[5] = 97.7;
        values[24] = 500.0;

        // When / Then
        assertThat(DailyStatistics.max1h(HourlySeries.newestFirst(values))).hasValue(97.7);
        assertThat(DailyStatistics.max1h(DECISION_O3_DAY)).hasValue(97.7);
    }

    @Test
    void the_24_hour_mean_averages_the_hours_present() {
        // Given 18 hours of 30 and 6 missing hours
        Double[] values = new Double[24];
        Arrays.fill(values, 0, 18, 30.0);

        // When / Then (18 × 30) / 18 = 30
        assertThat(DailyStatistics.mean24h(HourlySeries.newestFirst(values))).hasValue(30.0);
    }

    @Test
    void fewer_than_18_hours_give_no_24_hour_mean_and_no_one_hour_maximum() {
        // Given 17 of 24 hours
        Double[] values = new Double[24];
        Arrays.fill(values, 0, 17, 30.0);
        HourlySeries day = HourlySeries.newestFirst(values);

        // When / Then
        assertThat(DailyStatistics.mean24h(day)).isEmpty();
        assertThat(DailyStatistics.max1h(day)).isEmpty();
    }

    @Test
    void an_eight_hour_mean_needs_six_of_its_eight_hours() {
        // Given a day of 60 whose last 8 hours hold 6 hours of 100 and 2 gaps
        Double[] values = new Double[31];
        Arrays.fill(values, 60.0);
        Arrays.fill(values, 0, 8, 100.0);
        values[1] = null;
        values[2] = null;

        // When / Then the window of the last 8 hours counts: 600 / 6 = 100
        assertThat(DailyStatistics.max8h(HourlySeries.newestFirst(values))).hasValue(100.0);

        // And given a third gap, windows 0–7 and 1–8 have 5 hours and no longer count; the best one left is
        // hours 2–9 with 4 hours of 100 and 2 of 60 present: 520 / 6 = 86.67
        values[3] = null;
        assertThat(DailyStatistics.max8h(HourlySeries.newestFirst(values)).getAsDouble())
                .isCloseTo(520.0 / 6, within(1e-12));
    }

    @Test
    void a_complete_day_without_the_seven_hours_before_still_has_an_eight_hour_maximum() {
        // Given 24 hours only: windows ending at indices 0–18 have at least 6 of 8 hours, 19 >= 18 windows
        HourlySeries day = Series.steady(50, 24);

        // When / Then
        assertThat(DailyStatistics.max8h(day)).hasValue(50.0);
    }

    @Test
    void fewer_than_18_valid_eight_hour_means_give_no_eight_hour_maximum() {
        // Given only the last 20 hours of the day: windows ending at 0–14 are valid (15 of 24)
        HourlySeries day = Series.steady(50, 20);

        // When / Then
        assertThat(DailyStatistics.max8h(day)).isEmpty();
    }
}
