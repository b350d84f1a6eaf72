package vn.cantho.ioc.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SoakBenchmarkTest {

    @Test
    void a_soak_defaults_to_an_hour_at_1000_messages_per_second_sampled_every_minute_after_10_minutes_warm_up() {
        SoakBenchmark soak = SoakBenchmark.parse();

        assertThat(soak.load().rate()).isEqualTo(1000);
        assertThat(soak.load().duration()).isEqualTo(Duration.ofHours(1));
        assertThat(soak.sample()).isEqualTo(Duration.ofMinutes(1));
        assertThat(soak.warmUp()).isEqualTo(Duration.ofMinutes(10));
        assertThat(soak.out().getFileName().toString()).startsWith("soak-");
    }

    @Test
    void exactly_60_minutes_of_load_is_accepted_and_the_load_generator_options_pass_through() {
        SoakBenchmark soak = SoakBenchmark.parse(
                "--rate",
                "2500",
                "--duration",
                "60m",
                "--out",
                "/tmp/s",
                "--values-per-message",
                "3",
                "--clients",
                "4",
                "--warm-up",
                "5m",
                "--sample",
                "30s");

        assertThat(soak.load().duration()).isEqualTo(Duration.ofMinutes(60));
        assertThat(soak.load().rate()).isEqualTo(2500);
        assertThat(soak.load().valuesPerMessage()).hasValue(3);
        assertThat(soak.load().clients()).isEqualTo(4);
        assertThat(soak.warmUp()).isEqualTo(Duration.ofMinutes(5));
        assertThat(soak.sample()).isEqualTo(Duration.ofSeconds(30));
        assertThat(soak.out()).isEqualTo(Path.of("/tmp/s"));
    }

    @Test
    void a_short_soak_warms_up_for_a_third_of_its_duration() {
        assertThat(SoakBenchmark.parse("--duration", "3m").warmUp()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void bad_soak_options_are_refused_with_a_message() {
        assertThatThrownBy(() -> SoakBenchmark.parse("--duration", "61m")).hasMessageContaining("--duration");
        assertThatThrownBy(() -> SoakBenchmark.parse("--duration", "5m", "--warm-up", "5m"))
                .hasMessageContaining("--warm-up");
        assertThatThrownBy(() -> SoakBenchmark.parse("--duration", "1m", "--sample", "2m"))
                .hasMessageContaining("--sample");
        assertThatThrownBy(() -> SoakBenchmark.parse("--sample", "soon")).hasMessageContaining("--sample");
        assertThatThrownBy(() -> SoakBenchmark.parse("--out")).hasMessageContaining("--out needs a value");
        assertThatThrownBy(() -> SoakBenchmark.parse("--mqtt-url", "tcp://elsewhere:1883"))
                .hasMessageContaining("--mqtt-url");
    }

    @Test
    void memory_is_flat_when_every_sample_is_within_10_percent_of_the_median() {
        // Given samples around a median of 1000 MiB, the worst 9 % off
        List<Double> flat = List.of(1000.0, 1050.0, 990.0, 1090.0, 1000.0);
        // And the same with one sample 11 % above the median
        List<Double> growing = List.of(1000.0, 1050.0, 990.0, 1110.0, 1000.0);

        // Then the first is flat and the second is not
        Map<String, Object> verdict = Flatness.level(flat, 0.10);
        assertThat(verdict)
                .containsEntry("flat", true)
                .containsEntry("median", 1000.0)
                .containsEntry("maxDeviationPercent", 9.0)
                .containsEntry("samples", 5);
        assertThat(Flatness.level(growing, 0.10)).containsEntry("flat", false);
        assertThat(Flatness.level(List.of(1000.0), 0.10))
                .containsEntry("flat", false)
                .containsKey("why");
    }

    @Test
    void lag_is_flat_when_the_last_quarter_mean_is_within_10_percent_plus_the_allowance_of_the_first() {
        // Given eight samples: first quarter mean 100, last quarter mean 200
        List<Double> samples = List.of(90.0, 110.0, 5000.0, 0.0, 30.0, 70.0, 190.0, 210.0);

        // Then with an allowance of 90 records (100 × 10 % + 90 = 100 ≥ 100) it is flat, with 89 it is not
        assertThat(Flatness.trend(samples, 0.10, 90))
                .containsEntry("flat", true)
                .containsEntry("firstQuarterMean", 100.0)
                .containsEntry("lastQuarterMean", 200.0)
                .containsEntry("max", 5000.0);
        assertThat(Flatness.trend(samples, 0.10, 89)).containsEntry("flat", false);
        // And a lag that falls as much is not flat either: flat means neither growing nor shrinking
        assertThat(Flatness.trend(List.of(200.0, 100.0), 0.10, 50)).containsEntry("flat", false);
    }

    @Test
    void the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assertThat(Flatness.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
        assertThat(Flatness.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
    }

    @Test
    void the_chart_is_an_svg_with_one_memory_and_one_lag_line_through_every_sample_and_the_warm_up_shaded() {
        // Given three samples
        List<SoakSample> samples = new ArrayList<>();
        for (int minute = 1; minute <= 3; minute++) {
            samples.add(new SoakSample(
                    minute,
                    1000 + minute,
                    Map.of("ioc-sink", 10L * minute, "ioc-rules", 1L),
                    OptionalDouble.of(120),
                    6000,
                    1.5));
        }

        // When drawn with a warm-up of one minute and a title that needs escaping
        String svg = SoakChart.svg("Soak <1000 msg/s> & more", samples, 1);

        // Then it is one SVG document with two polylines of three points each, the warm-up and the title escaped
        assertThat(svg)
                .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .endsWith("</svg>\n")
                .contains("Soak &lt;1000 msg/s&gt; &amp; more")
                .contains(">warm-up</text>")
                .contains("RSS (MiB)")
                .contains("consumer lag");
        List<String> lines = svg.lines().filter(l -> l.startsWith("<polyline")).toList();
        assertThat(lines).hasSize(2);
        lines.forEach(line -> assertThat(
                        line.replaceAll(".*points=\"([^\"]*)\".*", "$1").split(" "))
                .hasSize(3));
        // And the memory axis tops at a round number above the largest sample
        assertThat(SoakChart.niceCeiling(1003)).isEqualTo(2000);
        assertThat(SoakChart.niceCeiling(31)).isEqualTo(50);
        assertThat(SoakChart.niceCeiling(0)).isEqualTo(1);
    }

    @Test
    void a_sample_is_one_csv_line_with_the_total_lag_and_the_lag_of_every_group() {
        SoakSample sample =
                new SoakSample(2, 1234, new TreeMap<>(Map.of("a", 3L, "b", 4L)), OptionalDouble.empty(), 60_000, 1.256);

        assertThat(sample.lagTotal()).isEqualTo(7);
        assertThat(sample.csvLine()).isEqualTo("2.00,1234,7,,60000,1.26,\"a=3 b=4\"");
        assertThat(SoakSample.CSV_HEADER.split(",")).hasSize(sample.csvLine().split(",").length);
    }
}
