package vn.cantho.ioc.simulator.feed;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.cantho.ioc.simulator.Noise;

/**
 * The statistics office ({@code thong-ke}): monthly estimates ({@code socioeconomic-monthly}: retail
 * sales about 14,000 billion VND, exports about 250 million USD, with "same month last year = 100"
 * indices — retail 108–114, exports 103–116, industrial production 105–112, CPI 102.5–104.5 — and how
 * many of about 40 statistical reports arrived on time) and quarterly estimates
 * ({@code socioeconomic-quarterly}: GRDP growth 6.5–8.8 %, GRDP, budget revenue, registered FDI). A
 * month or quarter is released on the 6th of the month after it; the last 13 months and 5 quarters
 * are pushed.
 */
final class StatisticsFeeds implements FeedModel {

    private final Noise noise;

    StatisticsFeeds(Noise noise) {
        this.noise = noise;
    }

    @Override
    public List<FeedBatch> batches(Instant now, Duration history) {
        List<Map<String, Object>> monthly = new ArrayList<>();
        for (YearMonth month : Calendar.releasedMonths(now, 13)) {
            monthly.add(month(month));
        }
        List<Map<String, Object>> quarterly = new ArrayList<>();
        for (YearMonth month : Calendar.releasedMonths(now, 15)) {
            if (month.getMonthValue() % 3 == 0) {
                quarterly.add(quarter(month.minusMonths(2)));
            }
        }
        return List.of(
                new FeedBatch("socioeconomic-monthly", "thong-ke", monthly),
                new FeedBatch("socioeconomic-quarterly", "thong-ke", quarterly));
    }

    private Map<String, Object> month(YearMonth month) {
        long index = month.getYear() * 12L + month.getMonthValue();
        double trend = Math.pow(1.1, month.getYear() - 2025 + (month.getMonthValue() - 1) / 12.0);
        double season = month.getMonthValue() == 1 || month.getMonthValue() == 12 ? 1.12 : 1.0;
        long due = 40 + (month.getMonthValue() % 3 == 0 ? 6 : 0);
        long onTime = due - noise.poisson(1.5, "stats/late", index);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("period", month.atDay(1).toString());
        r.put("retail_sales", round1(13_500 * trend * season * (1 + 0.03 * noise.gaussian("stats/retail", index))));
        r.put("retail_sales_yoy", round1(111 + 1.5 * noise.gaussian("stats/retail-yoy", index)));
        r.put("exports", round1(240 * trend * (1 + 0.08 * noise.gaussian("stats/exports", index))));
        r.put("exports_yoy", round1(109.5 + 3.5 * noise.gaussian("stats/exports-yoy", index)));
        r.put("iip", round1(108.5 + 1.8 * noise.gaussian("stats/iip", index)));
        r.put("cpi", round1(103.5 + 0.5 * noise.gaussian("stats/cpi", index)));
        r.put("reports_due", due);
        r.put("reports_on_time", Math.max(0, onTime));
        r.put("report_timeliness", round1(Math.max(0, onTime) * 100.0 / due));
        return r;
    }

    private Map<String, Object> quarter(YearMonth first) {
        long index = first.getYear() * 4L + (first.getMonthValue() - 1) / 3;
        double trend = Math.pow(1.1, first.getYear() - 2025 + (first.getMonthValue() - 1) / 12.0);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("period", first.atDay(1).toString());
        r.put("grdp_growth", round1(7.6 + 0.6 * noise.gaussian("stats/grdp-growth", index)));
        r.put("grdp", round1(40_000 * trend * (1 + 0.03 * noise.gaussian("stats/grdp", index))));
        r.put("budget_revenue", round1(3_600 * trend * (1 + 0.1 * noise.gaussian("stats/budget", index))));
        r.put("fdi_registered", round1(Math.max(0, 45 + 20 * noise.gaussian("stats/fdi", index))));
        return r;
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
