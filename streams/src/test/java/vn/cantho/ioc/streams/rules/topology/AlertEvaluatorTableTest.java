package vn.cantho.ioc.streams.rules.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.IndicatorRegistry;
import vn.cantho.ioc.streams.rules.catalogue.CatalogueRule;
import vn.cantho.ioc.streams.rules.catalogue.RuleCatalogue;

/**
 * The kinds measured outside the machine, through the evaluator with rules of the built-in catalogue:
 * each row is a minute, what happens then (a record, or only a tick of the clock) and the events
 * expected from it ({@code TYPE:SEVERITY}); a row without events expects none.
 */
class AlertEvaluatorTableTest {

    private static final RuleCatalogue CATALOGUE =
            RuleCatalogue.builtIn(DeviceRegistry.builtIn(), IndicatorRegistry.builtIn(), RulesDriver.FEEDS);
    /** Monday 2026-11-16 08:00 in Vietnam. */
    private static final Instant T0 = Instant.parse("2026-11-16T01:00:00Z");

    static Stream<Arguments> tables() {
        return Stream.of(
                Arguments.of("device-stale", "a device silent past 15 and 120 minutes, then back", """
                        0    record
                        14   tick
                        16   tick    OPENED:WARNING
                        60   tick
                        121  tick    SEVERITY_CHANGED:MAJOR
                        122  record  RESOLVED:MAJOR
                        130  tick
                        """),
                Arguments.of("hotline-1022-ack-sla", "a report acknowledged after 5 hours", """
                        0    record
                        119  tick
                        121  tick    OPENED:WARNING
                        241  tick    SEVERITY_CHANGED:MAJOR
                        300  ack     RESOLVED:MAJOR
                        """),
                Arguments.of("hotline-1022-ack-sla", "a report acknowledged in time", """
                        0    record
                        90   ack
                        200  tick
                        """),
                Arguments.of("hotline-1022-resolve-sla", "received Monday 08:00, due Thursday 08:00", """
                        0     record
                        4300  tick
                        4330  tick    OPENED:WARNING
                        """),
                Arguments.of("hotline-1022-resolve-sla", "received Friday 16:00, the weekend does not count", """
                        6240  record
                        10000 tick
                        13400 tick
                        13441 tick    OPENED:WARNING
                        """),
                Arguments.of("soc-defacement", "a defacement, contained, then resolved", """
                        0    match   OPENED:CRITICAL
                        30   match
                        60   tick
                        90   close   RESOLVED:CRITICAL
                        """),
                Arguments.of("soc-defacement", "a phishing incident never opens", """
                        0    nomatch
                        30   tick
                        """));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("tables")
    void kinds_measured_outside_the_machine_follow_their_table(String ruleId, String scenario, String table) {
        CatalogueRule rule = CATALOGUE.rule(ruleId).orElseThrow();
        AlertEvaluator evaluator = new AlertEvaluator(
                new EventFactory(DeviceRegistry::builtIn, IndicatorRegistry.builtIn()),
                vn.cantho.ioc.model.calendar.WorkingCalendar.builtIn());
        AlertState state = null;
        Instant received = null;
        for (String line : table.strip().split("\n")) {
            String[] cells = line.trim().split("\\s+");
            Instant now = T0.plus(Duration.ofMinutes(Long.parseLong(cells[0])));
            String action = cells[1];
            if (received == null) {
                received = now;
            }
            AlertEvaluator.Result result;
            if (action.equals("tick") && state == null) {
                // A finished item's state is gone: the processor has nothing left to tick.
                result = new AlertEvaluator.Result(null, List.of());
            } else if (action.equals("tick")) {
                result = evaluator.onTick(rule, "key", state, now, false);
            } else {
                result = evaluator.onSignal(rule, "key", state, signal(rule, action, received, now), T0, now, false);
            }
            List<String> expected = List.of(cells).subList(2, cells.length);
            assertThat(result.events())
                    .as("%s at minute %s", scenario, cells[0])
                    .extracting(e -> e.type() + ":" + e.severity())
                    .containsExactlyElementsOf(expected);
            state = result.state();
        }
    }

    private static RuleSignal signal(CatalogueRule rule, String action, Instant received, Instant now) {
        Map<String, String> labels = new TreeMap<>(Map.of(CatalogueRule.RECORD_LABEL, "R-1"));
        return switch (rule.kind()) {
            case STALE ->
                new RuleSignal(
                        rule.id(),
                        "wl-can-tho",
                        Scope.DEVICE,
                        "wl-can-tho",
                        "ninh-kieu",
                        "environment",
                        new TreeMap<>(),
                        now,
                        null,
                        null,
                        false);
            case SLA ->
                new RuleSignal(
                        rule.id(),
                        "hotline-1022-reports",
                        Scope.CITY,
                        "hotline-1022-reports",
                        "cai-rang",
                        "citizen_feedback",
                        new TreeMap<>(labels),
                        received,
                        null,
                        received,
                        action.equals("ack"));
            case MATCH -> {
                Map<String, Object> incident = new HashMap<>(Map.of(
                        "category",
                        action.equals("nomatch") ? "phishing" : "defacement",
                        "status",
                        action.equals("close") ? "resolved" : "open"));
                double measure = rule.match().measure(incident);
                yield new RuleSignal(
                        rule.id(),
                        "soc-incidents",
                        Scope.CITY,
                        "soc-incidents",
                        null,
                        "cybersecurity",
                        new TreeMap<>(labels),
                        received,
                        measure,
                        null,
                        measure == 0);
            }
            default -> throw new IllegalArgumentException(rule.kind().toString());
        };
    }
}
