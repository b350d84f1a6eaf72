package vn.cantho.ioc.ingest;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import vn.cantho.ioc.ingest.broker.BrokerIngest;
import vn.cantho.ioc.ingest.journal.IngestJournal;
import vn.cantho.ioc.ingest.mqtt.IngestStats;
import vn.cantho.ioc.ingest.mqtt.MqttKafkaBridge;
import vn.cantho.ioc.ingest.mqtt.ReadingParser;
import vn.cantho.ioc.ingest.mqtt.TelemetryForwarder;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.stage.Part;

/**
 * The MQTT ingest stage, whichever way it reaches the sensors: inside the hub's embedded broker
 * ({@link #insideBroker}: journalled on local disk before the device's acknowledgement, then moved to Kafka) or
 * as a bridge subscribed to an external broker ({@link #bridge}: acknowledged to the broker once in Kafka).
 */
public interface MqttIngest extends Part {

    /** Size at which the ingest journal begins a new segment (and can delete confirmed ones). */
    long JOURNAL_SEGMENT_BYTES = 64L * 1024 * 1024;

    /** Counters of received, forwarded and dead-lettered messages. */
    IngestStats stats();

    /**
     * Ingest for the embedded broker, journalling accepted messages under {@code journalDir}: call
     * {@code start()}, hand the result to the broker as its extension, and close it after the broker has stopped.
     */
    static BrokerIngest insideBroker(
            MqttIngestOptions options, Supplier<DeviceRegistry> registry, String kafkaBootstrap, Path journalDir) {
        Producer<byte[], byte[]> producer = IngestProducer.create(kafkaBootstrap, options.clientId());
        IngestJournal journal = IngestJournal.open(journalDir, JOURNAL_SEGMENT_BYTES, options.maxPayloadBytes());
        return new BrokerIngest(journal, forwarder(options, registry, producer), producer, Clock.systemUTC());
    }

    /** Ingest as a bridge subscribed to the external broker at {@code brokerUrl}; call {@code start()}. */
    static MqttKafkaBridge bridge(
            MqttIngestOptions options, String brokerUrl, Supplier<DeviceRegistry> registry, String kafkaBootstrap) {
        return new MqttKafkaBridge(
                options.bridge(brokerUrl),
                new ReadingParser(registry, options.maxAge(), options.maxFuture()),
                IngestProducer.create(kafkaBootstrap, options.clientId()),
                Clock.systemUTC());
    }

    private static TelemetryForwarder forwarder(
            MqttIngestOptions options, Supplier<DeviceRegistry> registry, Producer<byte[], byte[]> producer) {
        return new TelemetryForwarder(
                new ReadingParser(registry, options.maxAge(), options.maxFuture()),
                producer,
                options.maxPayloadBytes(),
                Clock.systemUTC());
    }
}
