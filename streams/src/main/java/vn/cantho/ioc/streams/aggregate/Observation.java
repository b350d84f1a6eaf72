package vn.cantho.ioc.streams.aggregate;

import java.time.Instant;
import vn.cantho.ioc.model.Scope;

/**
 * One metric value of one reading, addressed to one aggregate: a reading of two metrics becomes
 * four observations (each metric for its device and for its area). Internal to the topology.
 */
public record Observation(Scope scope, String entityId, String metric, String domain, String areaCode, double value,
                          Instant ts) {

    /** Grouping key: one aggregate series per scope, entity and metric. */
    public String seriesKey() {
        return scope.id() + '|' + entityId + '|' + metric;
    }
}
