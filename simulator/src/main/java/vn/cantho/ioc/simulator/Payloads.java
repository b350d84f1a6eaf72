package vn.cantho.ioc.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import vn.cantho.ioc.model.registry.Device;

/**
 * MQTT payloads exactly as devices send them (docs/architecture.md, MQTT contract v1): the hub's compact
 * JSON, or SenML JSON (RFC 8428) with the device in the base name and SenML unit symbols.
 */
public final class Payloads {

    /** The two payload forms of the MQTT contract. */
    public enum Format {
        /** {@code {"ts":"…","values":{…}}} */
        COMPACT,
        /** {@code [{"bn":"urn:dev:ioc:{deviceId}:","bt":…,"n":"…","u":"…","v":…},…]} */
        SENML
    }

    private Payloads() {}

    /**
     * The form the simulated device uses: the hydrological and water-quality stations speak SenML (as
     * vendors of such stations often do), everything else the compact form.
     */
    public static Format formatOf(Device device) {
        return switch (device.type()) {
            case SensorModels.WATER_GAUGE, SensorModels.WATER_QUALITY -> Format.SENML;
            default -> Format.COMPACT;
        };
    }

    public static byte[] encode(Format format, Device device, Instant ts, Map<String, Double> values) {
        return format == Format.SENML ? senml(device, ts, values) : compact(ts, values);
    }

    /** {@code {"ts":"2026-11-23T10:15:00.123Z","values":{"pm25":35.2}}} */
    public static byte[] compact(Instant ts, Map<String, Double> values) {
        StringBuilder json = new StringBuilder(32 + values.size() * 24);
        json.append("{\"ts\":\"")
                .append(Instant.ofEpochMilli(ts.toEpochMilli()))
                .append("\",\"values\":{");
        boolean first = true;
        for (Map.Entry<String, Double> value : values.entrySet()) {
            json.append(first ? "" : ",").append('"').append(value.getKey()).append("\":");
            number(json, value.getValue());
            first = false;
        }
        return json.append("}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One SenML record per value under a base name and base time; units as SenML symbols. */
    public static byte[] senml(Device device, Instant ts, Map<String, Double> values) {
        StringBuilder json = new StringBuilder(64 + values.size() * 40);
        long millis = ts.toEpochMilli();
        json.append("[{\"bn\":\"urn:dev:ioc:")
                .append(device.id())
                .append(":\",\"bt\":")
                .append(Math.floorDiv(millis, 1000L))
                .append('.');
        long fraction = Math.floorMod(millis, 1000L);
        json.append(fraction < 100 ? (fraction < 10 ? "00" : "0") : "")
                .append(fraction)
                .append(',');
        boolean first = true;
        for (Map.Entry<String, Double> value : values.entrySet()) {
            json.append(first ? "" : ",{")
                    .append("\"n\":\"")
                    .append(value.getKey())
                    .append('"');
            String unit = senmlUnit(value.getKey());
            if (unit != null) {
                json.append(",\"u\":\"").append(unit).append('"');
            }
            json.append(",\"v\":");
            number(json, value.getValue());
            json.append('}');
            first = false;
        }
        return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** SenML unit symbol (RFC 8428 / RFC 8798) of a metric, or the hub's own where SenML registers none. */
    static String senmlUnit(String metricId) {
        return switch (metricId) {
            case "pm25", "pm10", "o3", "co", "no2", "so2" -> "ug/m3";
            case "water_level" -> "m";
            case "ph" -> "pH";
            case "dissolved_oxygen" -> "mg/L";
            case "turbidity" -> "NTU";
            case "vehicle_count", "visitor_count" -> "count";
            case "mean_speed" -> "km/h";
            default -> null;
        };
    }

    private static void number(StringBuilder json, double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            json.append((long) value);
        } else {
            json.append(value);
        }
    }
}
