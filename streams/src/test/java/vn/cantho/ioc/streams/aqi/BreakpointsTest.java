package vn.cantho.ioc.streams.aqi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BreakpointsTest {

    private static final List<Breakpoints> ALL = List.of(
            Breakpoints.O3_1H,
            Breakpoints.O3_8H,
            Breakpoints.CO,
            Breakpoints.SO2,
            Breakpoints.NO2,
            Breakpoints.PM10,
            Breakpoints.PM25);

    @Test
    void tables_hold_the_values_of_table_2_of_the_decision() {
        assertThat(Breakpoints.O3_1H.concentrations()).containsExactly(0, 160, 200, 300, 400, 800, 1000, 1200);
        assertThat(Breakpoints.O3_8H.concentrations()).containsExactly(0, 100, 120, 170, 210, 400);
        assertThat(Breakpoints.CO.concentrations())
                .containsExactly(0, 10000, 30000, 45000, 60000, 90000, 120000, 150000);
        assertThat(Breakpoints.SO2.concentrations()).containsExactly(0, 125, 350, 550, 800, 1600, 2100, 2630);
        assertThat(Breakpoints.NO2.concentrations()).containsExactly(0, 100, 200, 700, 1200, 2350, 3100, 3850);
        assertThat(Breakpoints.PM10.concentrations()).containsExactly(0, 50, 150, 250, 350, 420, 500, 600);
        assertThat(Breakpoints.PM25.concentrations()).containsExactly(0, 25, 50, 80, 150, 250, 350, 500);
        assertThat(Breakpoints.PM25.indices()).containsExactly(0, 50, 100, 150, 200, 300, 400, 500);
        assertThat(Breakpoints.O3_8H.indices()).containsExactly(0, 50, 100, 150, 200, 300);
    }

    @Test
    void every_table_starts_at_zero_and_rises_strictly_in_concentration_and_index() {
        for (Breakpoints table : ALL) {
            double[] bp = table.concentrations();
            int[] index = table.indices();
            assertThat(bp).as(table.name()).hasSameSizeAs(index);
            assertThat(bp[0]).as(table.name()).isZero();
            assertThat(index[0]).as(table.name()).isZero();
            for (int i = 1; i < bp.length; i++) {
                assertThat(bp[i]).as(table.name() + " BP" + (i + 1)).isGreaterThan(bp[i - 1]);
                assertThat(index[i]).as(table.name() + " I" + (i + 1)).isGreaterThan(index[i - 1]);
            }
        }
    }

    @Test
    void at_every_breakpoint_the_sub_index_is_the_tables_index_value() {
        for (Breakpoints table : ALL) {
            double[] bp = table.concentrations();
            int[] index = table.indices();
            for (int i = 0; i < bp.length; i++) {
                assertThat(table.aqi(bp[i])).as(table.name() + " at " + bp[i]).hasValue(index[i]);
            }
        }
    }

    @ParameterizedTest(name = "{0} at {1} µg/m³ -> {2}")
    @CsvSource({
        // PM2.5: (50−0)/(25−0)×(12.5−0)+0 = 25
        "PM25, 12.5, 25",
        // PM2.5: (100−50)/(50−25)×(37.5−25)+50 = 75
        "PM25, 37.5, 75",
        // PM2.5: (150−100)/(80−50)×(65−50)+100 = 125
        "PM25, 65, 125",
        // PM2.5: (400−300)/(350−250)×(300−250)+300 = 350
        "PM25, 300, 350",
        // PM2.5: (500−400)/(500−350)×(425−350)+400 = 450
        "PM25, 425, 450",
        // PM10: (100−50)/(150−50)×(100−50)+50 = 75
        "PM10, 100, 75",
        // PM10: (300−200)/(420−350)×(385−350)+200 = 250
        "PM10, 385, 250",
        // PM10: (400−300)/(500−420)×(460−420)+300 = 350
        "PM10, 460, 350",
        // O3 1h: (50−0)/(160−0)×(80−0)+0 = 25
        "O3, 80, 25",
        // O3 1h: (150−100)/(300−200)×(250−200)+100 = 125
        "O3, 250, 125",
        // O3 1h: (300−200)/(800−400)×(600−400)+200 = 250
        "O3, 600, 250",
        // O3 1h: (500−400)/(1200−1000)×(1100−1000)+400 = 450
        "O3, 1100, 450",
        // CO: (100−50)/(30000−10000)×(20000−10000)+50 = 75
        "CO, 20000, 75",
        // CO: (300−200)/(90000−60000)×(75000−60000)+200 = 250
        "CO, 75000, 250",
        // CO: (500−400)/(150000−120000)×(135000−120000)+400 = 450
        "CO, 135000, 450",
        // NO2: (150−100)/(700−200)×(450−200)+100 = 125
        "NO2, 450, 125",
        // NO2: (200−150)/(1200−700)×(950−700)+150 = 175
        "NO2, 950, 175",
        // NO2: (500−400)/(3850−3100)×(3475−3100)+400 = 450
        "NO2, 3475, 450",
        // SO2: (100−50)/(350−125)×(237.5−125)+50 = 75
        "SO2, 237.5, 75",
        // SO2: (200−150)/(800−550)×(675−550)+150 = 175
        "SO2, 675, 175",
        // SO2: (300−200)/(1600−800)×(1200−800)+200 = 250
        "SO2, 1200, 250",
        // SO2: (500−400)/(2630−2100)×(2365−2100)+400 = 450
        "SO2, 2365, 450",
    })
    void between_breakpoints_the_sub_index_is_interpolated_linearly(Pollutant pollutant, double c, int expected) {
        assertThat(Breakpoints.oneHour(pollutant).aqi(c)).hasValue(expected);
    }

    @ParameterizedTest(name = "O3 8h at {0} µg/m³ -> {1}")
    @CsvSource({
        // (100−50)/(120−100)×(110−100)+50 = 75
        "110, 75",
        // (200−150)/(210−170)×(190−170)+150 = 175
        "190, 175",
        // (300−200)/(400−210)×(305−210)+200 = 250
        "305, 250",
    })
    void the_o3_eight_hour_table_interpolates_up_to_its_top_of_300(double c, int expected) {
        assertThat(Breakpoints.O3_8H.aqi(c)).hasValue(expected);
    }

    @Test
    void above_the_top_breakpoint_the_sub_index_is_capped_at_500() {
        // Level 8 of Table 2 is written "≥": everything from the top breakpoint up is AQI 500.
        assertThat(Breakpoints.PM25.aqi(500.1)).hasValue(500);
        assertThat(Breakpoints.PM25.aqi(900)).hasValue(500);
        assertThat(Breakpoints.PM10.aqi(1500)).hasValue(500);
        assertThat(Breakpoints.CO.aqi(200_000)).hasValue(500);
        assertThat(Breakpoints.O3_1H.aqi(5_000)).hasValue(500);
    }

    @Test
    void above_400_the_o3_eight_hour_table_has_no_value() {
        // Decision 2.2.2.b: no O3 AQI from the 8-hour maximum above 400 µg/m³; the 1-hour maximum is used.
        assertThat(Breakpoints.O3_8H.aqi(400)).hasValue(300);
        assertThat(Breakpoints.O3_8H.aqi(400.1)).isEmpty();
        assertThat(Breakpoints.O3_8H.cappedAtTop()).isFalse();
    }

    @Test
    void sub_indices_are_rounded_half_up_to_an_integer() {
        // 2 × 12.25 = 24.5 -> 25; 2 × 12.24 = 24.48 -> 24
        assertThat(Breakpoints.PM25.aqi(12.25)).hasValue(25);
        assertThat(Breakpoints.PM25.aqi(12.24)).hasValue(24);
        // Decision 2.3.c: (150−100)/(80−50)×(55.7−50)+100 = 109.5 -> 110
        assertThat(Breakpoints.PM25.aqi(55.7)).hasValue(110);
        // O3 1h: (100−50)/(200−160) × (161.2−160) + 50 = 51.5 exactly, which doubles compute as 51.49999999999999
        assertThat(Breakpoints.O3_1H.subIndex(161.2).getAsDouble())
                .isLessThan(51.5)
                .isCloseTo(51.5, within(1e-9));
        assertThat(Breakpoints.O3_1H.aqi(161.2)).hasValue(52);
    }

    @Test
    void negative_or_non_finite_concentrations_have_no_sub_index() {
        assertThat(Breakpoints.PM25.aqi(-0.1)).isEmpty();
        assertThat(Breakpoints.PM25.aqi(Double.NaN)).isEmpty();
        assertThat(Breakpoints.PM25.aqi(Double.POSITIVE_INFINITY)).isEmpty();
    }

    @Test
    void ozone_hourly_values_use_the_one_hour_table() {
        assertThat(Breakpoints.oneHour(Pollutant.O3)).isSameAs(Breakpoints.O3_1H);
    }
}
