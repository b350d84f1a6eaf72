package vn.cantho.ioc.simulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
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
import vn.cantho.ioc.model.mqtt.NoDelaySocketFactory;
import vn.cantho.ioc.model.mqtt.TelemetryTopic;
import vn.cantho.ioc.testkit.SharedServers;

/** Test helper: an independent MQTT client counting every telemetry message the broker delivers (QoS 1). */
final class Subscriber implements AutoCloseable {

    private final MqttAsyncClient client;
    private final AtomicLong received = new AtomicLong();
    private final Map<String, AtomicLong> byTopic = new ConcurrentHashMap<>();
    private final Map<String, byte[]> lastPayload = new ConcurrentHashMap<>();
    private final AtomicReference<byte[]> lastArray = new AtomicReference<>();
    private final AtomicReference<byte[]> lastObject = new AtomicReference<>();

    Subscriber(String brokerUrl) throws MqttException {
        client = new MqttAsyncClient(brokerUrl, SharedServers.uniqueName("counter"), new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                received.incrementAndGet();
                byTopic.computeIfAbsent(topic, t -> new AtomicLong()).incrementAndGet();
                byte[] payload = message.getPayload();
                lastPayload.put(topic, payload);
                (payload.length > 0 && payload[0] == '[' ? lastArray : lastObject).set(payload);
            }

            @Override
            public void disconnected(MqttDisconnectResponse response) {}

            @Override
            public void mqttErrorOccurred(MqttException exception) {}

            @Override
            public void deliveryComplete(IMqttToken token) {}

            @Override
            public void connectComplete(boolean reconnect, String serverUri) {}

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {}
        });
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setSocketFactory(new NoDelaySocketFactory());
        options.setReceiveMaximum(1000);
        client.connect(options).waitForCompletion(10_000);
        client.subscribe(
                        new MqttSubscription[] {new MqttSubscription(TelemetryTopic.FILTER, 1)},
                        null,
                        null,
                        new MqttProperties())
                .waitForCompletion(10_000);
    }

    long received() {
        return received.get();
    }

    long received(String topic) {
        AtomicLong count = byTopic.get(topic);
        return count == null ? 0 : count.get();
    }

    byte[] lastPayload(String topic) {
        return lastPayload.get(topic);
    }

    byte[] lastSenml() {
        return lastArray.get();
    }

    byte[] lastCompact() {
        return lastObject.get();
    }

    @Override
    public void close() throws MqttException {
        client.disconnect().waitForCompletion(5_000);
        client.close();
    }
}
