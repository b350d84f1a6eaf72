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
 * The city SOC ({@code so-khcn}): its daily figures ({@code soc-daily}: 8,000–30,000 attacks blocked,
 * a few high and rarely critical alerts, 420 websites checked, a handful of infected endpoints) and its
 * incidents ({@code soc-incidents}: about one every three days — phishing, malware (a third of it
 * ransomware, critical), DDoS, website defacement (high), intrusions, data leaks), each contained and
 * resolved after some hours to three days. A defacement incident is also counted in that day's
 * defaced websites.
 */
final class SocFeeds implements FeedModel {

    private static final List<String> CATEGORIES =
            List.of("phishing", "malware", "ddos", "defacement", "intrusion", "data_leak");
    private static final double[] WEIGHTS = {0.25, 0.3, 0.15, 0.15, 0.1, 0.05};
    private static final List<String> TARGETS = List.of(
            "Cổng thông tin điện tử thành phố",
            "Hệ thống thông tin giải quyết thủ tục hành chính",
            "Trang thông tin điện tử UBND quận Ninh Kiều",
            "Máy trạm tại Sở Tài chính",
            "Hệ thống thư điện tử công vụ",
            "Trang thông tin điện tử Sở Y tế");
    private static final int WEBSITES = 420;

    private final Noise noise;

    SocFeeds(Noise noise) {
        this.noise = noise;
    }

    @Override
    public List<FeedBatch> batches(Instant now, Duration history) {
        List<Map<String, Object>> daily = new ArrayList<>();
        List<Map<String, Object>> incidents = new ArrayList<>();
        LocalDate first = Calendar.today(now.minus(history));
        for (LocalDate day = first; !day.isAfter(Calendar.today(now)); day = day.plusDays(1)) {
            long index = day.toEpochDay();
            int defacements = 0;
            long count = noise.poisson(0.35, "soc/incidents", index);
            for (int i = 0; i < count; i++) {
                Map<String, Object> incident = incident(day, i, now);
                if (incident != null) {
                    incidents.add(incident);
                    defacements += incident.get("category").equals("defacement") ? 1 : 0;
                }
            }
            if (day.isBefore(Calendar.today(now))) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("date", day.toString());
                r.put(
                        "blocked_attacks",
                        noise.poisson(
                                15_000 * Math.exp(0.35 * noise.gaussian("soc/level", index)), "soc/blocked", index));
                r.put("high_alerts", noise.poisson(12, "soc/high", index));
                r.put("critical_alerts", noise.poisson(0.8, "soc/critical", index) + defacements);
                r.put("websites_checked", WEBSITES);
                r.put("defaced_websites", defacements);
                r.put("infected_endpoints", noise.poisson(6, "soc/infected", index));
                daily.add(r);
            }
        }
        return List.of(
                new FeedBatch("soc-daily", "so-khcn", daily), new FeedBatch("soc-incidents", "so-khcn", incidents));
    }

    private Map<String, Object> incident(LocalDate day, int i, Instant now) {
        long index = day.toEpochDay() * 100 + i;
        Instant detected = Calendar.start(day).plusSeconds((long) (86_400 * noise.uniform("soc/time", index)));
        if (detected.isAfter(now)) {
            return null;
        }
        String category = pick(noise.uniform("soc/category", index));
        boolean ransomware = category.equals("malware") && noise.uniform("soc/ransomware", index) < 0.33;
        String severity = ransomware
                ? "critical"
                : switch (category) {
                    case "defacement", "intrusion", "data_leak" -> "high";
                    case "ddos" -> "medium";
                    default -> noise.uniform("soc/severity", index) < 0.7 ? "low" : "medium";
                };
        Instant contained = detected.plusSeconds((long) (3600 * (1 + 5 * noise.uniform("soc/contain", index))));
        Instant resolved = contained.plusSeconds((long) (3600 * (4 + 60 * noise.uniform("soc/resolve", index))));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("incident_id", "SOC-" + day.toString().replace("-", "") + "-" + (i + 1));
        r.put("severity", severity);
        r.put("category", category);
        r.put("target", TARGETS.get((int) (noise.uniform("soc/target", index) * TARGETS.size())));
        r.put(
                "description",
                ransomware
                        ? "Mã độc tống tiền (ransomware) mã hóa dữ liệu máy trạm"
                        : switch (category) {
                            case "defacement" -> "Trang thông tin bị thay đổi giao diện";
                            case "phishing" -> "Thư điện tử giả mạo gửi đến cán bộ, công chức";
                            case "ddos" -> "Tấn công từ chối dịch vụ vào cổng thông tin";
                            case "intrusion" -> "Truy cập trái phép vào máy chủ";
                            case "data_leak" -> "Nghi lộ lọt dữ liệu cá nhân";
                            default -> "Phát hiện mã độc trên máy trạm";
                        });
        r.put("status", now.isBefore(contained) ? "open" : now.isBefore(resolved) ? "contained" : "resolved");
        r.put("detected_at", Calendar.local(detected));
        if (!now.isBefore(resolved)) {
            r.put("resolved_at", Calendar.local(resolved));
        }
        return r;
    }

    private static String pick(double u) {
        double sum = 0;
        for (int i = 0; i < CATEGORIES.size(); i++) {
            sum += WEIGHTS[i];
            if (u < sum) {
                return CATEGORIES.get(i);
            }
        }
        return CATEGORIES.get(CATEGORIES.size() - 1);
    }
}
