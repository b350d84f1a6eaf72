package vn.cantho.ioc.streams.aqi;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cantho.ioc.streams.aqi.Pollutant.CO;
import static vn.cantho.ioc.streams.aqi.Pollutant.NO2;
import static vn.cantho.ioc.streams.aqi.Pollutant.O3;
import static vn.cantho.ioc.streams.aqi.Pollutant.PM10;
import static vn.cantho.ioc.streams.aqi.Pollutant.PM25;
import static vn.cantho.ioc.streams.aqi.Pollutant.SO2;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VnAqiCalculatorTest {

    private static final HourlySeries DECISION_PM25 =
            Series.oldestFirst(26.9, 24.7, 20.5, 23.5, 19.5, 16.5, 19.0, 16.5, 20.3, 22.4, 19.6, 20.6);

    @Test
    void the_hourly_worked_example_of_the_decision() {
        // Given section 2.3.b: O3 136.1, NO2 118.7 and the PM2.5 hours of 2.3.a (NowCast 20.27)
        Map<Pollutant, HourlySeries> hours = Map.of(
                O3, HourlySeries.newestFirst(136.1),
                NO2, HourlySeries.newestFirst(118.7),
                PM25, DECISION_PM25);

        // When
        AqiResult result = VnAqiCalculator.hourly(hours).orElseThrow();

        // Then O3: 50/160 × 136.1 = 42.53 -> 43; PM2.5: 50/25 × 20.27 = 40.53 -> 41;
        // NO2: (100−50)/(200−100) × (118.7−100) + 50 = 59.35 -> 59. The decision prints 60 for NO2 and for the
        // hourly AQI, which no rounding rule reproduces together with its other examples (65.4 -> 65 in 2.3.c).
        assertThat(result.subIndices()).containsExactly(Map.entry(PM25, 41), Map.entry(O3, 43), Map.entry(NO2, 59));
        assertThat(result.aqi()).isEqualTo(59);
        assertThat(result.dominant()).isEqualTo(NO2);
        assertThat(result.category()).isEqualTo(AqiCategory.MODERATE);
    }

    @Test
    void the_daily_worked_example_of_the_decision_gives_110() {
        // Given section 2.3.c: O3 8-hour max 89.3 and 1-hour max 114.6, NO2 1-hour max 130.8, PM2.5 24h mean 55.7.
        // O3: the last 8 hours of the day 114.6, 64.0 and 6 × 89.3 (mean 714.4 / 8 = 89.3), every other hour 10.
        Double[] o3 = new Double[31];
        Arrays.fill(o3, 10.0);
        Arrays.fill(o3, 2, 8, 89.3);
        o3[0] = 114.6;
        o3[1] = 64.0;
        Double[] no2 = new Double[24];
        Arrays.fill(no2, 50.0);
        no2[7] = 130.8;
        Map<Pollutant, HourlySeries> day = Map.of(
                O3, HourlySeries.newestFirst(o3),
                NO2, HourlySeries.newestFirst(no2),
                PM25, Series.steady(55.7, 24));

        // When
        AqiResult result = VnAqiCalculator.daily(day).orElseThrow();

        // Then O3 = max(50/100 × 89.3 = 44.65 -> 45, 50/160 × 114.6 = 35.81 -> 36) = 45;
        // NO2 = 0.5 × 30.8 + 50 = 65.4 -> 65; PM2.5 = 50/30 × 5.7 + 100 = 109.5 -> 110
        assertThat(result.subIndices()).containsExactly(Map.entry(PM25, 110), Map.entry(O3, 45), Map.entry(NO2, 65));
        assertThat(result.aqi()).isEqualTo(110);
        assertThat(result.dominant()).isEqualTo(PM25);
        assertThat(result.category()).isEqualTo(AqiCategory.POOR);
    }

    @Test
    void the_dominant_pollutant_is_the_one_with_the_highest_sub_index() {
        // Given PM2.5 steady at 20 (2 × 20 = 40) and SO2 at 675 this hour ((200−150)/(800−550) × 125 + 150 = 175)
        Map<Pollutant, HourlySeries> hours = Map.of(
                PM25, Series.steady(20, 12),
                SO2, HourlySeries.newestFirst(675.0, 10.0));

        // When
        AqiResult result = VnAqiCalculator.hourly(hours).orElseThrow();

        // Then
        assertThat(result.aqi()).isEqualTo(175);
        assertThat(result.dominant()).isEqualTo(SO2);
        assertThat(result.category()).isEqualTo(AqiCategory.BAD);
    }

    @Test
    void equal_sub_indices_name_the_earlier_pollutant_as_dominant() {
        // Given PM2.5 steady at 25 (AQI 50) and PM10 steady at 50 (AQI 50)
        Map<Pollutant, HourlySeries> hours = Map.of(PM10, Series.steady(50, 12), PM25, Series.steady(25, 12));

        // When / Then
        AqiResult result = VnAqiCalculator.hourly(hours).orElseThrow();
        assertThat(result.aqi()).isEqualTo(50);
        assertThat(result.dominant()).isEqualTo(PM25);
        assertThat(result.category()).isEqualTo(AqiCategory.GOOD);
    }

    @Test
    void without_a_pm_sub_index_there_is_no_aqi() {
        // Given every gas but no particulate matter
        Map<Pollutant, HourlySeries> gasesOnly = Map.of(
                O3, HourlySeries.newestFirst(80.0),
                CO, HourlySeries.newestFirst(20_000.0),
                NO2, HourlySeries.newestFirst(450.0),
                SO2, HourlySeries.newestFirst(237.5));
        // And given PM2.5 whose NowCast cannot be formed (only c1 of c1..c3)
        Map<Pollutant, HourlySeries> pmWithoutNowCast = Map.of(
                PM25, HourlySeries.newestFirst(30.0, null, null, 30.0),
                NO2, HourlySeries.newestFirst(450.0));

        // When / Then Decision 2.1.b: at least one of PM10 and PM2.5 is mandatory
        assertThat(VnAqiCalculator.hourly(gasesOnly)).isEmpty();
        assertThat(VnAqiCalculator.hourly(pmWithoutNowCast)).isEmpty();
        assertThat(VnAqiCalculator.hourly(Map.of())).isEmpty();
        assertThat(VnAqiCalculator.daily(Map.of(NO2, Series.steady(450, 24)))).isEmpty();
    }

    @Test
    void pm10_alone_is_enough() {
        // Given PM10 steady at 100: (100−50)/(150−50) × 50 + 50 = 75
        AqiResult result =
                VnAqiCalculator.hourly(Map.of(PM10, Series.steady(100, 12))).orElseThrow();

        assertThat(result.aqi()).isEqualTo(75);
        assertThat(result.subIndices()).containsOnlyKeys(PM10);
    }

    @Test
    void a_gas_without_a_mean_for_the_current_hour_is_left_out() {
        // Given NO2 missing this hour but very high an hour ago
        Map<Pollutant, HourlySeries> hours = Map.of(
                PM25, Series.steady(10, 12),
                NO2, HourlySeries.newestFirst(null, 3_000.0));

        // When
        AqiResult result = VnAqiCalculator.hourly(hours).orElseThrow();

        // Then only PM2.5 counts: 2 × 10 = 20
        assertThat(result.subIndices()).containsOnlyKeys(PM25);
        assertThat(result.aqi()).isEqualTo(20);
    }

    @Test
    void a_nowcast_above_the_top_breakpoint_gives_500_hazardous() {
        // Given PM2.5 steady at 650 µg/m³, beyond the "≥500" level, and CO at 200 000 µg/m³
        Map<Pollutant, HourlySeries> hours = Map.of(
                PM25, Series.steady(650, 12),
                CO, HourlySeries.newestFirst(200_000.0));

        // When
        AqiResult result = VnAqiCalculator.hourly(hours).orElseThrow();

        // Then both are capped at 500
        assertThat(result.subIndices()).containsExactly(Map.entry(PM25, 500), Map.entry(CO, 500));
        assertThat(result.category()).isEqualTo(AqiCategory.HAZARDOUS);
    }

    @Test
    void a_rising_episode_shows_in_the_hourly_aqi_through_the_nowcast() {
        // Given PM2.5 of 20 for 10 hours, then 120 and 200: w* = 20/200 = 0.1 -> w = 1/2
        HourlySeries pm25 =
                HourlySeries.newestFirst(200.0, 120.0, 20.0, 20.0, 20.0, 20.0, 20.0, 20.0, 20.0, 20.0, 20.0, 20.0);

        // When
        AqiResult result = VnAqiCalculator.hourly(Map.of(PM25, pm25)).orElseThrow();

        // Then NowCast = 200/2 + 120/4 + 20 × (1/8 + … + 1/4096) = 100 + 30 + 20 × (1/4 − 1/4096) = 134.9951;
        // AQI = (200−150)/(150−80) × (134.9951−80) + 150 = 189.28 -> 189
        assertThat(result.aqi()).isEqualTo(189);
        assertThat(result.category()).isEqualTo(AqiCategory.BAD);
    }

    @Test
    void daily_ozone_ignores_an_eight_hour_maximum_above_400() {
        // Given O3 at 420 every hour but 500 in the last one: 8-hour max (7 × 420 + 500) / 8 = 430 > 400
        Double[] o3 = new Double[31];
        Arrays.fill(o3, 420.0);
        o3[0] = 500.0;
        Map<Pollutant, HourlySeries> day = Map.of(O3, HourlySeries.newestFirst(o3), PM25, Series.steady(10, 24));

        // When
        AqiResult result = VnAqiCalculator.daily(day).orElseThrow();

        // Then only the 1-hour maximum counts: (300−200)/(800−400) × (500−400) + 200 = 225
        assertThat(result.subIndices()).containsEntry(O3, 225);
        assertThat(result.dominant()).isEqualTo(O3);
    }

    @Test
    void daily_ozone_takes_the_higher_of_its_one_hour_and_eight_hour_sub_indices() {
        // Given O3 at exactly 400 every hour: 1 hour -> 200 (level 5 of "O3 1h"), 8 hours -> 300 (top of "O3 8h")
        Map<Pollutant, HourlySeries> day = Map.of(O3, Series.steady(400, 31), PM25, Series.steady(10, 24));

        // When / Then
        assertThat(VnAqiCalculator.daily(day).orElseThrow().subIndices()).containsEntry(O3, 300);
    }

    @Test
    void daily_gases_use_the_highest_hour_and_particulates_the_mean() {
        // Given SO2 at 100 all day with one hour of 1200, and PM10 alternating 100 and 200 (mean 150)
        Double[] so2 = new Double[24];
        Arrays.fill(so2, 100.0);
        so2[12] = 1_200.0;
        Double[] pm10 = new Double[24];
        for (int h = 0; h < 24; h++) {
            pm10[h] = h % 2 == 0 ? 100.0 : 200.0;
        }

        // When
        AqiResult result = VnAqiCalculator.daily(
                        Map.of(SO2, HourlySeries.newestFirst(so2), PM10, HourlySeries.newestFirst(pm10)))
                .orElseThrow();

        // Then SO2: (300−200)/(1600−800) × (1200−800) + 200 = 250; PM10 at 150 µg/m³ is exactly level 3: 100
        assertThat(result.subIndices()).containsExactly(Map.entry(PM10, 100), Map.entry(SO2, 250));
        assertThat(result.category()).isEqualTo(AqiCategory.VERY_BAD);
    }

    @Test
    void a_day_with_too_few_pm_hours_has_no_daily_aqi() {
        // Given 17 hours of PM2.5 (below the 18 of 24 the hub requires) and a complete NO2 day
        Double[] pm25 = new Double[24];
        Arrays.fill(pm25, 0, 17, 40.0);
        Map<Pollutant, HourlySeries> day = Map.of(
                PM25, HourlySeries.newestFirst(pm25),
                NO2, Series.steady(150, 24));

        // When / Then
        assertThat(VnAqiCalculator.daily(day)).isEmpty();
    }

    @Test
    void sub_indices_are_reported_in_pollutant_order_and_cannot_be_modified() {
        AqiResult result = VnAqiCalculator.hourly(Map.of(
                        SO2, HourlySeries.newestFirst(10.0),
                        PM10, Series.steady(10, 12),
                        PM25, Series.steady(10, 12)))
                .orElseThrow();

        assertThat(result.subIndices().keySet()).containsExactly(PM25, PM10, SO2);
        assertThat(result.subIndices()).isUnmodifiable();
    }
}
