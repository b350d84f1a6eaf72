package vn.cantho.ioc.simulator.feed;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.cantho.ioc.simulator.Noise;

/**
 * The police's daily traffic-safety report ({@code cong-an}, feed {@code traffic-safety-daily}) per
 * district: about 0.7 accidents a day city-wide (a third more at weekends), each killing someone about
 * half the time and injuring about one person, and 40–250 violations handled per district.
 */
final class TrafficSafetyFeed implements FeedModel {

    private static final Map<String, double[]> RATES = Map.of(
            // accidents per day, violations per day
            "ninh-kieu",
            new double[] {0.18, 240},
            "cai-rang",
            new double[] {0.10, 120},
            "binh-thuy",
            new double[] {0.08, 110},
            "o-mon",
            new double[] {0.07, 80},
            "thot-not",
            new double[] {0.09, 90},
            "phong-dien",
            new double[] {0.05, 55},
            "co-do",
            new double[] {0.05, 45},
            "thoi-lai",
            new double[] {0.05, 45},
            "vinh-thanh",
            new double[] {0.05, 40});
    private static final List<String> ROADS = List.of(
            "Quốc lộ 91",
            "Quốc lộ 1",
            "Quốc lộ 61C",
            "đường Nguyễn Văn Cừ",
            "đường 3 Tháng 2",
            "đường Võ Văn Kiệt",
            "đường Trần Hưng Đạo",
            "đường tỉnh 923");

    private final Noise noise;

    TrafficSafetyFeed(Noise noise) {
        this.noise = noise;
    }

    @Override
    public List<FeedBatch> batches(Instant now, Duration history) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (LocalDate day : Calendar.completeDays(now, history)) {
            long index = day.toEpochDay();
            double weekend = Calendar.weekend(day) ? 1.3 : 1.0;
            for (Places.District district : Places.DISTRICTS) {
                String key = "traffic-safety/" + district.code();
                double[] rate = RATES.get(district.code());
                long accidents = noise.poisson(rate[0] * weekend, key + "/accidents", index);
                long deaths = noise.poisson(accidents * 0.5, key + "/deaths", index);
                long injuries = noise.poisson(accidents * 0.9, key + "/injuries", index);
                long violations = noise.poisson(rate[1] * weekend, key + "/violations", index);
                double fines = Math.round(violations * (0.8 + 0.8 * noise.uniform(key + "/fine", index)) * 10) / 10.0;
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("date", day.toString());
                r.put("area_code", district.code());
                r.put("accidents", accidents);
                r.put("deaths", deaths);
                r.put("injuries", injuries);
                r.put("violations", violations);
                r.put("fines", fines);
                r.put("licences_suspended", noise.poisson(violations * 0.02, key + "/licences", index));
                if (deaths > 0) {
                    r.put(
                            "note",
                            "Tai nạn giao thông nghiêm trọng trên "
                                    + ROADS.get((int) (noise.uniform(key + "/road", index) * ROADS.size())));
                }
                records.add(r);
            }
        }
        return List.of(new FeedBatch("traffic-safety-daily", "cong-an", records));
    }
}
