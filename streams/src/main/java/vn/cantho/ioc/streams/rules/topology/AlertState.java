package vn.cantho.ioc.streams.rules.topology;

import java.time.Instant;
import java.util.SortedMap;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.streams.rules.ConditionState;
import vn.cantho.ioc.streams.rules.measure.SpikeBaseline;

/**
 * Everything the rule processor keeps per alert key in its state store: the condition machine's
 * state, what the alert is about (for events raised by the clock alone), and the memory of its kind.
 *
 * @param ruleId       the rule
 * @param sourceId     the source whose records feed it (device id, area code, indicator entity, feed id)
 * @param scope        what the entity is
 * @param entityId     the entity
 * @param areaCode     area of the entity, when known
 * @param domain       IOC domain of the source; null when unknown (the rule's domain applies)
 * @param labels       labels of the latest signal
 * @param condition    the condition machine's state
 * @param origin       Kafka timestamp of the record that created this state: with {@code sequence} it makes
 *                     each event's id deterministic, and distinct from a deleted earlier state's events
 * @param sequence     events published so far; the next event's number
 * @param noDataHidden a NO_DATA was held back because the source was stale, so its DATA_RETURNED is too
 * @param baseline     SPIKE: the baseline; otherwise null
 * @param since        SLA: when the item's clock started; otherwise null
 * @param closed       SLA, MATCH: the item needs nothing more (acknowledged, resolved, or not matching)
 * @param lastRecord   STALE: event time of the source's newest record; otherwise null
 * @param heldSince    when the open episode was opened on late data and published as held (history,
 *                     see {@link AlertEvaluator#LATE}); null when no held episode is open
 */
public record AlertState(
        String ruleId,
        String sourceId,
        Scope scope,
        String entityId,
        String areaCode,
        String domain,
        SortedMap<String, String> labels,
        ConditionState condition,
        Instant origin,
        long sequence,
        boolean noDataHidden,
        SpikeBaseline baseline,
        Instant since,
        boolean closed,
        Instant lastRecord,
        Instant heldSince) {

    public AlertState {
        labels = Labels.frozen(labels);
    }

    static AlertState first(RuleSignal s, Instant origin) {
        return new AlertState(
                s.ruleId(),
                s.sourceId(),
                s.scope(),
                s.entityId(),
                s.areaCode(),
                s.domain(),
                s.labels(),
                ConditionState.initial(),
                origin,
                0,
                false,
                null,
                null,
                false,
                null,
                null);
    }

    AlertState with(ConditionState next, long nextSequence, boolean hidden, Instant nextHeldSince) {
        return new AlertState(
                ruleId,
                sourceId,
                scope,
                entityId,
                areaCode,
                domain,
                labels,
                next,
                origin,
                nextSequence,
                hidden,
                baseline,
                since,
                closed,
                lastRecord,
                nextHeldSince);
    }

    /** This state updated with what a new signal says about the alert. */
    AlertState seen(RuleSignal s, SpikeBaseline nextBaseline, Instant nextLastRecord) {
        return new AlertState(
                ruleId,
                sourceId,
                scope,
                entityId,
                s.areaCode() != null ? s.areaCode() : areaCode,
                s.domain() != null ? s.domain() : domain,
                s.labels(),
                condition,
                origin,
                sequence,
                noDataHidden,
                nextBaseline,
                s.since(),
                s.closed(),
                nextLastRecord,
                heldSince);
    }
}
