package vn.cantho.ioc.simulator;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import vn.cantho.ioc.model.mqtt.NoDelaySocketFactory;

/**
 * Publishes QoS 1 messages as a device gateway would and counts the broker's acknowledgements.
 *
 * <p>It keeps at most as many messages in flight as the broker's Receive Maximum allows (capped at
 * {@link #MAX_WINDOW}): {@link #publish} waits for a free slot rather than dropping the message. Should Paho
 * still refuse (32202, "too many publishes in progress") or the connection be re-established, it waits and
 * retries, for at most a minute, after which the message counts as failed.
 */
public final class MqttPublisher implements AutoCloseable {

    /** Called when the broker acknowledged a message ({@code ok}) or it failed; with the publish latency. */
    @FunctionalInterface
    public interface Outcome {
        void done(boolean ok, long latencyNanos);
    }

    static final int MAX_WINDOW = 1000;
    private static final long RETRY_LIMIT_MS = 60_000;
    private static final Outcome IGNORE = (ok, latency) -> {};

    private final MqttAsyncClient client;
    private final int window;
    private final Semaphore slots;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final MqttActionListener listener = new MqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
            // MQTT 5 lets the broker refuse a publish with an error reason code in its PUBACK (the hub does
            // when Kafka cannot take the message): that is not an acknowledgement of the message.
            if (refused(token)) {
                failed.incrementAndGet();
                finish(token, false);
                return;
            }
            acknowledged.incrementAndGet();
            finish(token, true);
        }

        @Override
        public void onFailure(IMqttToken token, Throwable error) {
            failed.incrementAndGet();
            finish(token, false);
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
        IMqttToken connected;
        try {
            connected = client.connect(options);
            connected.waitForCompletion(30_000);
        } catch (MqttException | RuntimeException e) {
            // A client whose connect failed is nobody's to close but ours, and its threads are not daemons.
            try {
                client.close(true);
            } catch (MqttException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
        MqttProperties granted = connected.getResponseProperties();
        Integer receiveMaximum = granted == null ? null : granted.getReceiveMaximum();
        window = Math.max(1, Math.min(MAX_WINDOW, receiveMaximum == null ? 65_535 : receiveMaximum));
        slots = new Semaphore(window);
    }

    /** Publishes with QoS 1; blocks while the in-flight window is full (at most a minute). */
    public void publish(String topic, byte[] payload) throws InterruptedException {
        publish(topic, payload, IGNORE);
    }

    public void publish(String topic, String payload) throws InterruptedException {
        publish(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Publishes with QoS 1 and reports the outcome with the latency from this call (including any wait for a
     * free in-flight slot) to the broker's acknowledgement. Blocks while the window is full (at most a minute).
     */
    public void publish(String topic, byte[] payload, Outcome outcome) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = System.currentTimeMillis() + RETRY_LIMIT_MS;
        if (!slots.tryAcquire(RETRY_LIMIT_MS, TimeUnit.MILLISECONDS)) {
            failed.incrementAndGet();
            outcome.done(false, System.nanoTime() - started);
            return;
        }
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        Pending pending = new Pending(started, outcome);
        while (true) {
            try {
                client.publish(topic, message, pending, listener);
                return;
            } catch (MqttException e) {
                boolean retryable = e.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT
                        || e.getReasonCode() == MqttClientException.REASON_CODE_CLIENT_NOT_CONNECTED;
                if (!retryable || System.currentTimeMillis() > deadline) {
                    slots.release();
                    failed.incrementAndGet();
                    outcome.done(false, System.nanoTime() - started);
                    return;
                }
                Thread.sleep(1);
            }
        }
    }

    /** Waits until every message published so far is acknowledged or failed; false on timeout. */
    public boolean awaitInFlight(long timeoutMillis) throws InterruptedException {
        if (!slots.tryAcquire(window, timeoutMillis, TimeUnit.MILLISECONDS)) {
            return false;
        }
        slots.release(window);
        return true;
    }

    /** Messages published and not yet acknowledged or failed. */
    public int inFlight() {
        return window - slots.availablePermits();
    }

    /** How many messages this publisher keeps in flight at most. */
    public int window() {
        return window;
    }

    /** Messages the broker acknowledged (PUBACK). */
    public long acknowledged() {
        return acknowledged.get();
    }

    /** Messages that could not be published or were refused. */
    public long failed() {
        return failed.get();
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    private static boolean refused(IMqttToken token) {
        int[] codes = token.getReasonCodes();
        if (codes == null) {
            return false;
        }
        for (int code : codes) {
            if (code >= 0x80) {
                return true;
            }
        }
        return false;
    }

    private void finish(IMqttToken token, boolean ok) {
        if (token.getUserContext() instanceof Pending pending) {
            slots.release();
            pending.outcome().done(ok, System.nanoTime() - pending.started());
        }
    }

    @Override
    public void close() throws MqttException {
        try {
            if (client.isConnected()) {
                client.disconnect(5_000).waitForCompletion(6_000);
            }
        } finally {
            // Also after a disconnect that failed or timed out: Paho's sender thread is not a daemon, and a client
            // left open kept a benchmark's JVM alive after it had printed its result.
            client.close(true);
        }
    }

    private record Pending(long started, Outcome outcome) {}
}
