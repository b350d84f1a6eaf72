package vn.cantho.ioc.streams.aggregate;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import vn.cantho.ioc.model.Reading;

/**
 * The deduplication the aggregation and the indicators each ran before they shared the device windows' (issue 11),
 * kept for the legacy reference topologies of the equivalence tests: drops a reading already seen (same device, time
 * and values) within the window store's retention, judged on the partition's stream time.
 */
public final class ReadingDeduplicator implements FixedKeyProcessor<String, Reading, Reading> {

    private final String storeName;
    private WindowStore<String, Long> seen;
    private FixedKeyProcessorContext<String, Reading> context;

    public ReadingDeduplicator(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Reading> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, Reading> record) {
        Reading reading = record.value();
        long ts = reading.ts().toEpochMilli();
        String identity = WindowKeys.identity(reading);
        try (WindowStoreIterator<Long> earlier = seen.fetch(identity, ts, ts)) {
            if (earlier.hasNext()) {
                return;
            }
        }
        seen.put(identity, ts, ts);
        context.forward(record);
    }
}
