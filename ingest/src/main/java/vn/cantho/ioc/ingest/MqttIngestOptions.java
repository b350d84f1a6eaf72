package vn.cantho.ioc.ingest;

import java.time.Duration;
import vn.cantho.ioc.ingest.mqtt.BridgeOptions;
import vn.cantho.ioc.model.config.Config;

/**
 * The MQTT ingest stage's settings ({@link IngestSettings}), parsed and checked once.
 *
 * @param clientId        the bridge's MQTT client id (external broker) and the Kafka producer's client id
 * @param sharedGroup     MQTT 5 shared-subscription group of the bridge; blank = none
 * @param receiveMaximum  unacknowledged QoS 1 messages an external broker may have in flight to the bridge
 * @param maxPayloadBytes larger payloads are dead-lettered as TOO_LARGE
 * @param maxAge          older readings are dead-lettered as BAD_TIMESTAMP
 * @param maxFuture       readings further ahead are dead-lettered as BAD_TIMESTAMP
 * @param sessionExpiry   how long an external broker keeps queuing for the bridge while it is away
 */
public record MqttIngestOptions(
        String clientId,
        String sharedGroup,
        int receiveMaximum,
        int maxPayloadBytes,
        Duration maxAge,
        Duration maxFuture,
        Duration sessionExpiry) {

    public static MqttIngestOptions from(Config config) {
        return new MqttIngestOptions(
                config.get(IngestSettings.CLIENT_ID),
                config.get(IngestSettings.SHARED_GROUP),
                config.get(IngestSettings.RECEIVE_MAXIMUM),
                config.get(IngestSettings.MAX_PAYLOAD_BYTES),
                config.get(IngestSettings.MAX_AGE),
                config.get(IngestSettings.MAX_FUTURE),
                config.get(IngestSettings.SESSION_EXPIRY));
    }

    /** How the bridge connects to an external broker at {@code brokerUrl}. */
    public BridgeOptions bridge(String brokerUrl) {
        return new BridgeOptions(brokerUrl, clientId, sharedGroup, receiveMaximum, sessionExpiry, maxPayloadBytes);
    }
}
