package vn.cantho.ioc.alerting.runtime;

import static vn.cantho.ioc.alerting.runtime.AlertingSettings.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import vn.cantho.ioc.alerting.AlertingSetup;
import vn.cantho.ioc.alerting.notify.WebhookDispatcher;
import vn.cantho.ioc.model.config.Config;
import vn.cantho.ioc.model.config.ConfigException;

/**
 * The alert lifecycle's configuration, every key parsed and both files read at start, so a bad value
 * stops the hub with a message naming the key.
 */
public record AlertingOptions(
        String groupId,
        AlertingSetup setup,
        Duration escalationInterval,
        WebhookDispatcher.Options webhooks,
        Duration maxBackoff) {

    public static AlertingOptions from(Config config) {
        Optional<Path> policyFile = config.get(POLICY_FILE);
        Optional<Path> receiversFile = config.get(RECEIVERS_FILE);
        AlertingSetup setup;
        try {
            setup = AlertingSetup.load(policyFile, receiversFile, System::getenv);
        } catch (IllegalArgumentException e) {
            String key = receiversFile.isPresent()
                            && e.getMessage().startsWith(receiversFile.get().toString())
                    ? RECEIVERS_FILE.key()
                    : POLICY_FILE.key();
            throw new ConfigException("invalid alerting configuration (" + key + "): " + e.getMessage());
        }
        return new AlertingOptions(
                config.get(GROUP_ID),
                setup,
                config.get(ESCALATION_INTERVAL),
                new WebhookDispatcher.Options(
                        config.get(WEBHOOK_INTERVAL),
                        config.get(WEBHOOK_TIMEOUT),
                        config.get(WEBHOOK_FIRST_BACKOFF),
                        config.get(WEBHOOK_MAX_BACKOFF),
                        config.get(WEBHOOK_GIVE_UP_AFTER)),
                config.get(ALERT_MAX_BACKOFF));
    }
}
