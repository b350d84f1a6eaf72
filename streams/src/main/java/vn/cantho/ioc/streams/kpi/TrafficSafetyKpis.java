package vn.cantho.ioc.streams.kpi;

import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.cantho.ioc.model.FeedRecord;
import vn.cantho.ioc.model.Granularity;
import vn.cantho.ioc.model.Indicator;
import vn.cantho.ioc.model.Scope;

/** Traffic safety from the police's daily report ({@code traffic-safety-daily}): accidents, deaths, injuries per area and city-wide. */
final class TrafficSafetyKpis implements KpiFamily {

    static final String FEED = "traffic-safety-daily";
    static final String FAMILY = "traffic-safety";

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
        Map<String, Double> sums = Map.of(
                "accidents", Fields.number(record, "accidents", 0),
                "deaths", Fields.number(record, "deaths", 0),
                "injuries", Fields.number(record, "injuries", 0));
        return List.of(
                Contribution.of(
                        Bucket.period(
                                FAMILY,
                                Scope.AREA,
                                record.areaCode(),
                                record.areaCode(),
                                null,
                                Granularity.DAY,
                                record.ts()),
                        sums),
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
        return List.of(
                factory.make("traffic_accidents" + suffix, state, state.sum("accidents"), Map.of()),
                factory.make("traffic_deaths" + suffix, state, state.sum("deaths"), Map.of()),
                factory.make("traffic_injuries" + suffix, state, state.sum("injuries"), Map.of()));
    }
}
