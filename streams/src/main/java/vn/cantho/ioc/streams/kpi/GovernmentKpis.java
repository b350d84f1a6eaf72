package vn.cantho.ioc.streams.kpi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.cantho.ioc.model.FeedRecord;
import vn.cantho.ioc.model.Granularity;
import vn.cantho.ioc.model.Indicator;
import vn.cantho.ioc.model.Scope;

/**
 * Government performance from the one-stop-shop portal's daily dossier counts ({@code dossiers-daily}):
 * on-time rate of resolved dossiers, overdue dossiers and online submission share, per agency and
 * city-wide, per day.
 */
final class GovernmentKpis implements KpiFamily {

    static final String FEED = "dossiers-daily";
    static final String FAMILY = "dossiers";

    @Override
    public Set<String> feeds() {
        return Set.of(FEED);
    }

    @Override
    public Set<String> bucketFamilies() {
        return Set.of(FAMILY);
    }

    @Override
    public List<Contribution> contributions(FeedRecord record) {
        String agency = Fields.text(record, "agency_code").orElseThrow();
        double received = Fields.number(record, "received", 0);
        Map<String, Double> sums = new HashMap<>(Map.of(
                "received", received,
                "resolved", Fields.number(record, "resolved", 0),
                "on_time", Fields.number(record, "resolved_on_time", 0),
                "overdue", Fields.number(record, "overdue", 0)));
        // Online submissions: the count when reported, else the reported share of the day's received dossiers.
        Fields.number(record, "online_received")
                .or(() -> Fields.number(record, "online_share").map(share -> share * received / 100))
                .ifPresent(online -> {
                    sums.put("online", online);
                    sums.put("online_base", received);
                });
        return List.of(
                Contribution.of(
                        Bucket.period(FAMILY, Scope.AGENCY, agency, null, null, Granularity.DAY, record.ts()), sums),
                Contribution.of(
                        Bucket.period(FAMILY, Scope.CITY, Periods.CITY, null, null, Granularity.DAY, record.ts()),
                        sums));
    }

    @Override
    public List<Indicator> indicators(BucketState state, IndicatorFactory factory) {
        if (state.isEmpty()) {
            return List.of();
        }
        String suffix = state.bucket().scope() == Scope.CITY ? "_city" : "";
        List<Indicator> out = new ArrayList<>();
        if (state.sum("resolved") > 0) {
            out.add(factory.ratio(
                    "dossiers_on_time_rate" + suffix, state, state.sum("on_time"), state.sum("resolved")));
        }
        out.add(factory.make("dossiers_overdue" + suffix, state, state.sum("overdue"), Map.of()));
        if (state.sum("online_base") > 0) {
            out.add(factory.ratio(
                    "dossiers_online_share" + suffix, state, state.sum("online"), state.sum("online_base")));
        }
        return out;
    }
}
