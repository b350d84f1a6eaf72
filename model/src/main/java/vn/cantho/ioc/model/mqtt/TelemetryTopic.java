package vn.cantho.ioc.model.mqtt;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The MQTT topic contract for device telemetry, version 1: {@code ioc/v1/devices/{deviceId}/telemetry}.
 * Device ids are 1-64 characters of letters, digits, '-', '_' and '.'.
 */
public final class TelemetryTopic {

    /** Subscription filter matching every device's telemetry topic. */
    public static final String FILTER = "ioc/v1/devices/+/telemetry";

    private static final Pattern TOPIC = Pattern.compile("ioc/v1/devices/([A-Za-z0-9._-]{1,64})/telemetry");

    private TelemetryTopic() {}

    /** The topic a device publishes to. */
    public static String of(String deviceId) {
        return "ioc/v1/devices/" + deviceId + "/telemetry";
    }

    /** The device id in a telemetry topic, or empty when the topic is not one. */
    public static Optional<String> deviceId(String topic) {
        var matcher = TOPIC.matcher(topic);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
