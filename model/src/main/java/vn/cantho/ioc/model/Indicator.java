package vn.cantho.ioc.model;

import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * One value of a derived indicator for one period: VN_AQI of a station for an hour, the flood alert
 * level of a gauge, a department KPI (on-time rate of an agency for a day, arrivals of a month vs
 * last year). Every indicator id is defined in
 * {@link vn.cantho.ioc.model.registry.IndicatorRegistry} (unit, aggregation, target, direction).
 * Value of {@link vn.cantho.ioc.model.kafka.Topics#INDICATORS}, keyed by {@link #key()}; a newer
 * version with the same key replaces the older one (the topic is compacted, the sink upserts).
 *
 * @param schemaVersion contract version ({@link #SCHEMA_VERSION})
 * @param indicator     indicator id from the indicator registry, e.g. {@code vn_aqi_hourly}
 * @param scope         what the value is about
 * @param entityId      device id, area code, agency code or {@code can-tho} for {@link Scope#CITY}
 * @param domain        IOC domain id
 * @param areaCode      area of the entity when it has one, else null
 * @param granularity   length of the period
 * @param periodStart   start of the period (inclusive), or the instant for {@link Granularity#INSTANT}
 * @param periodEnd     end of the period (exclusive); equal to the start for {@link Granularity#INSTANT}
 * @param value         the indicator's value, finite
 * @param labels        identity labels that split one entity's values (e.g. {@code category} of 1022
 *                      reports, {@code channel} of online mentions); part of the key; often empty
 * @param attributes    descriptive facts that do not split values (AQI category and colour, dominant
 *                      pollutant, target, the value of the same period last year); not part of the key
 * @param computedAt    when the stream processor produced this version (event time of its trigger)
 */
public record Indicator(
        int schemaVersion,
        String indicator,
        Scope scope,
        String entityId,
        String domain,
        String areaCode,
        Granularity granularity,
        Instant periodStart,
        Instant periodEnd,
        double value,
        SortedMap<String, String> labels,
        Map<String, String> attributes,
        Instant computedAt) {

    public static final int SCHEMA_VERSION = 1;

    public Indicator {
        labels = labels == null ? new TreeMap<>() : new TreeMap<>(labels);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** Labels as one canonical string ({@code k=v&k=v}, sorted), the form stored in the database key. */
    public String labelsKey() {
        StringJoiner joined = new StringJoiner("&");
        labels.forEach((k, v) -> joined.add(k + "=" + v));
        return joined.toString();
    }

    /** Identity of the value: indicator, scope, entity, labels, granularity and period start. */
    public String key() {
        return indicator
                + '|'
                + scope.id()
                + '|'
                + entityId
                + '|'
                + labelsKey()
                + '|'
                + granularity.id()
                + '|'
                + periodStart.toEpochMilli();
    }
}
