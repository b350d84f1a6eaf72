package vn.cantho.ioc.streams.aqi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PollutantTest {

    @Test
    void pollutants_are_found_by_the_hubs_metric_ids() {
        assertThat(Pollutant.values())
                .extracting(Pollutant::metricId)
                .containsExactly("pm25", "pm10", "o3", "co", "no2", "so2");
        assertThat(Pollutant.fromMetricId("no2")).contains(Pollutant.NO2);
        assertThat(Pollutant.fromMetricId("temperature")).isEmpty();
    }

    @Test
    void only_pm25_and_pm10_are_particulate_and_every_unit_is_micrograms_per_cubic_metre() {
        assertThat(Pollutant.values())
                .filteredOn(Pollutant::isParticulate)
                .containsExactly(Pollutant.PM25, Pollutant.PM10);
        assertThat(Pollutant.values()).extracting(Pollutant::unit).containsOnly("µg/m³");
    }
}
