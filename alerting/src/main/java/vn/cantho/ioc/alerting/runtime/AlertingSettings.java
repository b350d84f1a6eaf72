package vn.cantho.ioc.alerting.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import vn.cantho.ioc.model.config.Setting;

/**
 * Configuration keys of the alert lifecycle. The hub lists them in its settings and the README's
 * configuration table; {@link AlertingOptions#from} checks them at start.
 */
public final class AlertingSettings {

    public static final Setting<String> GROUP_ID = Setting.text(
            "ALERT_GROUP_ID",
            "ioc-alerts",
            "Kafka consumer group that stores condition events from ioc.alert-conditions.v1 as alerts.");
    public static final Setting<Optional<Path>> POLICY_FILE = Setting.optionalFile(
            "ALERT_POLICY_FILE",
            "JSON file with escalation policies and inhibition rules; empty = the shipped default "
                    + "(docs/alert-model.md).");
    public static final Setting<Optional<Path>> RECEIVERS_FILE = Setting.optionalFile(
            "ALERT_RECEIVERS_FILE",
            "JSON file with the webhook receivers (URL, secret or secretEnv); empty = no notifications "
                    + "(docs/notifications.md).");
    public static final Setting<Duration> ESCALATION_INTERVAL = Setting.positiveDuration(
            "ALERT_ESCALATION_INTERVAL",
            "5s",
            "How often due escalation steps are looked for (a step fires at most this late).");
    public static final Setting<Duration> WEBHOOK_INTERVAL = Setting.positiveDuration(
            "WEBHOOK_INTERVAL", "1s", "How often the notification outbox is looked at for messages to send.");
    public static final Setting<Duration> WEBHOOK_TIMEOUT =
            Setting.positiveDuration("WEBHOOK_TIMEOUT", "10s", "Connect and response timeout of one webhook request.");
    public static final Setting<Duration> WEBHOOK_FIRST_BACKOFF = Setting.positiveDuration(
            "WEBHOOK_FIRST_BACKOFF",
            "5s",
            "Wait after a webhook's first failed attempt; doubles per failure up to WEBHOOK_MAX_BACKOFF.");
    public static final Setting<Duration> WEBHOOK_MAX_BACKOFF = Setting.positiveDuration(
            "WEBHOOK_MAX_BACKOFF", "5m", "Longest wait between attempts to deliver a webhook.");
    public static final Setting<Duration> WEBHOOK_GIVE_UP_AFTER = Setting.positiveDuration(
            "WEBHOOK_GIVE_UP_AFTER",
            "24h",
            "A webhook still undelivered this long after it was queued is abandoned (kept in the outbox with "
                    + "its last error).");
    public static final Setting<Duration> ALERT_MAX_BACKOFF = Setting.positiveDuration(
            "ALERT_MAX_BACKOFF",
            "10s",
            "Longest wait between retries while the database cannot store condition events.");

    private AlertingSettings() {}

    public static List<Setting<?>> all() {
        return List.of(
                GROUP_ID,
                POLICY_FILE,
                RECEIVERS_FILE,
                ESCALATION_INTERVAL,
                WEBHOOK_INTERVAL,
                WEBHOOK_TIMEOUT,
                WEBHOOK_FIRST_BACKOFF,
                WEBHOOK_MAX_BACKOFF,
                WEBHOOK_GIVE_UP_AFTER,
                ALERT_MAX_BACKOFF);
    }
}
