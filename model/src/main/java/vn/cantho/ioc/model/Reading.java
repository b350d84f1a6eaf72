package vn.cantho.ioc.model;

import java.time.Instant;
import java.util.Map;

/**
 * One sensor message as accepted by ingest: the named values a device measured at one instant.
 * Value of {@link vn.cantho.ioc.model.kafka.Topics#TELEMETRY}.
 *
 * @param schemaVersion contract version of this record ({@link #SCHEMA_VERSION})
 * @param deviceId      device that sent it (registered)
 * @param ts            when the device measured (event time)
 * @param values        metric id to value; finite numbers only
 * @param receivedAt    when ingest received it
 * @param source        where it came from, e.g. the MQTT topic
 */
public record Reading(
        int schemaVersion, String deviceId, Instant ts, Map<String, Double> values, Instant receivedAt, String source) {

    public static final int SCHEMA_VERSION = 1;
}
