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
 * The 1022 hotline ({@code tong-dai-1022}, feed {@code hotline-1022-reports}): about 90 reports a day
 * (fewer at weekends), mostly in the daytime, spread over the districts by population (5 % without a
 * district) and over ten categories. Each report has a fixed life drawn from the seed: acknowledged
 * after a median of 35 minutes (about 8 % later than the 2-hour SLA), resolved after a median of about
 * 30 hours (some after the 3-working-day SLA), 3 % rejected. Every push carries each report received
 * within the history window with its status at that moment, so status changes arrive as corrections.
 */
final class HotlineFeed implements FeedModel {

    private static final List<String> CATEGORIES = List.of(
            "environment",
            "traffic",
            "urban_order",
            "security",
            "electricity",
            "water",
            "health",
            "education",
            "administrative",
            "other");
    private static final double[] CATEGORY_WEIGHTS = {0.2, 0.12, 0.18, 0.07, 0.08, 0.1, 0.04, 0.03, 0.1, 0.08};
    private static final Map<String, String> SUMMARIES = Map.of(
            "environment", "Rác thải ùn ứ, bốc mùi hôi",
            "traffic", "Đèn tín hiệu giao thông không hoạt động",
            "urban_order", "Lấn chiếm vỉa hè, lòng đường để buôn bán",
            "security", "Tụ tập gây mất trật tự vào ban đêm",
            "electricity", "Mất điện kéo dài, đèn đường hư hỏng",
            "water", "Nước sinh hoạt yếu, có màu đục",
            "health", "Cơ sở kinh doanh thực phẩm không bảo đảm vệ sinh",
            "education", "Thu các khoản ngoài quy định tại trường học",
            "administrative", "Hồ sơ chậm giải quyết so với giấy hẹn",
            "other", "Đề nghị hỗ trợ, hướng dẫn thủ tục");
    private static final List<String> CHANNELS = List.of("phone", "phone", "phone", "app", "zalo", "web", "email");

    private final Noise noise;

    HotlineFeed(Noise noise) {
        this.noise = noise;
    }

    @Override
    public List<FeedBatch> batches(Instant now, Duration history) {
        List<Map<String, Object>> records = new ArrayList<>();
        LocalDate first = Calendar.today(now.minus(history));
        for (LocalDate day = first; !day.isAfter(Calendar.today(now)); day = day.plusDays(1)) {
            long dayIndex = day.toEpochDay();
            long count = noise.poisson(Calendar.weekend(day) ? 55 : 95, "1022/count", dayIndex);
            for (int i = 0; i < count; i++) {
                Map<String, Object> report = report(day, i, now);
                if (report != null) {
                    records.add(report);
                }
            }
        }
        return List.of(new FeedBatch("hotline-1022-reports", "tong-dai-1022", records));
    }

    /** Report {@code i} of {@code day} as it stands at {@code now}; null when not yet received. */
    private Map<String, Object> report(LocalDate day, int i, Instant now) {
        long index = day.toEpochDay() * 10_000 + i;
        // Calls come in from 06:00 to 22:00, most around 09:00 and 15:00.
        double hour = 6 + 16 * Math.pow(noise.uniform("1022/time", index), 1.1);
        Instant received = Calendar.start(day).plusSeconds((long) (hour * 3600));
        if (received.isAfter(now)) {
            return null;
        }
        String category = pick(noise.uniform("1022/category", index));
        double where = noise.uniform("1022/area", index);
        Places.District district = where < 0.05 ? null : Places.district((where - 0.05) / 0.95);
        Duration toAck = Duration.ofSeconds((long) (60 * 35 * Math.exp(0.9 * noise.gaussian("1022/ack", index))));
        Duration toResolve =
                Duration.ofSeconds((long) (3600 * 30 * Math.exp(0.8 * noise.gaussian("1022/resolve", index))));
        boolean rejected = noise.uniform("1022/rejected", index) < 0.03;
        Instant acknowledged = received.plus(toAck);
        Instant resolved = acknowledged.plus(toResolve);

        Map<String, Object> r = new LinkedHashMap<>();
        r.put("report_id", "PA-" + day.toString().replace("-", "") + "-" + String.format("%04d", i + 1));
        r.put("channel", CHANNELS.get((int) (noise.uniform("1022/channel", index) * CHANNELS.size())));
        r.put("category", category);
        r.put("summary", SUMMARIES.get(category));
        if (district != null) {
            String ward = district.wards().get((int)
                    (noise.uniform("1022/ward", index) * district.wards().size()));
            r.put("ward", district.wardPrefix() + " " + ward);
            r.put("area_code", district.code());
        }
        String status;
        if (now.isBefore(acknowledged)) {
            status = "received";
        } else if (rejected) {
            status = "rejected";
        } else if (now.isBefore(resolved)) {
            status = now.isBefore(acknowledged.plus(Duration.ofHours(1))) ? "acknowledged" : "in_progress";
        } else {
            status = "resolved";
        }
        r.put("status", status);
        if (!status.equals("received")) {
            r.put(
                    "handling_agency",
                    district == null
                            ? "Văn phòng UBND thành phố"
                            : "UBND " + district.wardPrefix().toLowerCase() + " "
                                    + r.get("ward")
                                            .toString()
                                            .substring(district.wardPrefix().length() + 1));
        }
        r.put("received_at", Calendar.local(received));
        if (!status.equals("received")) {
            r.put("acknowledged_at", Calendar.local(acknowledged));
        }
        if (status.equals("resolved")) {
            r.put("resolved_at", Calendar.local(resolved));
        }
        return r;
    }

    private static String pick(double u) {
        double sum = 0;
        for (int i = 0; i < CATEGORIES.size(); i++) {
            sum += CATEGORY_WEIGHTS[i];
            if (u < sum) {
                return CATEGORIES.get(i);
            }
        }
        return CATEGORIES.get(CATEGORIES.size() - 1);
    }
}
