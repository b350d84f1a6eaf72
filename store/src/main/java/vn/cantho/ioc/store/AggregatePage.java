package vn.cantho.ioc.store;

import java.util.List;

/**
 * One page of aggregates, ordered by bucket, then scope, then entity id.
 *
 * @param nextCursor pass to the next query to continue; {@code null} when this is the last page
 */
public record AggregatePage(List<AggregateRow> items, String nextCursor) {

    public AggregatePage {
        items = List.copyOf(items);
    }
}
