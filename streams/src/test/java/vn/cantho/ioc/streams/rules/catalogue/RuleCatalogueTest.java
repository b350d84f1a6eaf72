package vn.cantho.ioc.streams.rules.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.Domain;
import vn.cantho.ioc.model.registry.IndicatorRegistry;
import vn.cantho.ioc.streams.rules.RuleKind;

class RuleCatalogueTest {

    private static final DeviceRegistry DEVICES = DeviceRegistry.builtIn();
    private static final IndicatorRegistry INDICATORS = IndicatorRegistry.builtIn();
    private static final Set<String> FEEDS = Set.of(
            "socioeconomic-monthly",
            "dossiers-daily",
            "hotline-1022-reports",
            "social-listening-hourly",
            "soc-daily",
            "soc-incidents",
            "tourism-monthly",
            "hotel-occupancy-daily",
            "traffic-safety-daily");

    @Test
    void the_built_in_catalogue_is_valid_and_covers_all_eight_domains_and_every_kind() {
        RuleCatalogue catalogue = RuleCatalogue.builtIn(DEVICES, INDICATORS, FEEDS);

        assertThat(catalogue.rules().stream().map(CatalogueRule::domain).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Domain.values());
        assertThat(catalogue.rules().stream().map(CatalogueRule::kind).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(RuleKind.values());
        assertThat(catalogue.rule("river-level-bd").orElseThrow().levels())
                .extracting(l -> l.raise())
                .containsExactly(1.80, 1.90, 2.00);
    }

    @Test
    void a_file_named_by_its_path_replaces_the_built_in_catalogue(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rules.json");
        Files.writeString(file, """
                {"version": 1, "rules": [{"id": "pm25-high", "title": "PM2.5 cao", "domain": "environment",
                  "kind": "threshold", "input": {"source": "telemetry", "metric": "pm25"}, "direction": "above",
                  "levels": [{"severity": "WARNING", "raise": 100, "clear": 90}], "pending": "PT5M",
                  "keepFiring": "PT0S", "flap": {"maxFlips": 4, "window": "PT1H", "stableFor": "PT30M"}}]}
                """);
        RuleCatalogue catalogue = RuleCatalogue.fromFile(file, DEVICES, INDICATORS, FEEDS);
        assertThat(catalogue.rules()).extracting(CatalogueRule::id).containsExactly("pm25-high");
        assertThat(catalogue.source()).isEqualTo(file.toString());
    }

    @Test
    void every_fault_of_every_rule_is_reported_at_once_naming_the_rule_and_the_field() {
        String json = """
                {"version": 1,
                 "defaults": {"direction": "ABOVE", "pending": "PT0S", "keepFiring": "PT0S",
                              "flap": {"maxFlips": 4, "window": "PT1H", "stableFor": "PT30M"}},
                 "rules": [
                  {"id": "a", "title": "", "domain": "environment", "kind": "THRESHOLD",
                   "input": {"source": "telemetry", "metric": "pm99", "devices": ["nowhere"]},
                   "levels": [{"severity": "WARNING", "raise": 100, "clear": 110}]},
                  {"id": "b", "title": "B", "domain": "environment", "kind": "SPIKE",
                   "input": {"source": "indicator", "indicators": ["no_such_kpi"]},
                   "levels": [{"severity": "WARNING", "raise": 3, "clear": 2}]},
                  {"id": "c", "title": "C", "domain": "government", "kind": "SLA", "input": {"source": "feed", "feeds": ["nope"]},
                   "sla": {"start": "received_at", "unit": "HOURS"}, "levels": [{"severity": "WARNING", "raise": 2, "clear": 2}]},
                  {"id": "d", "title": "D", "domain": "government", "kind": "THRESHOLD", "colour": "red",
                   "input": {"source": "feed", "feeds": ["dossiers-daily"], "metric": "dossiers_overdue"},
                   "levels": [{"severity": "WARNING", "raise": 1, "clear": 1}]},
                  {"id": "e", "title": "E", "domain": "environment", "kind": "THRESHOLD", "noDataAfter": "PT10M",
                   "input": {"source": "telemetry", "metric": "pm25"}, "levels": [{"severity": "WARNING", "raise": 1, "clear": 1}]},
                  {"id": "f", "title": "F", "domain": "environment", "kind": "STALE", "identityLabels": ["x"],
                   "input": {"source": "telemetry"}, "levels": [{"severity": "WARNING", "raise": 15, "clear": 15}]},
                  {"id": "a", "title": "A again", "domain": "nowhere", "kind": "THRESHOLD",
                   "input": {"source": "telemetry", "metric": "pm25"}, "levels": [{"severity": "WARNING", "raise": 1, "clear": 1}]}
                 ]}
                """;
        assertThatThrownBy(() -> RuleCatalogue.parse(
                        json.getBytes(StandardCharsets.UTF_8), "test.json", DEVICES, INDICATORS, FEEDS))
                .isInstanceOf(InvalidCatalogueException.class)
                .satisfies(e -> assertThat(((InvalidCatalogueException) e).problems())
                        .contains(
                                "rule 'a': title: must not be blank",
                                "rule 'a': input.metric: unknown sensor metric 'pm99'",
                                "rule 'a': input.devices: unknown device 'nowhere'",
                                "rule 'a': levels[0].clear: 110.0 must not be above raise 100.0 for direction ABOVE",
                                "rule 'b': input.indicators: unknown indicator 'no_such_kpi'",
                                "rule 'b': spike: is required (method, days, minDays)",
                                "rule 'c': input.feeds: unknown feed 'nope'",
                                "rule 'c': sla: needs stopFields or stopStatuses, or the clock never stops",
                                "rule 'e': noDataAfter: PT10M must be longer than the 15.0 minutes after which stale rule 'f' "
                                        + "opens for the same source, or its NO_DATA comes first and is not suppressed",
                                "rule 'f': identityLabels: a STALE rule has one alert per source and no identity labels")
                        .anySatisfy(p -> assertThat(p)
                                .startsWith("rule 'd': cannot be read:")
                                .contains("colour"))
                        .anySatisfy(p -> assertThat(p)
                                .startsWith("rule 'a': cannot be read:")
                                .contains("nowhere")))
                .hasMessageContaining("invalid rule catalogue test.json");
    }

    @Test
    void a_file_that_is_not_json_is_refused_with_the_reason() {
        assertThatThrownBy(() -> RuleCatalogue.parse(
                        "{\"rules\": [".getBytes(StandardCharsets.UTF_8), "broken.json", DEVICES, INDICATORS, FEEDS))
                .isInstanceOf(InvalidCatalogueException.class)
                .hasMessageContaining("not valid JSON");
    }
}
