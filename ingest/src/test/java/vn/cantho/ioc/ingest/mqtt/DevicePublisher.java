package vn.cantho.ioc.ingest.mqtt;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
import vn.cantho.ioc.testkit.SharedServers;

/** A device-side MQTT client, independent of the hub's code. */
final class DevicePublisher implements AutoCloseable {
    private final MqttAsyncClient client;
    private final AtomicLong acks = new AtomicLong();
    private final MqttActionListener counter = new MqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
            acks.incrementAndGet();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable exception) {}
    };

    DevicePublisher(String mqttUrl) throws MqttException {
        client = new MqttAsyncClient(mqttUrl, SharedServers.uniqueName("device"), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(new NoDelaySocketFactory());
        client.connect(options).waitForCompletion(10_000);
    }

    void send(String topic, byte[] payload) throws Exception {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        while (true) {
            try {
                client.publish(topic, message, null, counter);
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                    throw e;
                }
                Thread.sleep(1);
            }
        }
    }

    long awaitAcks(long expected) {
        await().atMost(Duration.ofMinutes(2)).until(() -> acks.get() >= expected);
        return acks.get();
    }

    @Override
    public void close() throws MqttException {
        client.disconnect().waitForCompletion(5_000);
        client.close();
    }
}
