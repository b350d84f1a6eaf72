package vn.cantho.ioc.streams.rules.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.cantho.ioc.streams.rules.measure.SpikeSettings.SpikeMethod;

class SpikeBaselineTest {

    private static final Instant DAY0 = Instant.parse("2026-11-01T00:00:00Z");

    /**
     * Past days' means of the 08:00 hour (semicolon-separated, one per day, oldest first; other
     * hours hold 1000 so mixing hours would show), then the current 08:00 hour's value.
     */
    @ParameterizedTest(name = "{0}: history {1}, now {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            RATIO | 10;10;10;10;10;10;10 | 30  | 3.0
            RATIO | 10;10;10;10;10;10;10 | 29  | 2.9
            RATIO | 5;10;20;40;80;10;10  | 30  | 3.0
            RATIO | 10;20                | 60  | none
            RATIO | 10;12;14             | 36  | 3.0
            RATIO | 0;0;0                | 30  | none
            SIGMA | 8;12;8;12            | 16  | 3.0
            SIGMA | 10;10;10             | 50  | none
            """)
    void measures_the_current_hour_against_the_same_hour_of_past_days(
            SpikeMethod method, String history, double now, Double expected) {
        SpikeSettings settings = new SpikeSettings(method, 7, 3);
        String[] days = history.split(";");
        SpikeBaseline b = SpikeBaseline.empty();
        for (int d = 0; d < days.length; d++) {
            Instant day = DAY0.plus(Duration.ofDays(d));
            b = b.observe(day.plus(Duration.ofHours(7)), 1000, 7);
            b = b.observe(day.plus(Duration.ofHours(8)).plusSeconds(60), Double.parseDouble(days[d]), 7);
            b = b.observe(day.plus(Duration.ofHours(9)), 1000, 7);
        }
        b = b.observe(DAY0.plus(Duration.ofDays(days.length)).plus(Duration.ofHours(8)), now, 7);
        OptionalDouble measure = b.measure(settings);
        if (expected == null) {
            assertThat(measure).isEmpty();
        } else {
            assertThat(measure.getAsDouble()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @ParameterizedTest(name = "readings {0} in the current hour -> mean {1}")
    @CsvSource(delimiter = '|', textBlock = """
            30       | 3.0
            20;40    | 3.0
            10;20;60 | 3.0
            """)
    void compares_the_running_mean_of_the_current_hour(String readings, double ratio) {
        SpikeBaseline b = SpikeBaseline.empty();
        for (int d = 0; d < 3; d++) {
            b = b.observe(DAY0.plus(Duration.ofDays(d)), 10, 7);
        }
        Instant hour = DAY0.plus(Duration.ofDays(3));
        int i = 0;
        for (String r : readings.split(";")) {
            b = b.observe(hour.plusSeconds(60L * i++), Double.parseDouble(r), 7);
        }
        assertThat(b.measure(new SpikeSettings(SpikeMethod.RATIO, 7, 3)).getAsDouble())
                .isEqualTo(ratio);
    }

    @ParameterizedTest(name = "a {0}-day baseline forgets older days")
    @CsvSource({"7", "3"})
    void only_the_last_days_form_the_baseline(int days) {
        // 30 days at 100, then `days` days at 10: a baseline that remembered older days would see a median of 100
        SpikeBaseline b = SpikeBaseline.empty();
        int total = 30 + days;
        for (int h = 0; h < total * 24; h++) {
            b = b.observe(DAY0.plus(Duration.ofHours(h)), h < 30 * 24 ? 100 : 10, days);
        }
        b = b.observe(DAY0.plus(Duration.ofHours(total * 24L)), 30, days);
        assertThat(b.measure(new SpikeSettings(SpikeMethod.RATIO, days, days)).getAsDouble())
                .isEqualTo(3.0);
        assertThat(b.means()).hasSize(24 * (days + 1));
    }

    @Test
    void a_gap_of_several_days_leaves_no_stale_hours_behind() {
        SpikeBaseline b = SpikeBaseline.empty();
        for (int d = 0; d < 7; d++) {
            b = b.observe(DAY0.plus(Duration.ofDays(d)), 10, 7);
        }
        // Silent for 5 days: only two of the past seven days at this hour have data
        b = b.observe(DAY0.plus(Duration.ofDays(12)), 30, 7);
        assertThat(b.measure(new SpikeSettings(SpikeMethod.RATIO, 7, 3))).isEmpty();
        assertThat(b.measure(new SpikeSettings(SpikeMethod.RATIO, 7, 2)).getAsDouble())
                .isEqualTo(3.0);
    }
}
