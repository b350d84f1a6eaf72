package vn.cantho.ioc.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cantho.ioc.ingest.feed.FeedDefinition;
import vn.cantho.ioc.ingest.feed.FeedRegistry;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.IndicatorRegistry;
import vn.cantho.ioc.streams.rules.catalogue.CatalogueRule;
import vn.cantho.ioc.streams.rules.catalogue.RuleCatalogue;

class HubBenchmarkTest {

    @Test
    void the_probe_fixture_is_a_registry_and_catalogue_the_hub_accepts_with_the_built_in_ones_kept(@TempDir Path dir) {
        // Given a fixture of three probe gauges
        ProbeFixture fixture = ProbeFixture.write(dir, 3);

        // When the hub would read it
        DeviceRegistry registry = DeviceRegistry.fromDirectory(fixture.registryDir());
        RuleCatalogue catalogue = RuleCatalogue.fromFile(
                fixture.rulesFile(),
                registry,
                IndicatorRegistry.builtIn(),
                FeedRegistry.builtIn().feeds().stream().map(FeedDefinition::id).collect(Collectors.toSet()));

        // Then every built-in device and rule is still there, plus the probes and their rule
        assertThat(fixture.probeIds()).containsExactly("bench-probe-0001", "bench-probe-0002", "bench-probe-0003");
        assertThat(registry.devices())
                .hasSize(DeviceRegistry.builtIn().devices().size() + 3);
        fixture.probeIds().forEach(id -> assertThat(registry.device(id)).isPresent());
        RuleCatalogue builtIn = RuleCatalogue.builtIn(
                DeviceRegistry.builtIn(),
                IndicatorRegistry.builtIn(),
                FeedRegistry.builtIn().feeds().stream().map(FeedDefinition::id).collect(Collectors.toSet()));
        assertThat(catalogue.rules())
                .map(CatalogueRule::id)
                .containsAll(builtIn.rules().stream().map(CatalogueRule::id).toList())
                .contains(ProbeFixture.RULE_ID)
                .hasSize(builtIn.rules().size() + 1);
    }

    @Test
    void load_stations_are_full_air_stations_the_hub_accepts_beside_the_built_in_devices(@TempDir Path dir) {
        // Given a fixture of one probe gauge and two load stations
        ProbeFixture fixture = ProbeFixture.write(dir, 1, 2);

        // When the hub would read it
        DeviceRegistry registry = DeviceRegistry.fromDirectory(fixture.registryDir());

        // Then both stations are there with six metrics each
        assertThat(registry.devices())
                .hasSize(DeviceRegistry.builtIn().devices().size() + 3);
        assertThat(registry.device("bench-air-001"))
                .hasValueSatisfying(d -> assertThat(d.metrics()).hasSize(6));
        assertThat(registry.device("bench-air-002")).isPresent();
    }

