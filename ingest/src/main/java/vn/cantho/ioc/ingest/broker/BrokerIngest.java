package vn.cantho.ioc.ingest.broker;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.ingest.MqttIngest;
import vn.cantho.ioc.ingest.journal.IngestJournal;
import vn.cantho.ioc.ingest.journal.JournalForwarder;
import vn.cantho.ioc.ingest.mqtt.IngestStats;
import vn.cantho.ioc.ingest.mqtt.TelemetryForwarder;
import vn.cantho.ioc.model.metrics.StageMeters;

/**
 * MQTT ingest inside the hub's embedded broker: a HiveMQ extension whose interceptor writes each device's
 * telemetry to the local ingest journal before the broker acknowledges it ({@link TelemetryInterceptor}),
 * and a {@link JournalForwarder} that moves the journal into Kafka. Compared with a bridge subscribed to the
 * broker, nothing acknowledged waits in the broker's in-memory queues, so a killed hub cannot take
 * acknowledged messages with it, and there is no window after a start in which the broker acknowledges
 * messages no subscriber takes: HiveMQ starts its extensions before it opens its listeners.
 *
 * <p>Life: {@link #start()} (forwarding what an earlier run left in the journal), then give this object to the
 * embedded broker as its extension; close it after the broker has stopped: it forwards what is left (bounded),
 * checkpoints, and closes the producer and the journal.
 */
public final class BrokerIngest implements ExtensionMain, MqttIngest {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerIngest.class);
    private static final Duration PRODUCER_CLOSE = Duration.ofSeconds(15);
    private static final Duration DRAIN = Duration.ofSeconds(15);

    private final IngestJournal journal;
    private final TelemetryForwarder forwarder;
    private final Producer<byte[], byte[]> producer;
    private final JournalForwarder journalForwarder;
    private final Clock clock;
    private volatile boolean inBroker;
    private Gauge backlogGauge;

    /**
     * @param journal   where accepted messages are written before they are acknowledged; closed by {@link #close()}
     * @param forwarder turns messages into Kafka records; writes through {@code producer}
     * @param producer  closed by {@link #close()}
     */
    public BrokerIngest(
            IngestJournal journal, TelemetryForwarder forwarder, Producer<byte[], byte[]> producer, Clock clock) {
        this.journal = journal;
        this.forwarder = forwarder;
        this.producer = producer;
        this.clock = clock;
        this.journalForwarder = new JournalForwarder(journal, forwarder, DRAIN);
    }

    /** Starts moving the journal into Kafka, beginning with what an earlier run accepted and did not confirm. */
    @Override
    public void start() {
        journalForwarder.start();
        backlogGauge = Gauge.builder(
                        StageMeters.INGEST_JOURNAL_BACKLOG, journalForwarder, JournalForwarder::backlogBytes)
                .baseUnit("bytes")
                .register(Metrics.globalRegistry);
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        TelemetryInterceptor interceptor = new TelemetryInterceptor(journal, clock);
        Services.initializerRegistry()
                .setClientInitializer(
                        (initializerInput, clientContext) -> clientContext.addPublishInboundInterceptor(interceptor));
        inBroker = true;
        LOG.info("MQTT ingest runs inside the broker: telemetry is journalled before it is acknowledged");
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        inBroker = false;
    }

    @Override
    public IngestStats stats() {
        return forwarder.stats();
    }

    /** Bytes accepted from devices and not yet confirmed in Kafka. */
    public long backlogBytes() {
        return journalForwarder.backlogBytes();
    }

    @Override
    public Status check() {
        if (!inBroker) {
            return Status.down("not running inside the MQTT broker");
        }
        Status journalStatus = journalForwarder.check();
        IngestStats stats = forwarder.stats();
        String detail = "in broker: received " + stats.received() + ", forwarded " + stats.forwarded() + " ("
                + stats.readingsForwarded() + " readings), dead-lettered " + stats.deadLetteredTotal()
                + ", send failures " + stats.sendFailures() + "; " + journalStatus.detail();
        return journalStatus.up() ? Status.up(detail) : Status.down(detail);
    }

    @Override
    public void close() {
        if (backlogGauge != null) {
            Metrics.globalRegistry.remove(backlogGauge);
        }
        journalForwarder.close();
        producer.close(PRODUCER_CLOSE);
        try {
            journal.close();
        } catch (IOException e) {
            LOG.warn("could not close the ingest journal cleanly: {}", e.toString());
        }
    }
}
