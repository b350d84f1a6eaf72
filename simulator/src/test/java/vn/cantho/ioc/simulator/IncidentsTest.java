package vn.cantho.ioc.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentsTest {

    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant TO = FROM.plus(Duration.ofDays(100));

    @Test
    void probability_zero_means_none() {
        Incidents none = new Incidents(new Noise(1), 0);

        assertThat(none.between(Incident.Kind.PM25_SPIKE, "aq-ninh-kieu-01", FROM, TO))
                .isEmpty();
        assertThat(none.at(Incident.Kind.RIVER_RISE, "wl-can-tho", FROM)).isEmpty();
    }

    @Test
    void probability_one_means_one_per_window_for_air_and_river() {
        Incidents all = new Incidents(new Noise(1), 1);

        assertThat(all.between(Incident.Kind.PM25_SPIKE, "aq-ninh-kieu-01", FROM, TO))
                .hasSize(100 * 12);
        assertThat(all.between(Incident.Kind.RIVER_RISE, "wl-can-tho", FROM, TO))
                .hasSize(100);
    }

    @Test
    void the_share_of_windows_with_an_incident_is_the_probability() {
        Incidents some = new Incidents(new Noise(7), 0.1);

        int spikes = some.between(Incident.Kind.PM25_SPIKE, "aq-cai-rang-01", FROM, TO)
                .size();
        assertThat(spikes / 1200.0).isBetween(0.07, 0.13);
    }

    @Test
    void incidents_stay_inside_their_window_with_the_documented_lengths() {
        Incidents all = new Incidents(new Noise(3), 1);
        for (Incident.Kind kind : Incident.Kind.values()) {
            for (Incident incident : all.between(kind, "dev-1", FROM, TO)) {
                long window = kind.window().toMillis();
                assertThat(Math.floorDiv(incident.start().toEpochMilli(), window))
                        .isEqualTo(Math.floorDiv(incident.end().toEpochMilli() - 1, window));
                Duration length = Duration.between(incident.start(), incident.end());
                switch (kind) {
                    case PM25_SPIKE -> assertThat(length).isBetween(Duration.ofMinutes(40), Duration.ofMinutes(110));
                    case TRAFFIC_JAM -> assertThat(length).isBetween(Duration.ofMinutes(20), Duration.ofMinutes(50));
                    case RIVER_RISE -> assertThat(length).isEqualTo(Duration.ofHours(17));
                }
                assertThat(incident.magnitude()).isBetween(0.0, 1.0);
                assertThat(all.at(kind, "dev-1", incident.start())).contains(incident);
                assertThat(all.at(kind, "dev-1", incident.end().minusMillis(1))).contains(incident);
            }
        }
    }

    @Test
    void traffic_jams_happen_at_rush_hour_rather_than_at_night() {
        Incidents jams = new Incidents(new Noise(5), 0.3);
        List<Incident> all = jams.between(Incident.Kind.TRAFFIC_JAM, "tc-30-thang-4", FROM, TO);
        long night = all.stream().filter(i -> CityTime.hour(i.start()) < 5).count();
        long rush = all.stream()
                .filter(i -> {
                    double h = CityTime.hour(i.start());
                    return (h >= 6.5 && h < 8) || (h >= 17 && h < 18.5);
                })
                .count();

        assertThat(rush).isGreaterThan(5 * Math.max(1, night));
    }

    @Test
    void the_schedule_depends_only_on_the_seed() {
        assertThat(new Incidents(new Noise(9), 0.2).between(Incident.Kind.TRAFFIC_JAM, "tc-1", FROM, TO))
                .isEqualTo(new Incidents(new Noise(9), 0.2).between(Incident.Kind.TRAFFIC_JAM, "tc-1", FROM, TO))
                .isNotEqualTo(new Incidents(new Noise(10), 0.2).between(Incident.Kind.TRAFFIC_JAM, "tc-1", FROM, TO));
    }

    @Test
    void probability_outside_0_to_1_is_refused() {
        assertThatThrownBy(() -> new Incidents(new Noise(1), 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Incidents(new Noise(1), Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
