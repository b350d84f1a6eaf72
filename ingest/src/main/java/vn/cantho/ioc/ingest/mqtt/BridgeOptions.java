package vn.cantho.ioc.ingest.mqtt;

import java.time.Duration;

/**
 * How the bridge connects to the MQTT broker.
 *
 * @param brokerUrl      e.g. {@code tcp://127.0.0.1:1883}
 * @param clientId       stable id: the broker keeps this client's persistent session under it
 * @param sharedGroup    MQTT 5 shared-subscription group so several bridges split the load; blank = none
 * @param receiveMaximum how many unacknowledged QoS 1 messages the broker may send at once
 * @param sessionExpiry  how long the broker keeps queuing for this client while it is away
 * @param maxPayloadBytes larger payloads are dead-lettered as TOO_LARGE (Kafka has a record size limit)
 */
public record BridgeOptions(
        String brokerUrl,
        String clientId,
        String sharedGroup,
        int receiveMaximum,
        Duration sessionExpiry,
        int maxPayloadBytes) {

    /** The subscription filter, with the shared-subscription prefix when a group is set. */
    public String subscriptionFilter(String filter) {
        return sharedGroup == null || sharedGroup.isBlank() ? filter : "$share/" + sharedGroup + "/" + filter;
    }
}
