package vn.cantho.ioc.ingest.mqtt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.cantho.ioc.model.DeadLetter;
import vn.cantho.ioc.model.DeadLetterReason;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.mqtt.TelemetryTopic;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.Metric;

/**
 * Turns one MQTT telemetry message into a {@link Reading} or a dead letter with a reason.
 *
 * <p>Payload contract v1: {@code {"ts": "2026-11-23T10:15:00Z" | epoch-millis, "values": {"pm25": 35.2}}}.
 * {@code ts} may be omitted by devices without a clock; the receive time is used then. A message is
 * accepted or rejected as a whole: one bad value rejects it, so a reading is never half stored.
 */
public final class ReadingParser {

    /** NaN/Infinity literals are parsed so they can be rejected as NON_FINITE rather than BAD_JSON. */
    private static final ObjectMapper LENIENT_NUMBERS = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final DeviceRegistry registry;
    private final Duration maxAge;
    private final Duration maxFuture;

    /**
     * @param maxAge    readings older than this (against the receive time) are BAD_TIMESTAMP
     * @param maxFuture readings further ahead than this (clock skew allowance) are BAD_TIMESTAMP
     */
    public ReadingParser(DeviceRegistry registry, Duration maxAge, Duration maxFuture) {
        this.registry = registry;
        this.maxAge = maxAge;
        this.maxFuture = maxFuture;
    }

    public ParseResult parse(String topic, byte[] payload, Instant receivedAt) {
        try {
            return new ParseResult.Accepted(read(topic, payload, receivedAt));
        } catch (Rejection rejection) {
            return new ParseResult.Rejected(
                    DeadLetter.of(rejection.reason, rejection.getMessage(), topic, payload, receivedAt));
        }
    }

    private Reading read(String topic, byte[] payload, Instant receivedAt) throws Rejection {
        String deviceId = TelemetryTopic.deviceId(topic).orElseThrow(() -> new Rejection(
                DeadLetterReason.BAD_TOPIC, "topic is not of the form " + TelemetryTopic.FILTER));
        Device device = registry.device(deviceId).orElseThrow(() -> new Rejection(
                DeadLetterReason.UNKNOWN_DEVICE, "device " + deviceId + " is not registered"));
        JsonNode root = json(payload);
        if (!root.isObject()) {
            throw new Rejection(DeadLetterReason.BAD_PAYLOAD, "payload must be a JSON object");
        }
        Instant ts = timestamp(root.get("ts"), receivedAt);
        return new Reading(Reading.SCHEMA_VERSION, deviceId, ts, values(root.get("values"), device), receivedAt, topic);
    }

    private static JsonNode json(byte[] payload) throws Rejection {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload));
        } catch (CharacterCodingException e) {
            throw new Rejection(DeadLetterReason.BAD_JSON, "payload is not valid UTF-8");
        }
        try {
            JsonNode root = LENIENT_NUMBERS.readTree(payload);
            if (root == null || root.isMissingNode()) {
                throw new Rejection(DeadLetterReason.BAD_JSON, "payload is empty");
            }
            return root;
        } catch (IOException e) {
            throw new Rejection(DeadLetterReason.BAD_JSON, "payload is not valid JSON: " + firstLine(e.getMessage()));
        }
    }

    private Instant timestamp(JsonNode node, Instant receivedAt) throws Rejection {
        if (node == null || node.isNull()) {
            return receivedAt;
        }
        Instant ts;
        if (node.isIntegralNumber()) {
            ts = Instant.ofEpochMilli(node.asLong());
        } else if (node.isTextual()) {
            try {
                ts = Instant.parse(node.asText());
            } catch (DateTimeParseException e) {
                throw new Rejection(DeadLetterReason.BAD_TIMESTAMP,
                        "ts must be an ISO-8601 instant such as 2026-11-23T10:15:00Z or epoch milliseconds");
            }
        } else {
            throw new Rejection(DeadLetterReason.BAD_TIMESTAMP, "ts must be a string or an integer");
        }
        if (ts.isBefore(receivedAt.minus(maxAge)) || ts.isAfter(receivedAt.plus(maxFuture))) {
            throw new Rejection(DeadLetterReason.BAD_TIMESTAMP,
                    "ts " + ts + " is more than " + maxAge + " in the past or " + maxFuture + " in the future");
        }
        return ts;
    }

    private static Map<String, Double> values(JsonNode node, Device device) throws Rejection {
        if (node == null || !node.isObject() || node.isEmpty()) {
            throw new Rejection(DeadLetterReason.BAD_PAYLOAD, "values must be a non-empty object of metric to number");
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String metricId = field.getKey();
            Optional<Metric> metric = Metric.byId(metricId).filter(m -> device.metrics().contains(m.id()));
            if (metric.isEmpty()) {
                throw new Rejection(DeadLetterReason.UNKNOWN_METRIC,
                        "device " + device.id() + " does not report metric '" + abbreviate(metricId) + "'");
            }
            JsonNode value = field.getValue();
            if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
                throw new Rejection(DeadLetterReason.NON_FINITE, metricId + " must be a finite number");
            }
            double number = value.asDouble();
            if (!metric.get().accepts(number)) {
                throw new Rejection(DeadLetterReason.OUT_OF_RANGE, metricId + " = " + number + " is outside "
                        + metric.get().min() + ".." + metric.get().max() + " " + metric.get().unit());
            }
            values.put(metricId, number);
        }
        return values;
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }

    /** Internal control flow: carries the reason code out of the nested checks. */
    private static final class Rejection extends Exception {
        private final DeadLetterReason reason;

        Rejection(DeadLetterReason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }
}
