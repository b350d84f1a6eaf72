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
 * Tourism: monthly arrivals and revenue against the same month last year ({@code tourism-monthly}) and
 * daily hotel occupancy per area and city-wide ({@code hotel-occupancy-daily}).
 *
 * <p>A month's record goes to its own month's cell (slot {@value #CURRENT}) and to the cell of the same
 * month a year later (slot {@value #LAST_YEAR}), so each month's cell holds both figures and a late or
 * corrected figure of last year updates this year's comparison.
 */
final class TourismKpis implements KpiFamily {

    static final String MONTHLY_FEED = "tourism-monthly";
    static final String HOTEL_FEED = "hotel-occupancy-daily";
    static final String MONTHLY = "tourism-monthly";
    static final String HOTEL = "hotel-occupancy";
    private static final String CURRENT = "current";
    private static final String LAST_YEAR = "lastYear";

    @Override
    public Set<String> feeds() {
        return Set.of(MONTHLY_FEED, HOTEL_FEED);
    }

    @Override
    public Set<String> bucketFamilies() {
        return Set.of(MONTHLY, HOTEL);
    }

    @Override
    public List<Contribution> contributions(FeedRecord record) {
        if (HOTEL_FEED.equals(record.feed())) {
            Map<String, Double> sums = Map.of(
                    "available", Fields.number(record, "rooms_available", 0),
                    "occupied", Fields.number(record, "rooms_occupied", 0));
            return List.of(
                    Contribution.of(
                            Bucket.period(
                                    HOTEL,
                                    Scope.AREA,
                                    record.areaCode(),
                                    record.areaCode(),
                                    null,
                                    Granularity.DAY,
                                    record.ts()),
                            sums),
                    Contribution.of(
                            Bucket.period(HOTEL, Scope.CITY, Periods.CITY, null, null, Granularity.DAY, record.ts()),
                            sums));
        }
        Map<String, Double> sums = new HashMap<>();
        sums.put("visitors", Fields.number(record, "visitors", 0));
        Fields.number(record, "revenue").ifPresent(revenue -> sums.put("revenue", revenue));
        Bucket month = Bucket.period(MONTHLY, Scope.CITY, Periods.CITY, null, null, Granularity.MONTH, record.ts());
        Bucket nextYear = Bucket.period(
                MONTHLY,
                Scope.CITY,
                Periods.CITY,
                null,
                null,
                Granularity.MONTH,
                Periods.oneYearLater(month.periodStart()));
        return List.of(Contribution.of(month, CURRENT, sums), Contribution.of(nextYear, LAST_YEAR, sums));
    }

    @Override
    public List<Indicator> indicators(BucketState state, IndicatorFactory factory) {
        if (HOTEL.equals(state.bucket().family())) {
            if (state.sum("available") <= 0) {
                return List.of();
            }
            String id = state.bucket().scope() == Scope.CITY ? "hotel_occupancy_city" : "hotel_occupancy";
            return List.of(factory.ratio(id, state, state.sum("occupied"), state.sum("available")));
        }
        if (!state.has(CURRENT)) {
            return List.of();
        }
        List<Indicator> out = new ArrayList<>();
        double visitors = state.sum(CURRENT, "visitors");
        boolean lastYearKnown = state.has(LAST_YEAR);
        double lastYearVisitors = state.sum(LAST_YEAR, "visitors");
        out.add(factory.make(
                "tourist_arrivals", state, visitors, comparison(lastYearKnown, visitors, lastYearVisitors)));
        if (lastYearKnown && lastYearVisitors > 0) {
            out.add(factory.make(
                    "tourist_arrivals_change",
                    state,
                    change(visitors, lastYearVisitors),
                    Map.of(
                            "lastYear",
                            IndicatorFactory.format(lastYearVisitors),
                            "current",
                            IndicatorFactory.format(visitors))));
        }
        if (state.sum(CURRENT, "revenue") > 0) {
            double revenue = state.sum(CURRENT, "revenue");
            out.add(factory.make(
                    "tourism_revenue",
                    state,
                    revenue,
                    comparison(state.sum(LAST_YEAR, "revenue") > 0, revenue, state.sum(LAST_YEAR, "revenue"))));
        }
        return out;
    }

    private static Map<String, String> comparison(boolean known, double current, double lastYear) {
        if (!known) {
            return Map.of();
        }
        Map<String, String> attributes = new HashMap<>();
        attributes.put("lastYear", IndicatorFactory.format(lastYear));
        if (lastYear > 0) {
            attributes.put("changePct", Double.toString(Math.round(change(current, lastYear) * 100) / 100.0));
        }
        return attributes;
    }

    private static double change(double current, double lastYear) {
        return (current / lastYear - 1) * 100;
    }
}
