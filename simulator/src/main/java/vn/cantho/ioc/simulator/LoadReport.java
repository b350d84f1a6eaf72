package vn.cantho.ioc.simulator;

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

    /** The number of values in every message, or {@code "mix"} for the realistic mix. */
    public Object valuesPerMessageLabel() {
        return valuesPerMessage.isPresent() ? (Object) valuesPerMessage.getAsInt() : "mix";
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
