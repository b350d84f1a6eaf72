package vn.cantho.ioc.streams.rules.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.alert.ConditionEvent;
import vn.cantho.ioc.model.calendar.WorkingCalendar;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.IndicatorRegistry;
import vn.cantho.ioc.streams.rules.catalogue.CatalogueRule;
import vn.cantho.ioc.streams.rules.catalogue.RuleCatalogue;

/**
 * A department pushing two weeks of history at once (as the simulator does at start) evaluates every
 * past day now: episodes opened on that late data are published as held (history), and only one still
 * open once the burst is over surfaces with an OPENED that is not held. Live data is never held.
 */
class LateDataTest {

    private static final RuleCatalogue CATALOGUE =
            RuleCatalogue.builtIn(DeviceRegistry.builtIn(), IndicatorRegistry.builtIn(), RulesDriver.FEEDS);
    private static final CatalogueRule DEATHS = CATALOGUE.rule("traffic-deaths").orElseThrow();
    private static final Instant NOW = Instant.parse("2026-11-30T03:00:00Z");

    private final AlertEvaluator evaluator = new AlertEvaluator(
            new EventFactory(DeviceRegistry::builtIn, IndicatorRegistry.builtIn()), WorkingCalendar.builtIn());
    private final List<ConditionEvent> published = new ArrayList<>();
    private AlertState state;

    @Test
    void an_episode_wholly_in_a_pushed_history_is_held_and_never_surfaces() {
        // Given two weeks pushed in one burst: 4 deaths ten days ago, none the day after
        record(10, 0, 4);
        record(9, 0, 0);

        // When the clock runs on
        tick(3);
        tick(10);

        // Then
        assertThat(events()).containsExactly("OPENED:MAJOR:held", "RESOLVED:MAJOR");
    }

    @Test
    void an_episode_from_history_that_still_holds_surfaces_once_the_burst_is_over() {
        // Given four deaths on each of the last two days, pushed late
        record(2, 0, 4);
        record(1, 0, 5);

        // When
        tick(1);
        tick(2);
        tick(5);

        // Then
        assertThat(events()).containsExactly("OPENED:MAJOR:held", "OPENED:MAJOR");
    }

    @Test
    void a_held_episode_that_only_recovers_after_the_burst_stays_history() {
        // Given a negative-share episode (keep-firing 1 h) that opened and cleared in pushed history
        CatalogueRule negative = CATALOGUE.rule("online-negative-share").orElseThrow();
        recordAt(negative, NOW.minus(Duration.ofDays(2)), 0, 40);
        recordAt(negative, NOW.minus(Duration.ofDays(1)), 0, 10);

        // When the clock runs past the settle time and the keep-firing period
        tick(negative, 3);
        tick(negative, 61);

        // Then
        assertThat(events()).containsExactly("OPENED:WARNING:held", "RECOVERING:WARNING", "RESOLVED:WARNING");
    }

    @Test
    void a_history_that_flaps_is_held_firing_by_flap_control_but_does_not_surface_while_its_latest_data_is_clear() {
        // Given two weeks alternating between 4 deaths and none, pushed in one burst: flap control holds it FIRING
        for (int day = 12; day >= 1; day--) {
            record(day, 0, day % 2 == 0 ? 4 : 0);
        }

        // When the clock runs past the settle time
        tick(3);
        tick(10);

        // Then nothing reached operators
        assertThat(events()).contains("FLAPPING_STARTED:MAJOR").doesNotContain("OPENED:MAJOR");
        assertThat(events()).filteredOn(e -> e.startsWith("OPENED")).allMatch(e -> e.endsWith(":held"));
    }

    @Test
    void live_data_is_never_held() {
        // When today's figures arrive as they are made
        recordAt(NOW.minusSeconds(30), 0, 3);

        // Then
        assertThat(events()).containsExactly("OPENED:MAJOR");
    }

    /** A record of {@code daysAgo}'s figures, evaluated {@code minute} minutes after {@link #NOW}. */
    private void record(int daysAgo, int minute, double deaths) {
        recordAt(NOW.minus(Duration.ofDays(daysAgo)), minute, deaths);
    }

    private void recordAt(Instant ts, int minute, double deaths) {
        recordAt(DEATHS, ts, minute, deaths);
    }

    private void recordAt(CatalogueRule rule, Instant ts, int minute, double value) {
        RuleSignal signal = new RuleSignal(
                rule.id(),
                "source",
                Scope.AREA,
                "ninh-kieu",
                "ninh-kieu",
                rule.domain().id(),
                new TreeMap<>(),
                ts,
                value,
                null,
                false);
        keep(evaluator.onSignal(rule, "key", state, signal, NOW, NOW.plus(Duration.ofMinutes(minute)), false));
    }

    private void tick(int minute) {
        tick(DEATHS, minute);
    }

    private void tick(CatalogueRule rule, int minute) {
        keep(evaluator.onTick(rule, "key", state, NOW.plus(Duration.ofMinutes(minute)), false));
    }

    private void keep(AlertEvaluator.Result result) {
        published.addAll(result.events());
        state = result.state();
    }

    private List<String> events() {
        return published.stream()
                .map(e -> e.type() + ":" + e.severity() + (e.held() ? ":held" : ""))
                .toList();
    }
}
