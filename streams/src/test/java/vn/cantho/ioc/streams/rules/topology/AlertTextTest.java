package vn.cantho.ioc.streams.rules.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.alert.Severity;
import vn.cantho.ioc.model.alert.TransitionType;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.IndicatorRegistry;
import vn.cantho.ioc.streams.rules.Transition;
import vn.cantho.ioc.streams.rules.catalogue.CatalogueRule;
import vn.cantho.ioc.streams.rules.catalogue.RuleCatalogue;

/**
 * Alert text people can read: Vietnamese with English alongside, the entity by its registry name,
 * values rounded with their unit — never {@code -101.73706630337307} or {@code can-tho}.
 */
class AlertTextTest {

    private static final RuleCatalogue CATALOGUE =
            RuleCatalogue.builtIn(DeviceRegistry.builtIn(), IndicatorRegistry.builtIn(), RulesDriver.FEEDS);
    private static final Instant AT = Instant.parse("2026-11-30T03:00:00Z");
    private final EventFactory events = new EventFactory(DeviceRegistry::builtIn, IndicatorRegistry.builtIn());

    @ParameterizedTest(name = "{0} reads {1} / {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "-101.73706630337307 | -102   | -102",
                "1.934               | 1,93   | 1.93",
                "12.345              | 12,3   | 12.3",
                "4.0                 | 4      | 4",
                "0.6049              | 0,6    | 0.6",
                "2160                | 2.160  | 2,160"
            })
    void numbers_are_rounded_to_what_a_person_reads(double value, String vi, String en) {
        assertThat(AlertText.number(value, true)).isEqualTo(vi);
        assertThat(AlertText.number(value, false)).isEqualTo(en);
    }

    @Test
    void a_river_level_names_the_gauge_and_gives_metres_in_both_languages() {
        // Given
        CatalogueRule rule = CATALOGUE.rule("river-level-bd").orElseThrow();
        String gauge =
                DeviceRegistry.builtIn().device("wl-can-tho").orElseThrow().name();

        // When
        String text = events.summary(
                rule,
                state(rule, Scope.DEVICE, "wl-can-tho", Map.of()),
                new Transition(TransitionType.OPENED, AT, 1, Severity.MAJOR, null, 1.9340000001));

        // Then
        assertThat(text)
                .isEqualTo("Mực nước sông Hậu tại Cần Thơ vượt báo động — " + gauge
                        + ": mực nước 1,93 m (bắt đầu, nghiêm trọng) / Hậu river at Cần Thơ above the flood alarm level — "
                        + gauge + ": water level 1.93 m (opened, major)");
    }

    @Test
    void a_city_indicator_names_the_city_and_the_indicator_not_their_ids() {
        // Given: the text seen in a fresh hub before: "tourist_arrivals_change can-tho: RESOLVED WARNING, -101.74 % off
        // target"
        CatalogueRule rule = CATALOGUE.rule("tourism-off-target").orElseThrow();

        // When
        String text = events.summary(
                rule,
                state(rule, Scope.CITY, "can-tho", Map.of(CatalogueRule.INDICATOR_LABEL, "tourist_arrivals_change")),
                new Transition(TransitionType.RESOLVED, AT, 1, Severity.WARNING, null, -101.73706630337307));

        // Then
        assertThat(text)
                .contains("TP. Cần Thơ: Lượt khách so với cùng kỳ thấp hơn mục tiêu 0 % (đã hết, cảnh báo)")
                .contains("Cần Thơ city: tourist arrivals change 0 % below target (resolved, warning)")
                .doesNotContain("can-tho", "101", "tourist_arrivals_change");
    }

    @Test
    void an_agency_is_named_in_both_languages_and_a_severity_change_shows_both_levels() {
        // Given
        CatalogueRule rule = CATALOGUE.rule("dossiers-overdue").orElseThrow();

        // When
        String text = events.summary(
                rule,
                state(
                        rule,
                        Scope.AGENCY,
                        "so-tu-phap",
                        Map.of("agency_code", "so-tu-phap", "agency_name", "Sở Tư pháp")),
                new Transition(TransitionType.SEVERITY_CHANGED, AT, 1, Severity.MAJOR, Severity.WARNING, 12.0));

        // Then
        assertThat(text)
                .isEqualTo("Hồ sơ thủ tục hành chính quá hạn — Sở Tư pháp: 12 hồ sơ quá hạn (đổi mức, cảnh báo"
                        + " → nghiêm trọng) / Administrative dossiers overdue — Department of Justice: 12 dossiers overdue"
                        + " (severity changed, warning → major)");
    }

    @Test
    void an_agency_kpi_names_the_agency_from_the_agency_registry() {
        // Given: a KPI per agency carries only the agency's code
        CatalogueRule rule = CATALOGUE.rule("dossier-on-time-below-target").orElseThrow();

        // When
        String text = events.summary(
                rule,
                state(
                        rule,
                        Scope.AGENCY,
                        "ubnd-vinh-thanh",
                        Map.of(CatalogueRule.INDICATOR_LABEL, "dossiers_on_time_rate")),
                new Transition(TransitionType.OPENED, AT, 1, Severity.WARNING, null, 2.8347));

        // Then
        assertThat(text)
                .contains("UBND huyện Vĩnh Thạnh: tỷ lệ đúng hạn thấp hơn mục tiêu 2,83 %")
                .contains("Vĩnh Thạnh District People's Committee: on-time rate 2.83 % below target")
                .doesNotContain("ubnd-vinh-thanh");
    }

    @Test
    void every_rule_of_the_catalogue_has_an_english_title_and_a_summary_in_both_languages() {
        assertThat(CATALOGUE.rules()).allSatisfy(rule -> {
            assertThat(rule.titleEn()).as(rule.id()).isNotBlank();
            assertThat(rule.summary()).as(rule.id()).isNotNull();
            assertThat(rule.summary().problems()).as(rule.id()).isEmpty();
        });
    }

    private static AlertState state(CatalogueRule rule, Scope scope, String entity, Map<String, String> labels) {
        return AlertState.first(
                new RuleSignal(
                        rule.id(), entity, scope, entity, null, null, new TreeMap<>(labels), AT, null, null, false),
                AT);
    }
}