    @Test
    void options_default_to_a_minute_at_2000_messages_per_second_and_pass_the_rest_to_the_load_generator() {
        HubBenchmark defaults = HubBenchmark.parse();
        assertThat(defaults.probes()).isEqualTo(60);
        assertThat(defaults.load().rate()).isEqualTo(2000);
        assertThat(defaults.load().duration()).isEqualTo(Duration.ofSeconds(60));

        HubBenchmark given =
                HubBenchmark.parse("--probes", "200", "--rate", "500", "--duration", "2m", "--clients", "4");
        assertThat(given.probes()).isEqualTo(200);
        assertThat(given.load().rate()).isEqualTo(500);
        assertThat(given.load().duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(given.load().clients()).isEqualTo(4);
    }

    @Test
    void a_broker_or_registry_of_its_own_and_bad_probe_counts_are_refused() {
        assertThatThrownBy(() -> HubBenchmark.parse("--mqtt-url", "tcp://elsewhere:1883"))
                .hasMessageContaining("--mqtt-url");
        assertThatThrownBy(() -> HubBenchmark.parse("--probes", "0")).hasMessageContaining("--probes");
        assertThatThrownBy(() -> HubBenchmark.parse("--probes", "many")).hasMessageContaining("--probes");
        assertThatThrownBy(() -> HubBenchmark.parse("--rate", "fast")).hasMessageContaining("--rate");
    }

    @Test
    void ceilings_run_10_s_each_by_default_and_values_per_message_go_to_the_load_generator() {
        HubBenchmark.Options defaults = HubBenchmark.parse().options();
        assertThat(defaults.ceilings()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.maxSteps()).isZero();
        assertThat(defaults.load().valuesPerMessage()).isEmpty();

        HubBenchmark.Options given = HubBenchmark.parse("--values-per-message", "6", "--ceiling-duration", "1s")
                .options();
        assertThat(given.load().valuesPerMessage()).hasValue(6);
        assertThat(given.ceilings()).isEqualTo(Duration.ofSeconds(1));
        assertThat(HubBenchmark.loadStations(given.load())).isPositive();
        assertThat(HubBenchmark.loadStations(defaults.load())).isZero();

        assertThat(HubBenchmark.parse("--no-ceilings").options().ceilings()).isZero();
    }

    @Test
    void the_load_warm_up_is_off_unless_asked_for() {
        assertThat(HubBenchmark.parse().options().warmUp()).isZero();
        assertThat(HubBenchmark.parse("--warm-up", "45s").options().warmUp()).isEqualTo(Duration.ofSeconds(45));
        assertThatThrownBy(() -> HubBenchmark.parse("--warm-up", "soon")).hasMessageContaining("--warm-up");
    }

    @Test
    void find_max_takes_10_steps_unless_told_and_refuses_a_step_count_out_of_range() {
        assertThat(HubBenchmark.parse("--find-max").options().maxSteps()).isEqualTo(10);
        assertThat(HubBenchmark.parse("--find-max", "--max-steps", "2")
                        .options()
                        .maxSteps())
                .isEqualTo(2);
        assertThatThrownBy(() -> HubBenchmark.parse("--find-max", "--max-steps", "0"))
                .hasMessageContaining("--max-steps must be 1 to 50");
        assertThatThrownBy(() -> HubBenchmark.parse("--max-steps")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> HubBenchmark.parse("--ceiling-duration", "long"))
                .hasMessageContaining("--ceiling-duration");
    }

    @Test
    void the_ratio_is_datapoints_stored_per_second_over_the_slowest_ceiling_in_datapoints() {
        // Given 9,000 values stored per second and a slowest stage of 30,000 values per second
        Map<String, Object> result = Map.of("datapointsPerSecond", 9_000L);
        Map<String, Object> ceilings = Map.of("slowestDatapointsPerSecond", 30_000L);

        // Then the hub reaches 0.3 of its slowest stage; without ceilings there is no ratio
        assertThat(HubBenchmark.ratio(result, ceilings)).isEqualTo(0.3);
        assertThat(HubBenchmark.ratio(result, null)).isNull();
    }

    @Test
    void the_rate_search_doubles_while_sustained_then_bisects_to_within_5_percent() {
        // Given a hub that sustains up to 5,000 messages per second, searched from 2,000
        RateSearch search = new RateSearch();
        List<Integer> tried = new ArrayList<>();
        OptionalInt rate = OptionalInt.of(2000);

        // When every step's outcome is reported
        while (rate.isPresent()) {
            tried.add(rate.getAsInt());
            rate = search.next(rate.getAsInt(), rate.getAsInt() <= 5000);
        }

        // Then it doubled to the first failure, bisected, and ends within 5 % under the true maximum
        assertThat(tried).startsWith(2000, 4000, 8000, 6000, 5000);
        assertThat(search.sustained()).isBetween(4750, 5000);
        assertThat(tried).hasSizeLessThan(10);
    }

    @Test
    void the_rate_search_goes_down_when_the_first_step_is_not_sustained() {
        RateSearch search = new RateSearch();

        assertThat(search.next(2000, false)).hasValue(1000);
        assertThat(search.next(1000, true)).hasValue(1500);
        assertThat(search.sustained()).isEqualTo(1000);
    }

    @Test
    void a_step_is_sustained_only_with_nothing_lost_or_failed_and_storage_lag_p99_at_most_2_s() {
        Map<String, Object> good = new HashMap<>(Map.of(
                "publishFailed",
                0L,
                "readingsLost",
                0L,
                "probeRowsMissing",
                0,
                "storageLagMs",
                Map.of("p99", 2000.0),
                "achievedRate",
                1960.0,
                "targetRate",
                2000));
        assertThat(FindMax.sustained(good)).isTrue();

        assertThat(FindMax.sustained(with(good, "storageLagMs", Map.of("p99", 2000.5))))
                .isFalse();
        assertThat(FindMax.sustained(with(good, "storageLagMs", Map.of()))).isFalse();
        assertThat(FindMax.sustained(with(good, "readingsLost", 1L))).isFalse();
        assertThat(FindMax.sustained(with(good, "publishFailed", 3L))).isFalse();
        assertThat(FindMax.sustained(with(good, "probeRowsMissing", 1))).isFalse();
        assertThat(FindMax.sustained(with(good, "achievedRate", 1800.0))).isFalse();
    }

    private static Map<String, Object> with(Map<String, Object> result, String key, Object value) {
        Map<String, Object> changed = new HashMap<>(result);
        changed.put(key, value);
        return changed;
    }

    @Test
    void percentiles_are_nearest_rank_over_the_samples() {
        List<Double> samples =
                IntStream.rangeClosed(1, 100).mapToObj(i -> (double) i).toList();

        assertThat(HubRun.percentiles(samples))
                .containsEntry("p50", 50.0)
                .containsEntry("p90", 90.0)
                .containsEntry("p99", 99.0)
                .containsEntry("max", 100.0);
        assertThat(HubRun.percentiles(List.of())).isEmpty();
    }
}
