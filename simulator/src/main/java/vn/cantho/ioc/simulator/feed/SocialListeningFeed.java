package vn.cantho.ioc.simulator.feed;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.cantho.ioc.simulator.Noise;

/**
 * The social-listening tool ({@code so-khcn}, feed {@code social-listening-hourly}): mentions of the
 * city per channel per hour (quiet at night, busiest 19:00–22:00), about 10 % negative. On about one
 * day in ten a "storm" (a viral complaint about flooding, a scam, a traffic jam) triples mentions on
 * Facebook and TikTok for four hours with 35–55 % negative. Channel {@code all} is the sum. The last
 * 48 complete hours at most are pushed.
 */
final class SocialListeningFeed implements FeedModel {

    private static final Map<String, Double> CHANNELS =
            Map.of("facebook", 0.55, "news", 0.15, "youtube", 0.08, "tiktok", 0.15, "forum", 0.04, "other", 0.03);
    private static final List<String> ORDER = List.of("facebook", "news", "youtube", "tiktok", "forum", "other");
    private static final List<String> KEYWORDS = List.of(
            "chợ nổi Cái Răng",
            "bến Ninh Kiều",
            "ngập nước",
            "kẹt xe",
            "sạt lở bờ sông",
            "giá xăng",
            "lừa đảo trực tuyến",
            "dịch vụ công trực tuyến");
    private static final Duration MAX_BACK = Duration.ofHours(48);

    private final Noise noise;

    SocialListeningFeed(Noise noise) {
        this.noise = noise;
    }

    @Override
    public List<FeedBatch> batches(Instant now, Duration history) {
        Instant last = now.truncatedTo(ChronoUnit.HOURS);
        Instant first =
                now.minus(history.compareTo(MAX_BACK) < 0 ? history : MAX_BACK).truncatedTo(ChronoUnit.HOURS);
        List<Map<String, Object>> records = new ArrayList<>();
        for (Instant hour = first; hour.isBefore(last); hour = hour.plus(Duration.ofHours(1))) {
            records.addAll(hour(hour));
        }
        return List.of(new FeedBatch("social-listening-hourly", "so-khcn", records));
    }

    private List<Map<String, Object>> hour(Instant hour) {
        long index = hour.getEpochSecond() / 3600;
        int localHour = hour.atZone(Calendar.VIETNAM).getHour();
        long day = hour.atZone(Calendar.VIETNAM).toLocalDate().toEpochDay();
        boolean storm = noise.uniform("online/storm", day) < 0.1
                && Math.abs(localHour - (10 + (int) (noise.uniform("online/storm-hour", day) * 10))) < 2;
        double diurnal = 0.1
                + Math.exp(-Math.pow((localHour - 20.5) / 3.5, 2))
                + 0.6 * Math.exp(-Math.pow((localHour - 12) / 2.5, 2));
        double total = 260 * diurnal * (1 + 0.15 * noise.smooth("online/level", index / 6.0));
        List<Map<String, Object>> records = new ArrayList<>();
        long allMentions = 0;
        double allNegative = 0;
        double allPositive = 0;
        long allHits = 0;
        for (String channel : ORDER) {
            boolean stormy = storm && (channel.equals("facebook") || channel.equals("tiktok"));
            long mentions = noise.poisson(total * CHANNELS.get(channel) * (stormy ? 3 : 1), "online/" + channel, index);
            double negative = stormy
                    ? 35 + 20 * noise.uniform("online/neg/" + channel, index)
                    : Math.max(2, 10 + 3 * noise.gaussian("online/neg/" + channel, index));
            double positive =
                    Math.max(5, Math.min(100 - negative, 38 + 6 * noise.gaussian("online/pos/" + channel, index)));
            long hits = noise.poisson(mentions * (stormy ? 0.1 : 0.02), "online/hits/" + channel, index);
            records.add(record(hour, channel, mentions, positive, negative, hits, storm ? 2 : index));
            allMentions += mentions;
            allNegative += mentions * negative;
            allPositive += mentions * positive;
            allHits += hits;
        }
        double negativeAll = allMentions == 0 ? 0 : allNegative / allMentions;
        double positiveAll = allMentions == 0 ? 0 : allPositive / allMentions;
        records.add(0, record(hour, "all", allMentions, positiveAll, negativeAll, allHits, storm ? 2 : index));
        return records;
    }

    private static Map<String, Object> record(
            Instant hour, String channel, long mentions, double positive, double negative, long hits, long keyword) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("hour", Calendar.local(hour));
        r.put("channel", channel);
        r.put("mentions", mentions);
        r.put("positive_share", Math.round(positive * 10) / 10.0);
        r.put("negative_share", Math.round(negative * 10) / 10.0);
        r.put("watch_keyword_hits", hits);
        r.put("top_keyword", KEYWORDS.get((int) Math.floorMod(keyword, (long) KEYWORDS.size())));
        return r;
    }
}
