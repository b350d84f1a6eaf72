package vn.cantho.ioc.streams.aggregate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;
import vn.cantho.ioc.model.Reading;

/** Event time of a telemetry record is when the device measured, not when Kafka stored it. */
public final class ReadingTimestampExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof Reading reading && reading.ts() != null) {
            return reading.ts().toEpochMilli();
        }
        return record.timestamp();
    }
}
