package vn.cantho.ioc.streams.kpi;

import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.cantho.ioc.model.FeedRecord;
import vn.cantho.ioc.model.Granularity;
import vn.cantho.ioc.model.Indicator;
import vn.cantho.ioc.model.Scope;

/**
 * Cybersecurity from the city SOC: its daily figures ({@code soc-daily}: attacks blocked, high and
 * critical alerts, defaced websites, infected endpoints) and its incidents ({@code soc-incidents},
 * counted per day of detection and severity).
 */
final class CybersecurityKpis implements KpiFamily {

    static final String DAILY_FEED = "soc-daily";
    static final String INCIDENT_FEED = "soc-incidents";
    static final String DAILY = "soc-daily";
    static final String INCIDENTS = "soc-incidents";

    @Override
    public Set<String> feeds() {
        return Set.of(DAILY_FEED, INCIDENT_FEED);
    }

    @Override
    public Set<String> bucketFamilies() {
        return Set.of(DAILY, INCIDENTS);
    }

    @Override
    public List<Contribution> contributions(FeedRecord record) {
        if (INCIDENT_FEED.equals(record.feed())) {
            String severity = Fields.text(record, "severity").orElseThrow();
            return List.of(Contribution.of(
                    Bucket.period(
                            INCIDENTS,
                            Scope.CITY,
                            Periods.CITY,
                            null,
                            Bucket.label("severity", severity),
                            Granularity.DAY,
                            record.ts()),
                    Map.of()));
        }
        return List.of(Contribution.of(
                Bucket.period(DAILY, Scope.CITY, Periods.CITY, null, null, Granularity.DAY, record.ts()),
                Map.of(
                        "blocked", Fields.number(record, "blocked_attacks", 0),
                        "high_critical",
                                Fields.number(record, "high_alerts", 0) + Fields.number(record, "critical_alerts", 0),
                        "defaced", Fields.number(record, "defaced_websites", 0),
                        "infected", Fields.number(record, "infected_endpoints", 0))));
    }

    @Override
    public List<Indicator> indicators(BucketState state, IndicatorFactory factory) {
        if (INCIDENTS.equals(state.bucket().family())) {
            // Zero is a value here: an incident re-classified to another severity leaves its old one at 0.
            return List.of(factory.make("cyber_incidents", state, state.sum(Contribution.RECORDS), Map.of()));
        }
        if (state.isEmpty()) {
            return List.of();
        }
        return List.of(
                factory.make("cyber_blocked_attacks", state, state.sum("blocked"), Map.of()),
                factory.make("cyber_high_critical_alerts", state, state.sum("high_critical"), Map.of()),
                factory.make("cyber_defaced_websites", state, state.sum("defaced"), Map.of()),
                factory.make("cyber_infected_endpoints", state, state.sum("infected"), Map.of()));
    }
}
