package vn.cantho.ioc.api.aggregate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vn.cantho.ioc.api.FakePages;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.store.AggregateCursor;
import vn.cantho.ioc.store.AggregatePage;
import vn.cantho.ioc.store.AggregateQuery;
import vn.cantho.ioc.store.AggregateRow;
import vn.cantho.ioc.store.AggregateTier;

/**
 * Aggregates in memory, answered as the store answers them: filtered by the query's metric, tier, scope, entity,
 * area and bucket range, ordered by bucket, scope and entity, paged with the store's cursor. Remembers the last
 * query, so tests see what the routes asked for.
 */
final class FakeAggregates implements AggregateBackend {

    private record Stored(AggregateTier tier, AggregateRow row) {}

    private final List<Stored> rows = new ArrayList<>();
    private AggregateQuery lastQuery;

    /** Stores a one-minute PM2.5 row of {@code device} in {@code area} for the minute starting at {@code bucket}. */
    FakeAggregates pm25(AggregateTier tier, String device, String area, Instant bucket, double value) {
        rows.add(new Stored(
                tier,
                new AggregateRow(
                        Scope.DEVICE,
                        device,
                        "pm25",
                        "environment",
                        area,
                        bucket,
                        bucket.plus(Duration.ofMinutes(1)),
                        1,
                        value,
                        value,
                        value,
                        value,
                        value,
                        bucket)));
        return this;
    }

    AggregateQuery lastQuery() {
        return lastQuery;
    }

    @Override
    public AggregatePage find(AggregateQuery query) {
        lastQuery = query;
        List<AggregateRow> matching = rows.stream()
                .filter(s -> s.tier() == query.tier())
                .map(Stored::row)
                .filter(r -> r.metric().equals(query.metric()))
                .filter(r -> query.scope() == null || r.scope() == query.scope())
                .filter(r -> query.entityId() == null || r.entityId().equals(query.entityId()))
                .filter(r -> query.areaCode() == null || query.areaCode().equals(r.areaCode()))
                .filter(r -> query.from() == null || !r.bucket().isBefore(query.from()))
                .filter(r -> query.to() == null || r.bucket().isBefore(query.to()))
                .sorted(Comparator.comparing(AggregateRow::bucket)
                        .thenComparing(AggregateRow::scope)
                        .thenComparing(AggregateRow::entityId))
                .toList();
        FakePages.Page<AggregateRow> page = FakePages.page(
                matching,
                r -> new AggregateCursor(r.bucket(), r.scope(), r.entityId()),
                AggregateCursor::encode,
                query.after(),
                query.limit());
        return new AggregatePage(page.items(), page.nextCursor());
    }
}
