package vn.cantho.ioc.streams.kpi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.cantho.ioc.model.FeedRecord;
import vn.cantho.ioc.model.Granularity;
import vn.cantho.ioc.model.Indicator;
import vn.cantho.ioc.model.Scope;

/**
 * Online information from the hourly social-listening feed ({@code social-listening-hourly}): the share
 * of negative mentions per channel in each hour and over the 6 hours ending with it. Negative mentions
 * are {@code mentions × negative_share / 100}, so the 6-hour share is weighted by mentions.
 *
 * <p>Each hour's record also goes to the cells of the next five hours (slot {@value #WINDOW}); a cell
 * reports its 6-hour share only once its own hour has been reported (slot {@value #HOUR}), so no value
 * is published for an hour that has not happened yet.
 */
final class OnlineInfoKpis implements KpiFamily {

    static final String FEED = "social-listening-hourly";
    static final String FAMILY = "online-mentions";
    static final int WINDOW_HOURS = 6;
    private static final String HOUR = "hour";
    private static final String WINDOW = "window";

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
        double mentions = Fields.number(record, "mentions", 0);
        var negativeShare = Fields.number(record, "negative_share");
        if (negativeShare.isEmpty()) {
            return List.of();
        }
        Map<String, Double> sums = Map.of("mentions", mentions, "negative", mentions * negativeShare.get() / 100);
        String channel = Fields.text(record, "channel").orElseThrow();
        List<Contribution> out = new ArrayList<>();
        for (int ahead = 0; ahead < WINDOW_HOURS; ahead++) {
            Instant hour = record.ts().plus(Duration.ofHours(ahead));
            Bucket bucket = Bucket.period(
                    FAMILY, Scope.CITY, Periods.CITY, null, Bucket.label("channel", channel), Granularity.HOUR, hour);
            if (ahead == 0) {
                out.add(Contribution.of(bucket, HOUR, sums));
            }
            out.add(Contribution.of(bucket, WINDOW, sums));
        }
        return out;
    }

    @Override
    public List<Indicator> indicators(BucketState state, IndicatorFactory factory) {
        if (!state.has(HOUR)) {
            return List.of();
        }
        List<Indicator> out = new ArrayList<>();
        if (state.sum(HOUR, "mentions") > 0) {
            out.add(factory.ratio(
                    "online_negative_share", state, state.sum(HOUR, "negative"), state.sum(HOUR, "mentions")));
        }
        if (state.sum(WINDOW, "mentions") > 0) {
            Instant from = state.bucket().periodStart().minus(Duration.ofHours(WINDOW_HOURS - 1L));
            out.add(factory.make(
                    "online_negative_share_6h",
                    state,
                    state.sum(WINDOW, "negative") / state.sum(WINDOW, "mentions") * 100,
                    Map.of(
                            "windowStart",
                            from.toString(),
                            "hoursReported",
                            IndicatorFactory.format(state.sum(WINDOW, Contribution.RECORDS)),
                            "mentions",
                            IndicatorFactory.format(state.sum(WINDOW, "mentions")))));
        }
        return out;
    }
}
