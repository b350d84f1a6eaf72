package vn.cantho.ioc.ingest.mqtt;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.Producer;
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
import vn.cantho.ioc.ingest.MqttIngest;
import vn.cantho.ioc.model.mqtt.NoDelaySocketFactory;
import vn.cantho.ioc.model.mqtt.TelemetryTopic;

/**
 * Forwards device telemetry from an external MQTT broker into Kafka without losing accepted messages: it
 * subscribes with QoS 1 on a persistent session and acknowledges each message to the broker only after Kafka
 * has acknowledged every record made of it ({@link TelemetryForwarder}). A message not yet acknowledged stays
 * with the broker, which redelivers it after a reconnect. What the broker itself keeps of messages it has
 * acknowledged to devices is the broker's durability (persistence on disk for Mosquitto/EMQX/HiveMQ); the
 * embedded broker does not need this bridge (see {@code vn.cantho.ioc.ingest.broker}).
 */
public final class MqttKafkaBridge implements MqttIngest {

    private static final Logger LOG = LoggerFactory.getLogger(MqttKafkaBridge.class);
    private static final long CONNECT_TIMEOUT_MS = 30_000;
    private static final long QUIESCE_MS = 5_000;
    private static final Duration PRODUCER_CLOSE = Duration.ofSeconds(15);
    private static final long QUIET_MS = 300;
    private static final long DRAIN_MAX_MS = 5_000;

    private final BridgeOptions options;
    private final Producer<byte[], byte[]> producer;
    private final TelemetryForwarder forwarder;
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile long lastMessageNanos = System.nanoTime();
    private MqttAsyncClient client;

    public MqttKafkaBridge(
            BridgeOptions options, ReadingParser parser, Producer<byte[], byte[]> producer, Clock clock) {
        this.options = options;
        this.producer = producer;
        this.forwarder = new TelemetryForwarder(parser, producer, options.maxPayloadBytes(), clock);
    }

    /** Connects, resumes the persistent session and subscribes; returns once connected. */
    @Override
    public void start() throws MqttException {
        client = new MqttAsyncClient(options.brokerUrl(), options.clientId(), new MemoryPersistence());
        client.setManualAcks(true);
        client.setCallback(new Callback());
        client.connect(connectionOptions()).waitForCompletion(CONNECT_TIMEOUT_MS);
        LOG.info("MQTT bridge connected to {} as {}", options.brokerUrl(), options.clientId());
    }

    @Override
    public IngestStats stats() {
        return forwarder.stats();
    }

    @Override
    public Status check() {
        if (client == null || !client.isConnected()) {
            return Status.down("not connected to " + options.brokerUrl());
        }
        IngestStats stats = forwarder.stats();
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
        while (client != null
                && client.isConnected()
                && System.nanoTime() < deadline
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
            client.subscribe(
                    new MqttSubscription[] {new MqttSubscription(options.subscriptionFilter(TelemetryTopic.FILTER), 1)},
                    null,
                    null,
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
        forwarder.forward(topic, message.getPayload(), new TelemetryForwarder.Handover() {
            @Override
            public void stored() {
                acknowledge(message);
            }

            @Override
            public void failed(Exception cause) {
                // Left unacknowledged on purpose: the broker redelivers it after the next reconnect.
            }
        });
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
