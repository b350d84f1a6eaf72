package vn.cantho.ioc.streams.aggregate;

import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import vn.cantho.ioc.model.Reading;

/**
 * Drops a reading already seen: same device, same measurement time, same values. MQTT QoS 1 is at
 * least once: when the ingest bridge dies after Kafka stored a reading but before the broker got its
 * acknowledgement, the broker delivers it again and ingest forwards it a second time. The pair is
 * recognised within {@code window} of event time; readings without a device timestamp carry their
 * receive time, which differs on redelivery, so only timestamped readings are protected. The store's
 * retention (set where the topology defines it) bounds how long a reading is remembered.
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
        String identity = identity(reading);
        try (WindowStoreIterator<Long> earlier = seen.fetch(identity, ts, ts)) {
            if (earlier.hasNext()) {
                return;
            }
        }
        seen.put(identity, ts, ts);
        context.forward(record);
    }

    /** Device, time and values (in a stable order), so two messages of different metrics at one instant both count. */
    static String identity(Reading reading) {
        Map<String, Double> sorted = new TreeMap<>(reading.values());
        return reading.deviceId() + '|' + reading.ts().toEpochMilli() + '|' + sorted;
    }
}
