package vn.cantho.ioc.ingest.mqtt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import vn.cantho.ioc.model.DeadLetter;
import vn.cantho.ioc.model.DeadLetterReason;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.mqtt.TelemetryTopic;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.Metric;

/**
 * Turns one MQTT telemetry message into {@link Reading}s or a dead letter with a reason.
 *
 * <p>Payload contract v1, two forms told apart by the top-level JSON value:
 * <ul>
 *   <li>compact object {@code {"ts": "2026-11-23T10:15:00Z" | epoch-millis, "values": {"pm25": 35.2}}}:
 *       one reading; {@code ts} may be omitted by devices without a clock, the receive time is used then;</li>
 *   <li>SenML JSON array (RFC 8428), resolved by {@link SenmlPack}: one reading per distinct resolved
 *       time, oldest first. A resolved name is either the metric id ({@code pm25}) or ends in
 *       {@code :metric} or {@code /metric} after a segment equal to the topic's device id
 *       ({@code aq-ninh-kieu-01:pm25}, {@code urn:dev:ioc:aq-ninh-kieu-01:pm25}); a unit, when given, must
 *       be the metric's ({@link SenmlUnits}).</li>
 * </ul>
 * A message is accepted or rejected as a whole: one bad value rejects it, so a reading is never half
 * stored.
 */
public final class ReadingParser {

    /**
     * NaN/Infinity literals are parsed so they can be rejected as NON_FINITE rather than BAD_JSON. Anything
     * after the one JSON value (garbage, a second object) is BAD_JSON: otherwise it would be silently dropped.
     */
    private static final ObjectMapper LENIENT_NUMBERS = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Supplier<DeviceRegistry> registry;
    private final Duration maxAge;
    private final Duration maxFuture;

    /**
     * @param maxAge    readings older than this (against the receive time) are BAD_TIMESTAMP
     * @param maxFuture readings further ahead than this (clock skew allowance) are BAD_TIMESTAMP
     */
    public ReadingParser(DeviceRegistry registry, Duration maxAge, Duration maxFuture) {
        this(() -> registry, maxAge, maxFuture);
    }

    /** A parser that checks each message against the registry in force at that moment (see LiveRegistry). */
    public ReadingParser(Supplier<DeviceRegistry> registry, Duration maxAge, Duration maxFuture) {
        this.registry = registry;
        this.maxAge = maxAge;
        this.maxFuture = maxFuture;
    }

    public ParseResult parse(String topic, byte[] payload, Instant receivedAt) {
        try {
            return new ParseResult.Accepted(read(topic, payload, receivedAt));
        } catch (Rejection rejection) {
            return new ParseResult.Rejected(
                    DeadLetter.of(rejection.reason(), rejection.getMessage(), topic, payload, receivedAt));
        }
    }

    private List<Reading> read(String topic, byte[] payload, Instant receivedAt) throws Rejection {
        String deviceId = TelemetryTopic.deviceId(topic)
                .orElseThrow(() ->
                        new Rejection(DeadLetterReason.BAD_TOPIC, "topic is not of the form " + TelemetryTopic.FILTER));
        Device device = registry.get()
                .device(deviceId)
                .orElseThrow(() ->
                        new Rejection(DeadLetterReason.UNKNOWN_DEVICE, "device " + deviceId + " is not registered"));
        JsonNode root = json(payload);
        if (root.isArray()) {
            return senml(root, device, topic, receivedAt);
        }
        if (!root.isObject()) {
            throw new Rejection(
                    DeadLetterReason.BAD_PAYLOAD,
                    "payload must be a JSON object (compact form) or a JSON array (SenML)");
        }
        Instant ts = timestamp(root.get("ts"), receivedAt);
        return List.of(new Reading(
                Reading.SCHEMA_VERSION, deviceId, ts, values(root.get("values"), device), receivedAt, topic));
    }

    private List<Reading> senml(JsonNode pack, Device device, String topic, Instant receivedAt) throws Rejection {
        Map<Instant, Map<String, Double>> byTime = new TreeMap<>();
        for (SenmlPack.Resolved record : SenmlPack.resolve(pack, receivedAt)) {
            Metric metric = senmlMetric(record, device);
            if (!SenmlUnits.accepts(metric, record.unit())) {
                throw new Rejection(
                        DeadLetterReason.BAD_UNIT,
                        "SenML record " + record.index() + ": unit '"
                                + SenmlPack.abbreviate(record.unit()) + "' is not the unit of " + metric.id()
                                + " (accepted: "
                                + String.join(", ", SenmlUnits.accepted(metric)) + ")");
            }
            double value = checked(metric, senmlValue(record, metric));
            Instant ts = inWindow(record.time(), receivedAt);
            if (byTime.computeIfAbsent(ts, t -> new LinkedHashMap<>()).put(metric.id(), value) != null) {
                throw new Rejection(
                        DeadLetterReason.BAD_PAYLOAD,
                        "SenML record " + record.index() + ": " + metric.id() + " at " + ts
                                + " appears twice in the pack");
            }
        }
        List<Reading> readings = new ArrayList<>(byTime.size());
        byTime.forEach((ts, values) ->
                readings.add(new Reading(Reading.SCHEMA_VERSION, device.id(), ts, values, receivedAt, topic)));
        return readings;
    }

