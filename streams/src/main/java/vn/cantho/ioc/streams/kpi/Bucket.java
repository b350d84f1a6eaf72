package vn.cantho.ioc.streams.kpi;

import java.time.Instant;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;
import vn.cantho.ioc.model.Granularity;
import vn.cantho.ioc.model.Scope;

/**
 * One aggregation cell of the KPI topology: the feed records of one family (e.g. the dossiers of one
 * agency on one day) are summed into it, and the KPIs of the family are computed from its sums.
 *
 * @param family      which {@link KpiFamily} owns the cell and computes its KPIs
 * @param scope       what the cell is about
 * @param entityId    agency code, area code or {@link Periods#CITY}
 * @param areaCode    the area of the entity when it has one
 * @param labels      identity labels copied to the KPIs (category, channel, severity); often empty
 * @param granularity the period length
 * @param periodStart start of the period; {@link Instant#EPOCH} for {@link Granularity#INSTANT} cells,
 *                    whose values are stamped with the time of each change
 * @param periodEnd   end of the period (exclusive)
 */
public record Bucket(
        String family,
        Scope scope,
        String entityId,
        String areaCode,
        SortedMap<String, String> labels,
        Granularity granularity,
        Instant periodStart,
        Instant periodEnd) {

    public Bucket {
        labels = labels == null ? new TreeMap<>() : new TreeMap<>(labels);
    }

    /** The cell of the period of {@code granularity} that contains {@code at}. */
    static Bucket period(
            String family,
            Scope scope,
            String entityId,
            String areaCode,
            SortedMap<String, String> labels,
            Granularity granularity,
            Instant at) {
        Instant start = Periods.start(granularity, at);
        return new Bucket(
                family, scope, entityId, areaCode, labels, granularity, start, Periods.end(granularity, start));
    }

    /** A cell without a period, whose values are stamped with the time of each change (a backlog). */
    static Bucket instant(
            String family, Scope scope, String entityId, String areaCode, SortedMap<String, String> labels) {
        return new Bucket(family, scope, entityId, areaCode, labels, Granularity.INSTANT, Instant.EPOCH, Instant.EPOCH);
    }

    static SortedMap<String, String> label(String name, String value) {
        return new TreeMap<>(java.util.Map.of(name, value));
    }

    /** The cell's identity and Kafka key; every version of a cell goes to one partition. */
    public String key() {
        StringJoiner joined = new StringJoiner("&");
        labels.forEach((k, v) -> joined.add(k + "=" + v));
        return family
                + '|'
                + scope.id()
                + '|'
                + entityId
                + '|'
                + joined
                + '|'
                + granularity.id()
                + '|'
                + periodStart.toEpochMilli();
    }
}
