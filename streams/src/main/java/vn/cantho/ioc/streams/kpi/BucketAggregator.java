package vn.cantho.ioc.streams.kpi;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.cantho.ioc.model.Indicator;

/**
 * Second stage of the KPI topology, per cell: adds each change to the cell's sums and forwards the
 * cell's KPI values, keyed by {@link Indicator#key()}. One change in, one new version of each of the
 * cell's KPIs out — never an intermediate value between subtracting and adding.
 */
final class BucketAggregator implements Processor<String, BucketDelta, String, Indicator> {

    private final KpiCatalog catalog;
    private final String storeName;
    private ProcessorContext<String, Indicator> context;
    private KeyValueStore<String, BucketState> cells;

    BucketAggregator(KpiCatalog catalog, String storeName) {
        this.catalog = catalog;
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<String, Indicator> context) {
        this.context = context;
        this.cells = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, BucketDelta> record) {
        BucketDelta delta = record.value();
        if (delta == null) {
            return;
        }
        BucketState before = cells.get(record.key());
        BucketState after = (before == null ? BucketState.empty(delta.bucket()) : before).apply(delta);
        if (after.isEmpty()) {
            cells.delete(record.key());
        } else {
            cells.put(record.key(), after);
        }
        for (Indicator indicator : catalog.indicators(after)) {
            context.forward(record.withKey(indicator.key()).withValue(indicator));
        }
    }
}
