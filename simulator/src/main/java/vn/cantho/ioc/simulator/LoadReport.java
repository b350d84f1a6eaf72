package vn.cantho.ioc.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import vn.cantho.ioc.model.json.Json;

/**
 * What a load-generator run did, printed as one JSON line.
 *
 * @param targetRate      messages per second asked for
 * @param durationSeconds publishing time asked for
 * @param elapsedSeconds  from the first publish to the last acknowledgement (or the end of publishing)
 * @param clients         MQTT connections used
 * @param devices         registry devices the messages were spread over
 * @param sent            messages handed to the MQTT clients
 * @param acknowledged    messages the broker acknowledged (QoS 1 PUBACK)
 * @param failed          messages refused, or not acknowledged within the drain time
 * @param senml           messages sent as SenML
 * @param achievedRate    acknowledged messages per elapsed second
 * @param latencyMs       publish-to-acknowledgement latency percentiles (p50, p90, p99, p999, max), ms
 * @param valuesPerMessage metric values in every message, or empty for the realistic mix
 */
public record LoadReport(
        int targetRate,
        double durationSeconds,
        double elapsedSeconds,
        int clients,
        int devices,
        long sent,
        long acknowledged,
        long failed,
        long senml,
        double achievedRate,
        Map<String, Double> latencyMs,
        String mqttUrl,
        OptionalInt valuesPerMessage) {

    /** Every message was acknowledged and none failed. */
    public boolean complete() {
        return failed == 0 && acknowledged == sent;
    }

    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("targetRate", targetRate);
        json.put("durationSeconds", durationSeconds);
        json.put("elapsedSeconds", round(elapsedSeconds));
        json.put("clients", clients);
        json.put("devices", devices);
        json.put("sent", sent);
        json.put("acknowledged", acknowledged);
        json.put("failed", failed);
        json.put("senml", senml);
        json.put("valuesPerMessage", valuesPerMessageLabel());
        json.put("achievedRate", round(achievedRate));
        json.put("latencyMs", latencyMs);
        json.put("mqttUrl", mqttUrl);
        try {
            return Json.mapper().writeValueAsString(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The report {@link #toJson()} printed, read back (a benchmark runs the generator in a child JVM and reads its line).
     *
     * @throws IllegalArgumentException when {@code json} is not such a line
     */
    public static LoadReport fromJson(String json) {
        try {
            JsonNode node = Json.mapper().readTree(json);
            Map<String, Double> latency = new LinkedHashMap<>();
            node.required("latencyMs")
                    .fields()
                    .forEachRemaining(e -> latency.put(e.getKey(), e.getValue().asDouble()));
            JsonNode values = node.required("valuesPerMessage");
            return new LoadReport(
                    node.required("targetRate").asInt(),
                    node.required("durationSeconds").asDouble(),
                    node.required("elapsedSeconds").asDouble(),
                    node.required("clients").asInt(),
                    node.required("devices").asInt(),
                    node.required("sent").asLong(),
                    node.required("acknowledged").asLong(),
                    node.required("failed").asLong(),
                    node.required("senml").asLong(),
                    node.required("achievedRate").asDouble(),
                    latency,
                    node.required("mqttUrl").asText(),
                    values.isInt() ? OptionalInt.of(values.asInt()) : OptionalInt.empty());
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not a load report: " + json, e);
        }
    }

    /** The number of values in every message, or {@code "mix"} for the realistic mix. */
    public Object valuesPerMessageLabel() {
        return valuesPerMessage.isPresent() ? (Object) valuesPerMessage.getAsInt() : "mix";
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
