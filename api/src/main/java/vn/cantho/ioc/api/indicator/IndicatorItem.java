package vn.cantho.ioc.api.indicator;

import java.time.Instant;
import java.util.Map;
import vn.cantho.ioc.model.Indicator;
import vn.cantho.ioc.model.registry.IndicatorDefinition;

/** One indicator value as {@code GET /api/v1/indicators} shows it, with the unit from the indicator registry. */
public record IndicatorItem(
        String indicator,
        String unit,
        String scope,
        String entityId,
        String domain,
        String areaCode,
        String granularity,
        Instant periodStart,
        Instant periodEnd,
        double value,
        Map<String, String> labels,
        Map<String, String> attributes,
        Instant computedAt) {

    static IndicatorItem of(Indicator row, IndicatorDefinition definition) {
        return new IndicatorItem(
                row.indicator(),
                definition == null ? null : definition.unit(),
                row.scope().id(),
                row.entityId(),
                row.domain(),
                row.areaCode(),
                row.granularity().id(),
                row.periodStart(),
                row.periodEnd(),
                row.value(),
                row.labels(),
                row.attributes(),
                row.computedAt());
    }
}
