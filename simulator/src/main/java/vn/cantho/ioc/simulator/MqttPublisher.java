package vn.cantho.ioc.simulator;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import vn.cantho.ioc.model.mqtt.NoDelaySocketFactory;

/**
 * Publishes QoS 1 messages as a device gateway would and counts the broker's acknowledgements.
 * When the broker's receive maximum is reached (Paho 32202, "too many publishes in progress") or
 * the connection is being re-established, it waits and retries instead of dropping the message.
 */
public final class MqttPublisher implements AutoCloseable {

    private static final long RETRY_LIMIT_MS = 60_000;

    private final MqttAsyncClient client;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final MqttActionListener counter = new MqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
            acknowledged.incrementAndGet();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable error) {
            failed.incrementAndGet();
        }
    };

    public MqttPublisher(String brokerUrl, String clientId) throws MqttException {
        client = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 10);
        options.setSocketFactory(new NoDelaySocketFactory());
        options.setConnectionTimeout(10);
        client.connect(options).waitForCompletion(30_000);
    }

    /**
     * Publishes with QoS 1; blocks while the in-flight window is full or the client reconnects, for
     * at most a minute, after which the message is counted as failed.
     */
    public void publish(String topic, byte[] payload) throws InterruptedException {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        long deadline = System.currentTimeMillis() + RETRY_LIMIT_MS;
        while (true) {
            try {
                client.publish(topic, message, null, counter);
                return;
            } catch (MqttException e) {
                boolean retryable = e.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT
                        || e.getReasonCode() == MqttClientException.REASON_CODE_CLIENT_NOT_CONNECTED;
                if (!retryable || System.currentTimeMillis() > deadline) {
                    failed.incrementAndGet();
                    return;
                }
                Thread.sleep(1);
            }
        }
    }

    public void publish(String topic, String payload) throws InterruptedException {
        publish(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    /** Messages the broker acknowledged (PUBACK). */
    public long acknowledged() {
        return acknowledged.get();
    }

    /** Messages that could not be published or were refused. */
    public long failed() {
        return failed.get();
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect(5_000).waitForCompletion(6_000);
        }
        client.close(true);
    }
}