    /**
     * The metric a resolved SenML name means for {@code device}: the name is the metric id, or it ends in
     * {@code :metric} / {@code /metric} and the segment before that is the device id.
     */
    private static Metric senmlMetric(SenmlPack.Resolved record, Device device) throws Rejection {
        String name = record.name();
        int separator = Math.max(name.lastIndexOf(':'), name.lastIndexOf('/'));
        String metricId = name.substring(separator + 1);
        if (separator >= 0) {
            String prefix = name.substring(0, separator);
            String named = prefix.substring(Math.max(prefix.lastIndexOf(':'), prefix.lastIndexOf('/')) + 1);
            if (!named.equals(device.id())) {
                throw new Rejection(
                        DeadLetterReason.BAD_PAYLOAD,
                        "SenML record " + record.index() + ": name '"
                                + SenmlPack.abbreviate(name) + "' does not name device " + device.id()
                                + " of the topic (expected " + device.id() + ":<metric> or a metric id)");
            }
            if (metricId.isEmpty()) {
                throw new Rejection(
                        DeadLetterReason.BAD_PAYLOAD,
                        "SenML record " + record.index() + ": name '" + SenmlPack.abbreviate(name)
                                + "' does not end in a metric id");
            }
        }
        return metric(metricId, device);
    }

    private static double senmlValue(SenmlPack.Resolved record, Metric metric) throws Rejection {
        double value = 0;
        for (JsonNode part : new JsonNode[] {record.value(), record.base()}) {
            if (part == null) {
                continue;
            }
            if (!part.isNumber() || !Double.isFinite(part.asDouble())) {
                throw new Rejection(
                        DeadLetterReason.NON_FINITE,
                        "SenML record " + record.index() + ": " + metric.id() + " must be a finite number");
            }
            value += part.asDouble();
        }
        return value;
    }

    private static JsonNode json(byte[] payload) throws Rejection {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
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
        } catch (MismatchedInputException e) {
            // The only databind check of a tree read: content after the JSON value.
            throw new Rejection(
                    DeadLetterReason.BAD_JSON,
                    "payload has content after its JSON value at line "
                            + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr()
                            + "; publish one JSON value per message");
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
                throw new Rejection(
                        DeadLetterReason.BAD_TIMESTAMP,
                        "ts must be an ISO-8601 instant such as 2026-11-23T10:15:00Z or epoch milliseconds");
            }
        } else {
            throw new Rejection(DeadLetterReason.BAD_TIMESTAMP, "ts must be a string or an integer");
        }
        return inWindow(ts, receivedAt);
    }

    private Instant inWindow(Instant ts, Instant receivedAt) throws Rejection {
        if (ts.isBefore(receivedAt.minus(maxAge)) || ts.isAfter(receivedAt.plus(maxFuture))) {
            throw new Rejection(
                    DeadLetterReason.BAD_TIMESTAMP,
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
            Metric metric = metric(field.getKey(), device);
            JsonNode value = field.getValue();
            if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
                throw new Rejection(DeadLetterReason.NON_FINITE, metric.id() + " must be a finite number");
            }
            values.put(metric.id(), checked(metric, value.asDouble()));
        }
        return values;
    }

    private static Metric metric(String metricId, Device device) throws Rejection {
        Optional<Metric> metric =
                Metric.byId(metricId).filter(m -> device.metrics().contains(m.id()));
        if (metric.isEmpty()) {
            throw new Rejection(
                    DeadLetterReason.UNKNOWN_METRIC,
                    "device " + device.id() + " does not report metric '" + abbreviate(metricId) + "'");
        }
        return metric.get();
    }

    private static double checked(Metric metric, double number) throws Rejection {
        if (!metric.accepts(number)) {
            throw new Rejection(
                    DeadLetterReason.OUT_OF_RANGE,
                    metric.id() + " = " + number + " is outside " + metric.min() + ".." + metric.max() + " "
                            + metric.unit());
        }
        return number;
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String abbreviate(String text) {
        return SenmlPack.abbreviate(text);
    }
}
