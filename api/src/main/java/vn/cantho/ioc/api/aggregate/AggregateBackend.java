package vn.cantho.ioc.api.aggregate;

import vn.cantho.ioc.store.AggregatePage;
import vn.cantho.ioc.store.AggregateQueries;
import vn.cantho.ioc.store.AggregateQuery;

/**
 * What the aggregate routes need from storage: one page of a tier's aggregates. Owned by the API so its routes
 * can be tested with an in-memory fake; production reads PostgreSQL through {@link AggregateQueries}.
 */
@FunctionalInterface
public interface AggregateBackend {

    /** One page of {@code query}'s aggregates, oldest first, with the cursor of the next page (null on the last). */
    AggregatePage find(AggregateQuery query);

    /** The stored aggregates. */
    static AggregateBackend of(AggregateQueries queries) {
        return queries::find;
    }
}
