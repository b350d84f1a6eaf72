package vn.cantho.ioc.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
    void the_probe_fixture_is_a_registry_and_catalogue_the_hub_accepts_with_the_built_in_ones_kept(
            @TempDir Path dir) {
        // Given a fixture of three probe gauges
        ProbeFixture fixture = ProbeFixture.write(dir, 3);

        // When the hub would read it
        DeviceRegistry registry = DeviceRegistry.fromDirectory(fixture.registryDir());
        RuleCatalogue catalogue = RuleCatalogue.fromFile(fixture.rulesFile(), registry, IndicatorRegistry.builtIn(),
                FeedRegistry.builtIn().feeds().stream().map(FeedDefinition::id).collect(Collectors.toSet()));

        // Then every built-in device and rule is still there, plus the probes and their rule
        assertThat(fixture.probeIds()).containsExactly("bench-probe-0001", "bench-probe-0002", "bench-probe-0003");
        assertThat(registry.devices()).hasSize(DeviceRegistry.builtIn().devices().size() + 3);
        fixture.probeIds().forEach(id -> assertThat(registry.device(id)).isPresent());
        RuleCatalogue builtIn = RuleCatalogue.builtIn(DeviceRegistry.builtIn(), IndicatorRegistry.builtIn(),
                FeedRegistry.builtIn().feeds().stream().map(FeedDefinition::id).collect(Collectors.toSet()));
        assertThat(catalogue.rules()).map(CatalogueRule::id)
                .containsAll(builtIn.rules().stream().map(CatalogueRule::id).toList())
                .contains(ProbeFixture.RULE_ID).hasSize(builtIn.rules().size() + 1);
    }

    @Test
    void options_default_to_a_minute_at_2000_messages_per_second_and_pass_the_rest_to_the_load_generator() {
        HubBenchmark defaults = HubBenchmark.parse();
        assertThat(defaults.probes()).isEqualTo(60);
        assertThat(defaults.load().rate()).isEqualTo(2000);
        assertThat(defaults.load().duration()).isEqualTo(Duration.ofSeconds(60));

        HubBenchmark given = HubBenchmark.parse("--probes", "200", "--rate", "500", "--duration", "2m",
                "--clients", "4");
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
    void percentiles_are_nearest_rank_over_the_samples() {
        List<Double> samples = IntStream.rangeClosed(1, 100).mapToObj(i -> (double) i).toList();

        assertThat(HubRun.percentiles(samples)).containsEntry("p50", 50.0).containsEntry("p90", 90.0)
                .containsEntry("p99", 99.0).containsEntry("max", 100.0);
        assertThat(HubRun.percentiles(List.of())).isEmpty();
    }
}
