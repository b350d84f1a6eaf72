package vn.cantho.ioc.streams.indicator;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import vn.cantho.ioc.model.Indicator;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.model.registry.IndicatorDefinition;

/**
 * Makes {@link Indicator} records of one registered indicator for one device: scope, domain and granularity
 * come from the indicator's definition, so code and {@code indicators.json} cannot disagree.
 */
final class IndicatorFactory {

    /** Attribute that is {@code true} while the period has not yet ended in the station's event time. */
    static final String PROVISIONAL = "provisional";

    private final IndicatorDefinition definition;

    IndicatorFactory(IndicatorDefinition definition) {
        this.definition = definition;
    }

    Indicator of(
            Device device,
            Instant periodStart,
            Instant periodEnd,
            double value,
            Map<String, String> attributes,
            Instant computedAt) {
        Map<String, String> withProvisional = new TreeMap<>(attributes);
        withProvisional.put(PROVISIONAL, Boolean.toString(computedAt.isBefore(periodEnd)));
        return new Indicator(
                Indicator.SCHEMA_VERSION,
                definition.id(),
                definition.scope(),
                device.id(),
                definition.domain().id(),
                device.areaCode(),
                definition.granularity(),
                periodStart,
                periodEnd,
                value,
                null,
                withProvisional,
                computedAt);
    }
}
