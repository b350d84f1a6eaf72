package vn.cantho.ioc.alerting.runtime;

import static vn.cantho.ioc.alerting.runtime.AlertingSettings.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import vn.cantho.ioc.alerting.AlertingSetup;
import vn.cantho.ioc.alerting.notify.WebhookDispatcher;
import vn.cantho.ioc.model.config.Config;
import vn.cantho.ioc.model.config.ConfigException;
import vn.cantho.ioc.model.config.Setting;

/**
 * The alert lifecycle's configuration, every key parsed and both files read at start, so a bad value
 * stops the hub with a message naming the key.
 */
public record AlertingOptions(String groupId, AlertingSetup setup, Duration escalationInterval,
                              WebhookDispatcher.Options webhooks, Duration maxBackoff) {

    public static AlertingOptions from(Config config) {
        Optional<Path> policyFile = file(config, POLICY_FILE);
        Optional<Path> receiversFile = file(config, RECEIVERS_FILE);
        AlertingSetup setup;
        try {
            setup = AlertingSetup.load(policyFile, receiversFile, System::getenv);
        } catch (IllegalArgumentException e) {
            String key = receiversFile.isPresent() && e.getMessage().startsWith(receiversFile.get().toString())
                    ? RECEIVERS_FILE.key() : POLICY_FILE.key();
            throw new ConfigException("invalid alerting configuration (" + key + "): " + e.getMessage());
        }
        return new AlertingOptions(config.get(GROUP_ID), setup, positive(config, ESCALATION_INTERVAL),
                new WebhookDispatcher.Options(positive(config, WEBHOOK_INTERVAL), positive(config, WEBHOOK_TIMEOUT),
                        positive(config, WEBHOOK_FIRST_BACKOFF), positive(config, WEBHOOK_MAX_BACKOFF),
                        positive(config, WEBHOOK_GIVE_UP_AFTER)),
                positive(config, ALERT_MAX_BACKOFF));
    }

    private static Optional<Path> file(Config config, Setting<String> setting) {
        if (!config.isSet(setting)) {
            return Optional.empty();
        }
        Path path = Path.of(config.get(setting));
        if (!Files.isRegularFile(path)) {
            throw new ConfigException("invalid value '" + path + "' for " + setting.key() + ": no such file");
        }
        return Optional.of(path);
    }

    private static Duration positive(Config config, Setting<Duration> setting) {
        Duration value = config.get(setting);
        if (value.isZero() || value.isNegative()) {
            throw new ConfigException("invalid value '" + value + "' for " + setting.key()
                    + ": expected a positive duration");
        }
        return value;
    }
}
