package vn.cantho.ioc.model.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.model.Granularity;
import vn.cantho.ioc.model.Scope;

class IndicatorRegistryTest {

    @Test
    void built_in_registry_loads_and_defines_vn_aqi() {
        IndicatorRegistry registry = IndicatorRegistry.builtIn();

        IndicatorDefinition aqi = registry.require("vn_aqi_hourly");

        assertThat(aqi.domain()).isEqualTo(Domain.ENVIRONMENT);
        assertThat(aqi.granularity()).isEqualTo(Granularity.HOUR);
        assertThat(aqi.meetsTarget(80)).isTrue();
        assertThat(aqi.meetsTarget(151)).isFalse();
    }

    @Test
    void every_fault_of_a_registry_is_reported_at_once() {
        IndicatorDefinition noLabel = new IndicatorDefinition(
                "a",
                null,
                "%",
                Domain.GOVERNMENT,
                Scope.AGENCY,
                Granularity.DAY,
                Aggregation.RATIO,
                null,
                95.0,
                "dossiers-daily",
                null);
        IndicatorDefinition duplicate = new IndicatorDefinition(
                "a",
                "A",
                "%",
                Domain.GOVERNMENT,
                Scope.AGENCY,
                Granularity.DAY,
                Aggregation.RATIO,
                Polarity.HIGHER_IS_BETTER,
                95.0,
                "dossiers-daily",
                null);

        assertThatThrownBy(() -> new IndicatorRegistry(List.of(noLabel, duplicate)))
                .hasMessageContaining("indicator a: missing label")
                .hasMessageContaining("indicator a: a target needs a polarity")
                .hasMessageContaining("duplicate indicator id a");
    }
}
