package vn.cantho.ioc.streams.rules.topology;

import java.time.Instant;
import java.util.SortedMap;
import vn.cantho.ioc.model.Scope;

/**
 * One input of one rule for one entity, as the rule processor receives it after repartitioning by
 * {@link #sourceId()}: every input topic is turned into these by {@link RuleRouter}. Internal to the
 * rules application (its repartition topic), not a public contract.
 *
 * @param ruleId   the rule it is for
 * @param sourceId what delivered it (device id, area code, indicator entity, feed id); the partition key,
 *                 so one task owns every alert of a source, its stale alert included
 * @param scope    what the entity is
 * @param entityId the entity the alert is about
 * @param areaCode area of the entity, when known
 * @param domain   IOC domain of the source (the device's, feed's or indicator's); null when unknown
 * @param labels   the alert's labels (identity and descriptive)
 * @param ts       event time of the record
 * @param value    the observation: a value, a measure computed from the record, or null (STALE, SLA)
 * @param since    SLA: when the item's clock started
 * @param closed   SLA: whether the awaited step has happened
 */
public record RuleSignal(
        String ruleId,
        String sourceId,
        Scope scope,
        String entityId,
        String areaCode,
        String domain,
        SortedMap<String, String> labels,
        Instant ts,
        Double value,
        Instant since,
        boolean closed) {

    public RuleSignal {
        labels = Labels.frozen(labels);
    }
}
