package vn.cantho.ioc.testkit;

import java.nio.charset.StandardCharsets;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/** A device outside the hub, as whole-hub tests need one: connects, publishes one QoS 1 message, leaves. */
public final class OutsideDevice {

    private OutsideDevice() {}

    /** Publishes {@code payload} on {@code topic} with QoS 1 and returns once the broker acknowledged it. */
    public static void publishOnce(String brokerUrl, String topic, String payload) throws MqttException {
        MqttClient client = new MqttClient(brokerUrl, "outside-" + System.nanoTime(), new MemoryPersistence());
        try {
            client.connect(new MqttConnectionOptions());
            MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
            message.setQos(1);
            client.publish(topic, message);
            client.disconnect();
        } finally {
            client.close();
        }
    }
}
