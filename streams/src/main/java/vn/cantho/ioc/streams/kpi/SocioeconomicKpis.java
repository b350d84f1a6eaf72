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
 * Socio-economic indicators from the statistics office's releases: monthly growth of retail sales,
 * exports and industrial production, consumer price change, report timeliness
 * ({@code socioeconomic-monthly}) and quarterly GRDP growth ({@code socioeconomic-quarterly}), each
 * against this year's target in the registry. The statistics office publishes "same period last
 * year = 100" indices; the KPIs are growth rates (index − 100), the way targets are set.
 */
final class SocioeconomicKpis implements KpiFamily {

    static final String MONTHLY_FEED = "socioeconomic-monthly";
    static final String QUARTERLY_FEED = "socioeconomic-quarterly";
    static final String MONTHLY = "socio-monthly";
    static final String QUARTERLY = "socio-quarterly";

    @Override
    public Set<String> feeds() {
        return Set.of(MONTHLY_FEED, QUARTERLY_FEED);
    }

    @Override
    public Set<String> bucketFamilies() {
        return Set.of(MONTHLY, QUARTERLY);
    }

    @Override
    public List<Contribution> contributions(FeedRecord record) {
        Map<String, Double> sums = new HashMap<>();
        if (QUARTERLY_FEED.equals(record.feed())) {
            sums.put("grdp_growth", Fields.number(record, "grdp_growth", 0));
            return List.of(Contribution.of(
                    Bucket.period(QUARTERLY, Scope.CITY, Periods.CITY, null, null, Granularity.QUARTER, record.ts()),
                    sums));
        }
        for (String index : List.of("retail_sales_yoy", "exports_yoy", "iip", "cpi")) {
            Fields.number(record, index).ifPresent(value -> sums.put(index, value));
        }
        var due = Fields.number(record, "reports_due");
        var onTime = Fields.number(record, "reports_on_time");
        if (due.isPresent() && onTime.isPresent() && due.get() > 0) {
            sums.put("reports_due", due.get());
            sums.put("reports_on_time", onTime.get());
        } else {
            Fields.number(record, "report_timeliness").ifPresent(share -> {
                sums.put("reports_due", 100.0);
                sums.put("reports_on_time", share);
            });
        }
        return List.of(Contribution.of(
                Bucket.period(MONTHLY, Scope.CITY, Periods.CITY, null, null, Granularity.MONTH, record.ts()), sums));
    }

    @Override
    public List<Indicator> indicators(BucketState state, IndicatorFactory factory) {
        if (state.isEmpty()) {
            return List.of();
        }
        if (QUARTERLY.equals(state.bucket().family())) {
            return List.of(factory.make("grdp_growth", state, state.sum("grdp_growth"), Map.of()));
        }
        List<Indicator> out = new ArrayList<>();
        growth(out, factory, state, "retail_sales_yoy", "retail_sales_growth");
        growth(out, factory, state, "exports_yoy", "exports_growth");
        growth(out, factory, state, "iip", "industrial_production_growth");
        growth(out, factory, state, "cpi", "cpi_change");
        if (state.sum("reports_due") > 0) {
            out.add(factory.ratio(
                    "statistical_report_timeliness", state, state.sum("reports_on_time"), state.sum("reports_due")));
        }
        return out;
    }

    private static void growth(
            List<Indicator> out, IndicatorFactory factory, BucketState state, String index, String id) {
        if (state.slots().get("").containsKey(index)) {
            double value = state.sum(index);
            out.add(factory.make(id, state, value - 100, Map.of("index", IndicatorFactory.format(value))));
        }
    }
}
