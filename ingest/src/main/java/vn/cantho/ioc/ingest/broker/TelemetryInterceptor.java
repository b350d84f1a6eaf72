package vn.cantho.ioc.ingest.broker;

import com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.publish.PublishPacket;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.ingest.journal.IngestJournal;
import vn.cantho.ioc.model.mqtt.TelemetryTopic;

/**
 * Writes each device telemetry PUBLISH to the ingest journal before the broker goes on with it: HiveMQ sends
 * the PUBACK only after this interceptor has returned, so an acknowledged message is on local disk. If the
 * journal cannot take it (disk full, I/O error) the publish is refused instead: an MQTT 5 device gets a PUBACK
 * with an error reason code, an MQTT 3.1.1 device (which has no negative acknowledgement) is disconnected and
 * sends the message again after reconnecting.
 *
 * <p>The publish then continues through the broker as usual, so an operator's {@code mosquitto_sub} on the
 * telemetry topics still sees the traffic. Other topics pass untouched.
 */
final class TelemetryInterceptor implements PublishInboundInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(TelemetryInterceptor.class);
    static final String REFUSED =
            "not stored: the hub could not write the message to its ingest journal; send it again";

    private final IngestJournal journal;
    private final Clock clock;

    TelemetryInterceptor(IngestJournal journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    @Override
    public void onInboundPublish(PublishInboundInput input, PublishInboundOutput output) {
        PublishPacket packet = input.getPublishPacket();
        String topic = packet.getTopic();
        if (TelemetryTopic.deviceId(topic).isEmpty()) {
            return;
        }
        try {
            journal.append(topic, bytes(packet), clock.instant());
        } catch (IOException | RuntimeException e) {
            LOG.error("cannot write a message on {} to the ingest journal; refusing it: {}", topic, e.toString());
            output.preventPublishDelivery(AckReasonCode.UNSPECIFIED_ERROR, REFUSED);
        }
    }

    private static byte[] bytes(PublishPacket packet) {
        ByteBuffer buffer = packet.getPayload().orElse(null);
        if (buffer == null) {
            return new byte[0];
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
