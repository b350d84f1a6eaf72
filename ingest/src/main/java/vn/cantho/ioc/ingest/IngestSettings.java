package vn.cantho.ioc.ingest;

import java.time.Duration;
import java.util.List;
import vn.cantho.ioc.model.config.Setting;

/**
 * Configuration keys of the ingest stage, shared by the hub (which embeds ingest) and by
 * {@link IngestMain} (ingest as a process of its own). The README's configuration table lists them.
 */
public final class IngestSettings {

    public static final Setting<String> CLIENT_ID = Setting.text(
            "INGEST_CLIENT_ID",
            "ioc-ingest",
            "MQTT client id of the ingest bridge; the broker keeps its persistent session under it.");
    public static final Setting<String> SHARED_GROUP = Setting.text(
            "INGEST_SHARED_GROUP",
            "",
            "MQTT 5 shared-subscription group so several hubs split the sensor load; empty = none.");
    public static final Setting<Integer> RECEIVE_MAXIMUM = Setting.positiveInt(
            "INGEST_RECEIVE_MAXIMUM",
            1000,
            "Unacknowledged QoS 1 messages the broker may have in flight to the bridge.");
    public static final Setting<Integer> MAX_PAYLOAD_BYTES = Setting.positiveInt(
            "INGEST_MAX_PAYLOAD_BYTES", 65536, "Larger MQTT payloads are dead-lettered as TOO_LARGE.");
    public static final Setting<Duration> MAX_AGE =
            Setting.duration("INGEST_MAX_AGE", "7d", "Readings older than this are dead-lettered as BAD_TIMESTAMP.");
    public static final Setting<Duration> MAX_FUTURE = Setting.duration(
            "INGEST_MAX_FUTURE",
            "5m",
            "Readings further in the future than this (device clock skew) are dead-lettered as BAD_TIMESTAMP.");
    public static final Setting<Duration> SESSION_EXPIRY = Setting.duration(
            "INGEST_SESSION_EXPIRY", "7d", "How long the MQTT broker keeps queuing for the bridge while it is away.");

    private IngestSettings() {}

    public static List<Setting<?>> all() {
        return List.of(
                CLIENT_ID, SHARED_GROUP, RECEIVE_MAXIMUM, MAX_PAYLOAD_BYTES, MAX_AGE, MAX_FUTURE, SESSION_EXPIRY);
    }
}
