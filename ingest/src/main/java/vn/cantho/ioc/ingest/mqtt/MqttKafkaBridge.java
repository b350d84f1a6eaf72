package vn.cantho.ioc.ingest.mqtt;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.model.DeadLetter;
import vn.cantho.ioc.model.DeadLetterReason;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.health.HealthCheck;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.mqtt.NoDelaySocketFactory;
import vn.cantho.ioc.model.mqtt.TelemetryTopic;

/**
 * Forwards device telemetry from the MQTT broker into Kafka without losing or duplicating accepted
 * messages: it subscribes with QoS 1 on a persistent session and acknowledges each message to the
 * broker only after Kafka has acknowledged every record made of it (its readings — one per timestamp of a
 * SenML pack — or its dead letter).
 * A message not yet acknowledged stays with the broker, which redelivers it after a reconnect.
 */
public final class MqttKafkaBridge implements AutoCloseable, HealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(MqttKafkaBridge.class);
    private static final long CONNECT_TIMEOUT_MS = 30_000;
    private static final long QUIESCE_MS = 5_000;
    private static final Duration PRODUCER_CLOSE = Duration.ofSeconds(15);
    private static final long QUIET_MS = 300;
    private static final long DRAIN_MAX_MS = 5_000;

    private final BridgeOptions options;
    private final ReadingParser parser;
    private final Producer<byte[], byte[]> producer;
    private final Clock clock;
    private final IngestStats stats = new IngestStats();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile long lastMessageNanos = System.nanoTime();
    private MqttAsyncClient client;

    public MqttKafkaBridge(BridgeOptions options, ReadingParser parser, Producer<byte[], byte[]> producer,
                           Clock clock) {
        this.options = options;
        this.parser = parser;
        this.producer = producer;
        this.clock = clock;
    }

    /** Connects, resumes the persistent session and subscribes; returns once connected. */
    public void start() throws MqttException {
        client = new MqttAsyncClient(options.brokerUrl(), options.clientId(), new MemoryPersistence());
        client.setManualAcks(true);
        client.setCallback(new Callback());
        client.connect(connectionOptions()).waitForCompletion(CONNECT_TIMEOUT_MS);
        LOG.info("MQTT bridge connected to {} as {}", options.brokerUrl(), options.clientId());
    }

    public IngestStats stats() {
        return stats;
    }

    @Override
    public Status check() {
        if (client == null || !client.isConnected()) {
            return Status.down("not connected to " + options.brokerUrl());
        }
        return Status.up("received " + stats.received() + ", forwarded " + stats.forwarded() + " ("
                + stats.readingsForwarded() + " readings), dead-lettered "
                + stats.deadLetteredTotal() + ", send failures " + stats.sendFailures());
    }

    /**
     * Drains first: keeps forwarding until the broker has sent nothing for {@link #QUIET_MS} (at most
     * {@link #DRAIN_MAX_MS}), so what the sensors already published is not left behind in an embedded
     * broker that stops next. Then stops taking messages, closes the producer (it belongs to the bridge), which waits up to
     * {@link #PRODUCER_CLOSE} for Kafka to confirm what is in flight so those are acknowledged to the
     * broker, then disconnects. Messages that arrive meanwhile, or that Kafka did not confirm in time,
     * stay unacknowledged at the broker and are delivered to the next session.
     */
    @Override
    public void close() {
        if (closing.get()) {
            return;
        }
        drain();
        closing.set(true);
        producer.close(PRODUCER_CLOSE);
        if (client != null) {
            try {
                if (client.isConnected()) {
                    client.disconnect(QUIESCE_MS).waitForCompletion(QUIESCE_MS + 1_000);
                }
            } catch (MqttException e) {
                LOG.warn("MQTT disconnect did not complete cleanly: {}", e.getMessage());
            } finally {
                try {
                    client.close(true);
                } catch (MqttException e) {
                    LOG.warn("MQTT client close failed: {}", e.getMessage());
                }
            }
        }
    }

    private void drain() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MAX_MS);
        while (client != null && client.isConnected() && System.nanoTime() < deadline
                && System.nanoTime() - lastMessageNanos < TimeUnit.MILLISECONDS.toNanos(QUIET_MS)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private MqttConnectionOptions connectionOptions() {
        MqttConnectionOptions connection = new MqttConnectionOptions();
        connection.setCleanStart(false);
        connection.setSessionExpiryInterval(options.sessionExpiry().toSeconds());
        connection.setAutomaticReconnect(true);
        connection.setAutomaticReconnectDelay(1, 30);
        connection.setReceiveMaximum(options.receiveMaximum());
        connection.setKeepAliveInterval(30);
        connection.setConnectionTimeout(10);
        connection.setSocketFactory(new NoDelaySocketFactory());
        return connection;
    }

    private void subscribe() {
        try {
            // Subscribing again on every (re)connect is harmless and repairs a session the broker lost.
            client.subscribe(new MqttSubscription[] {
                    new MqttSubscription(options.subscriptionFilter(TelemetryTopic.FILTER), 1)}, null, null,
                    new MqttProperties());
        } catch (MqttException e) {
            LOG.error("cannot subscribe to {}: {}", TelemetryTopic.FILTER, e.getMessage());
        }
    }

    private void onMessage(String topic, MqttMessage message) {
        if (closing.get()) {
            return; // left unacknowledged on purpose: the broker redelivers it to the next session
        }
        lastMessageNanos = System.nanoTime();
        stats.countReceived();
        forward(topic, message.getPayload(), () -> acknowledge(message));
    }

    /**
     * Hands the records made of one message to Kafka: its readings (several for a SenML pack with several
     * timestamps) or its dead letter. {@code acknowledge} runs once, only after Kafka has acknowledged
     * every one of them; if any is refused, the message stays unacknowledged and the broker redelivers
     * it whole (the records Kafka did store are then stored again: at least once, never lost).
     */
    void forward(String topic, byte[] payload, Runnable acknowledge) {
        List<ProducerRecord<byte[], byte[]>> records;
        DeadLetterReason reason;
        if (payload.length > options.maxPayloadBytes()) {
            reason = DeadLetterReason.TOO_LARGE;
            records = List.of(Topics.DEAD_LETTER.record(topic, DeadLetter.of(reason, "payload of " + payload.length
                    + " bytes exceeds " + options.maxPayloadBytes() + "; first bytes kept", topic,
                    Arrays.copyOf(payload, Math.min(payload.length, 1024)), clock.instant())));
        } else {
            ParseResult result = parser.parse(topic, payload, clock.instant());
            if (result instanceof ParseResult.Accepted accepted) {
                reason = null;
                records = new ArrayList<>(accepted.readings().size());
                for (Reading reading : accepted.readings()) {
                    records.add(Topics.TELEMETRY.record(reading.deviceId(), reading));
                }
            } else {
                DeadLetter letter = ((ParseResult.Rejected) result).deadLetter();
                reason = letter.reason();
                records = List.of(Topics.DEAD_LETTER.record(topic, letter));
            }
        }
        if (reason != null) {
            LOG.debug("dead-lettering message on {}: {}", topic, reason);
        }
        Pending pending = new Pending(records.size(), reason, acknowledge);
        for (ProducerRecord<byte[], byte[]> record : records) {
            try {
                producer.send(record, (metadata, error) -> {
                    if (error != null) {
                        if (pending.fail()) {
                            LOG.error("Kafka refused a record from {}; message left unacknowledged for redelivery: {}",
                                    topic, error.toString());
                        }
                        return;
                    }
                    pending.stored();
                });
            } catch (RuntimeException e) {
                if (pending.fail()) {
                    LOG.error("cannot hand a record from {} to Kafka; message left unacknowledged for redelivery: {}",
                            topic, e.toString());
                }
                return;
            }
        }
    }

    /** The records of one message still waiting for Kafka; counts and acknowledges once all are stored. */
    private final class Pending {
        private final int records;
        private final AtomicInteger waiting;
        private final AtomicBoolean failed = new AtomicBoolean();
        private final DeadLetterReason reason;
        private final Runnable acknowledge;

        Pending(int records, DeadLetterReason reason, Runnable acknowledge) {
            this.records = records;
            this.waiting = new AtomicInteger(records);
            this.reason = reason;
            this.acknowledge = acknowledge;
        }

        void stored() {
            if (waiting.decrementAndGet() != 0 || failed.get()) {
                return;
            }
            if (reason == null) {
                stats.countForwarded(records);
            } else {
                stats.countDeadLettered(reason);
            }
            acknowledge.run();
        }

        /** Marks the message failed; true the first time, so one message counts as one send failure. */
        boolean fail() {
            if (failed.compareAndSet(false, true)) {
                stats.countSendFailure();
                return true;
            }
            return false;
        }
    }

    private void acknowledge(MqttMessage message) {
        if (message.getQos() == 0) {
            return;
        }
        try {
            client.messageArrivedComplete(message.getId(), message.getQos());
        } catch (MqttException e) {
            // The connection dropped after Kafka stored the record: the broker redelivers the message, so
            // on this rare path a reading is forwarded twice (at least once, never lost).
            LOG.warn("cannot acknowledge MQTT message {}: {}", message.getId(), e.getMessage());
        }
    }

    /** Paho callback; runs on Paho's single callback thread. */
    private final class Callback implements MqttCallback {

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            onMessage(topic, message);
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (reconnect) {
                LOG.info("MQTT bridge reconnected to {}", serverUri);
            }
            subscribe();
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            if (!closing.get()) {
                LOG.warn("MQTT bridge disconnected: {}", response);
            }
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.warn("MQTT error: {}", exception.getMessage());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // The bridge publishes nothing.
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // No enhanced authentication in use.
        }
    }
}
