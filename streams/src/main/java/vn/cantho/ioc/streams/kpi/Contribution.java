package vn.cantho.ioc.streams.kpi;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one version of one feed record adds to one slot of one {@link Bucket}: named sums (e.g.
 * {@code resolved=12, on_time=11}) plus {@value #RECORDS}{@code =1}, so a cell whose records report
 * zeros still exists. A slot separates parts of a cell that are computed differently, e.g. this
 * year's and last year's figure of the same month; most cells use the slot {@code ""}.
 */
public record Contribution(Bucket bucket, String slot, Map<String, Double> sums) {

    /** The sum every contribution carries: how many record versions are in the slot. */
    public static final String RECORDS = "records";

    public Contribution {
        sums = new TreeMap<>(sums);
    }

    /** A contribution of one record to {@code slot}, counting the record in {@value #RECORDS}. */
    public static Contribution of(Bucket bucket, String slot, Map<String, Double> sums) {
        Map<String, Double> withRecord = new TreeMap<>(sums);
        withRecord.put(RECORDS, 1.0);
        return new Contribution(bucket, slot, withRecord);
    }

    public static Contribution of(Bucket bucket, Map<String, Double> sums) {
        return of(bucket, "", sums);
    }
}
