package vn.cantho.ioc.simulator.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DepartmentFeedsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T03:30:00Z");
    private static final Duration HISTORY = Duration.ofDays(14);

    @Test
    void the_same_seed_gives_the_same_records_and_another_seed_other_ones() {
        assertThat(new DepartmentFeeds(7).batches(NOW, HISTORY))
                .isEqualTo(new DepartmentFeeds(7).batches(NOW, HISTORY));
        assertThat(new DepartmentFeeds(8).batches(NOW, HISTORY))
                .isNotEqualTo(new DepartmentFeeds(7).batches(NOW, HISTORY));
    }

    @Test
    void periodic_reports_do_not_change_when_pushed_again_later() {
        List<Map<String, Object>> earlier = batch(new DepartmentFeeds(7).batches(NOW, HISTORY), "dossiers-daily");
        List<Map<String, Object>> later =
                batch(new DepartmentFeeds(7).batches(NOW.plus(Duration.ofDays(1)), HISTORY), "dossiers-daily");

        assertThat(later).containsAll(earlier.subList(earlier.size() / 2, earlier.size()));
    }

    @Test
    void monthly_releases_come_out_on_the_sixth_of_the_next_month_with_last_years_months() {
        List<Map<String, Object>> before = batch(
                new DepartmentFeeds(7).batches(Instant.parse("2026-11-04T03:00:00Z"), HISTORY), "tourism-monthly");
        List<Map<String, Object>> after = batch(
                new DepartmentFeeds(7).batches(Instant.parse("2026-11-06T03:00:00Z"), HISTORY), "tourism-monthly");

        assertThat(before.get(before.size() - 1).get("period")).isEqualTo("2026-09-01");
        assertThat(after.get(after.size() - 1).get("period")).isEqualTo("2026-10-01");
        assertThat(after)
                .extracting(r -> r.get("period"))
                .contains("2025-10-01")
                .hasSize(TourismFeeds.MONTHS);
    }

    @Test
    void most_1022_reports_are_acknowledged_within_two_hours_but_some_breach_it() {
        List<Map<String, Object>> reports = batch(new DepartmentFeeds(7).batches(NOW, HISTORY), "hotline-1022-reports");
        List<Map<String, Object>> acknowledged =
                reports.stream().filter(r -> r.containsKey("acknowledged_at")).toList();
        long inTime = acknowledged.stream()
                .filter(r ->
                        !at(r, "acknowledged_at").isAfter(at(r, "received_at").plus(Duration.ofHours(2))))
                .count();

        assertThat(reports.size()).isBetween(14 * 50, 15 * 110);
        assertThat((double) inTime / acknowledged.size()).isBetween(0.85, 0.97);
        assertThat(reports)
                .anyMatch(r -> "resolved".equals(r.get("status")))
                .anyMatch(r -> "received".equals(r.get("status")))
                .anyMatch(r -> !r.containsKey("area_code"));
        assertThat(reports).allMatch(r -> !at(r, "received_at").isAfter(NOW));
    }

    @Test
    void every_department_feed_is_simulated() {
        assertThat(new DepartmentFeeds(1).batches(NOW, HISTORY))
                .extracting(FeedBatch::feed)
                .containsExactlyInAnyOrder(
                        "socioeconomic-monthly",
                        "socioeconomic-quarterly",
                        "dossiers-daily",
                        "hotline-1022-reports",
                        "social-listening-hourly",
                        "soc-daily",
                        "soc-incidents",
                        "tourism-monthly",
                        "hotel-occupancy-daily",
                        "traffic-safety-daily");
        assertThat(new DepartmentFeeds(1).batches(NOW, HISTORY))
                .allMatch(b -> !b.records().isEmpty());
    }

    private static Instant at(Map<String, Object> record, String field) {
        return OffsetDateTime.parse(String.valueOf(record.get(field))).toInstant();
    }

    private static List<Map<String, Object>> batch(List<FeedBatch> batches, String feed) {
        return batches.stream()
                .filter(b -> b.feed().equals(feed))
                .findFirst()
                .orElseThrow()
                .records();
    }
}
