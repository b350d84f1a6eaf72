package vn.cantho.ioc.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.SocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.cantho.ioc.testkit.SharedServers;

@Tag("mqtt")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class EmbeddedMqttIT {

    private static final int BURST = 20_000;

    @TempDir
    Path dir;

    private EmbeddedMqtt mqtt;
    private MqttAsyncClient subscriber;
    private MqttAsyncClient publisher;

    @BeforeEach
    void startBroker() {
        mqtt = new EmbeddedMqtt(dir, 0);
        mqtt.start();
    }

    @AfterEach
    void stopAll() throws MqttException {
        for (MqttAsyncClient client : new MqttAsyncClient[] {publisher, subscriber}) {
            if (client != null) {
                if (client.isConnected()) {
                    client.disconnect().waitForCompletion(5_000);
                }
                client.close();
            }
        }
        mqtt.close();
    }

    @Test
    void every_message_of_a_fast_qos1_burst_reaches_a_persistent_subscriber() throws Exception {
        // Given a subscriber with a persistent session, handling messages in the global callback
        String topic = "city/" + SharedServers.uniqueName("burst") + "/telemetry";
        Set<String> received = ConcurrentHashMap.newKeySet();
        subscriber = client("subscriber");
        subscriber.setCallback(new Receiver(received));
        MqttConnectionOptions persistentSession = options();
        persistentSession.setCleanStart(false);
        persistentSession.setSessionExpiryInterval(3_600L);
        subscriber.connect(persistentSession).waitForCompletion(10_000);
        subscriber.subscribe(new MqttSubscription(topic, 1)).waitForCompletion(10_000);

        // When one client publishes 20,000 QoS 1 messages as fast as the broker lets it
        publisher = client("publisher");
        publisher.connect(options()).waitForCompletion(10_000);
        AtomicLong backoffs = new AtomicLong();
        long startNanos = System.nanoTime();
        for (int i = 0; i < BURST; i++) {
            publishWithBackoff(topic, ("{\"seq\":" + i + "}").getBytes(StandardCharsets.UTF_8), backoffs);
        }

        // Then every one of them arrives
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(received).hasSize(BURST));
        long millis = Math.max(1, (System.nanoTime() - startNanos) / 1_000_000);
        System.out.printf(
                "MQTT burst: %d QoS 1 messages in %d ms (%d msg/s), %d back-offs%n",
                BURST, millis, BURST * 1000L / millis, backoffs.get());
    }

    @Test
    void the_broker_listens_on_loopback_at_its_url_with_its_config_in_the_data_directory() throws IOException {
        // Given the started broker
        // When
        String url = mqtt.url();

        // Then
        assertThat(url).isEqualTo("tcp://127.0.0.1:" + mqtt.port());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), mqtt.port()), 2_000);
        }
        assertThat(Files.readString(dir.resolve("conf/config.xml"))).contains("<mode>in-memory</mode>");
    }

    /** "Too many publishes in progress" means the broker's Receive Maximum is reached: wait for PUBACKs. */
    private void publishWithBackoff(String topic, byte[] payload, AtomicLong backoffs) throws Exception {
        while (true) {
            try {
                publisher.publish(topic, payload, 1, false);
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                    throw e;
                }
                backoffs.incrementAndGet();
                Thread.sleep(1);
            }
        }
    }

    private MqttAsyncClient client(String role) throws MqttException {
        return new MqttAsyncClient(mqtt.url(), SharedServers.uniqueName(role), new MemoryPersistence());
    }

    private static MqttConnectionOptions options() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(new NoDelaySocketFactory());
        return options;
    }

    /** Collects payloads; Paho's per-subscription listeners are unreliable in v5, so the global callback is used. */
    private record Receiver(Set<String> received) implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            received.add(new String(message.getPayload(), StandardCharsets.UTF_8));
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
    }

    /** Without TCP_NODELAY, Nagle's algorithm and delayed ACKs stall small QoS 1 packets at ~1k msg/s. */
    private static final class NoDelaySocketFactory extends SocketFactory {
        @Override
        public Socket createSocket() throws IOException {
            Socket socket = new Socket();
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return connected(new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return connected(new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return connected(new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return connected(new InetSocketAddress(address, port));
        }

        private Socket connected(InetSocketAddress address) throws IOException {
            Socket socket = createSocket();
            socket.connect(address);
            return socket;
        }
    }
}
