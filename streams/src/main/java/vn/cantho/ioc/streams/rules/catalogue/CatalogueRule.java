package vn.cantho.ioc.streams.rules.catalogue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.registry.Domain;
import vn.cantho.ioc.streams.rules.Direction;
import vn.cantho.ioc.streams.rules.FlapSettings;
import vn.cantho.ioc.streams.rules.RuleDefinition;
import vn.cantho.ioc.streams.rules.RuleKind;
import vn.cantho.ioc.streams.rules.SeverityLevel;
import vn.cantho.ioc.streams.rules.measure.MatchSettings;
import vn.cantho.ioc.streams.rules.measure.SlaSettings;
import vn.cantho.ioc.streams.rules.measure.SpikeSettings;

/**
 * One rule as written in the rule catalogue: what operators see (title in Vietnamese and English, the
 * summary template of its alerts, domain, description), what
 * it reads ({@link RuleInput}), and the condition the machine evaluates (levels, timers, flap
 * control) with the settings of its kind. See {@code docs/rules.md}.
 */
public record CatalogueRule(
        String id,
        String title,
        String titleEn,
        SummaryTemplate summary,
        Domain domain,
        String description,
        RuleKind kind,
        RuleInput input,
        Direction direction,
        List<SeverityLevel> levels,
        Duration pending,
        Duration keepFiring,
        Duration rateWindow,
        Duration noDataAfter,
        FlapSettings flap,
        List<String> identityLabels,
        SpikeSettings spike,
        SlaSettings sla,
        MatchSettings match) {

    /** Identity label of the record an {@code SLA} or {@code MATCH} alert is about (e.g. a 1022 report id). */
    public static final String RECORD_LABEL = "record";
    /** Identity label of the indicator a rule over several indicators alerts on. */
    public static final String INDICATOR_LABEL = "indicator";

    public CatalogueRule {
        identityLabels = identityLabels == null ? List.of() : List.copyOf(identityLabels);
    }

    /** The English title; the Vietnamese one when the rule file gives none. */
    public String titleInEnglish() {
        return titleEn == null || titleEn.isBlank() ? title : titleEn;
    }

    /** The rule's summary template, or {@link SummaryTemplate#DEFAULT}. */
    public SummaryTemplate summaryTemplate() {
        return summary == null ? SummaryTemplate.DEFAULT : summary;
    }

    /** The condition for the machine; the labels that identify an alert are added for the kinds that need them. */
    public RuleDefinition condition() {
        List<String> identity = new ArrayList<>(identityLabels);
        if ((kind == RuleKind.SLA || kind == RuleKind.MATCH) && !identity.contains(RECORD_LABEL)) {
            identity.add(RECORD_LABEL);
        }
        if (input != null && input.indicators().size() > 1 && !identity.contains(INDICATOR_LABEL)) {
            identity.add(INDICATOR_LABEL);
        }
        return new RuleDefinition(
                id,
                kind,
                measured(),
                scope(),
                direction,
                levels,
                pending,
                keepFiring,
                rateWindow,
                noDataAfter,
                flap,
                identity);
    }

    /** What the rule measures, for labels and summaries: the metric, the indicator(s) or the kind. */
    public String measured() {
        if (input == null) {
            return null;
        }
        if (input.metric() != null) {
            return input.metric();
        }
        if (!input.indicators().isEmpty()) {
            return String.join(",", input.indicators());
        }
        return kind == null ? null : kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * What each alert of the rule is about. Indicator alerts take the scope of each indicator value
     * (device, area, agency or city) when evaluated; {@code device} here only satisfies the condition's check.
     */
    public Scope scope() {
        if (input == null || input.source() == null) {
            return null;
        }
        if (input.scope() != null) {
            return input.scope();
        }
        return switch (input.source()) {
            case TELEMETRY -> Scope.DEVICE;
            case AGGREGATE -> Scope.AREA;
            case INDICATOR -> Scope.DEVICE;
            case FEED ->
                input.entityField() == null || kind == RuleKind.SLA || kind == RuleKind.MATCH || kind == RuleKind.STALE
                        ? Scope.CITY
                        : Scope.AGENCY;
        };
    }
}
