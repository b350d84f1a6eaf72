package vn.cantho.ioc.simulator.feed;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.cantho.ioc.simulator.Noise;

/**
 * The one-stop-shop portal ({@code trung-tam-phuc-vu-hcc}, feed {@code dossiers-daily}): per agency
 * and working day the dossiers received, resolved, resolved on time, overdue and submitted online.
 * Each agency has its own on-time quality (90–99 %) and online share; Saturday mornings see a quarter
 * of a weekday's dossiers, Sundays none (no record).
 */
final class DossierFeed implements FeedModel {

    private final Noise noise;

    DossierFeed(Noise noise) {
        this.noise = noise;
    }

    @Override
    public List<FeedBatch> batches(Instant now, Duration history) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (LocalDate day : Calendar.completeDays(now, history)) {
            if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            double dayFactor = day.getDayOfWeek() == DayOfWeek.SATURDAY ? 0.25 : 1.0;
            long index = day.toEpochDay();
            for (Places.Agency agency : Places.AGENCIES) {
                String key = "dossiers/" + agency.code();
                long received = noise.poisson(agency.dailyDossiers() * dayFactor, key + "/received", index);
                long resolved = noise.poisson(agency.dailyDossiers() * dayFactor * 0.97, key + "/resolved", index);
                double quality = Math.min(1, agency.onTime() + 0.02 * noise.gaussian(key + "/quality", index));
                long onTime = Math.min(resolved, Math.round(resolved * quality));
                long overdue = resolved - onTime + noise.poisson(0.4, key + "/backlog", index);
                double share =
                        Math.min(1, Math.max(0, agency.online() + 0.05 * noise.gaussian(key + "/online", index)));
                long online = Math.round(received * share);
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("date", day.toString());
                r.put("agency_code", agency.code());
                r.put("agency_name", agency.name());
                r.put("received", received);
                r.put("resolved", resolved);
                r.put("resolved_on_time", onTime);
                r.put("overdue", overdue);
                r.put("online_received", online);
                r.put("online_share", received == 0 ? 0.0 : Math.round(online * 1000.0 / received) / 10.0);
                records.add(r);
            }
        }
        return List.of(new FeedBatch("dossiers-daily", "trung-tam-phuc-vu-hcc", records));
    }
}
