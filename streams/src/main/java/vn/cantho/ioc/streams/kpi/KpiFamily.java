package vn.cantho.ioc.streams.kpi;

import java.util.List;
import java.util.Set;
import vn.cantho.ioc.model.FeedRecord;
import vn.cantho.ioc.model.Indicator;

/**
 * The KPIs computed from one kind of department feed: how a record contributes to aggregation cells
 * ({@link Bucket}s) and how a cell's sums become {@link Indicator} values.
 */
interface KpiFamily {

    /** Ids of the feeds whose records this family reads. */
    Set<String> feeds();

    /** The {@link Bucket#family()} ids of the cells this family creates. */
    Set<String> bucketFamilies();

    /** What one record version adds to which cells; empty when the record contributes nothing. */
    List<Contribution> contributions(FeedRecord record);

    /** The KPI values of a cell after a change; a ratio with nothing to divide by is left out. */
    List<Indicator> indicators(BucketState state, IndicatorFactory factory);
}
