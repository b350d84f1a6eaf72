package vn.cantho.ioc.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class VisitorModelTest {

    private final VisitorModel model = new VisitorModel(new Noise(5));

    @Test
    void the_cai_rang_floating_market_is_busiest_at_dawn_and_empty_in_the_afternoon() {
        assertThat(busiestHour("vc-cho-noi-cai-rang", "2026-03-10")).isBetween(5.0, 8.0);
        assertThat(model.rate("vc-cho-noi-cai-rang", Local.at("2026-03-10T06:30")))
                .isGreaterThan(10 * model.rate("vc-cho-noi-cai-rang", Local.at("2026-03-10T15:00")));
    }

    @Test
    void ninh_kieu_wharf_is_busiest_in_the_evening() {
        assertThat(busiestHour("vc-ben-ninh-kieu", "2026-03-10")).isBetween(18.0, 21.5);
    }

    @Test
    void daytime_sites_are_quiet_at_night() {
        for (String site :
                List.of("vc-nha-co-binh-thuy", "vc-truc-lam-phuong-nam", "vc-my-khanh", "vc-vuon-co-bang-lang")) {
            double hour = busiestHour(site, "2026-03-10");
            assertThat(hour).as(site).isBetween(7.0, 18.0);
            assertThat(model.rate(site, Local.at("2026-03-10T02:00"))).as(site).isLessThan(0.1);
        }
    }

    @Test
    void weekends_bring_more_visitors() {
        // 2026-03-10 is a Tuesday, 2026-03-14 a Saturday.
        for (String site :
                List.of("vc-cho-noi-cai-rang", "vc-ben-ninh-kieu", "vc-truc-lam-phuong-nam", "vc-my-khanh")) {
            assertThat(daily(site, "2026-03-14")).as(site).isGreaterThan(1.3 * daily(site, "2026-03-10"));
        }
    }

    private double busiestHour(String site, String date) {
        double best = -1;
        double bestHour = -1;
        for (int minute = 0; minute < 24 * 60; minute += 10) {
            Instant at = Local.at(date + "T00:00").plusSeconds(minute * 60L);
            double rate = model.rate(site, at);
            if (rate > best) {
                best = rate;
                bestHour = minute / 60.0;
            }
        }
        return bestHour;
    }

    private double daily(String site, String date) {
        double sum = 0;
        for (int minute = 0; minute < 24 * 60; minute += 10) {
            sum += model.rate(site, Local.at(date + "T00:00").plusSeconds(minute * 60L));
        }
        return sum;
    }
}
