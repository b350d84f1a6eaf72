package vn.cantho.ioc.hub;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import vn.cantho.ioc.model.calendar.WorkingCalendar;
import vn.cantho.ioc.model.config.Config;
import vn.cantho.ioc.model.config.ConfigException;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.IndicatorRegistry;
import vn.cantho.ioc.streams.rules.catalogue.RuleCatalogue;

/**
 * Configuration of the rule processor, checked at start.
 *
 * @param file         {@code RULES_FILE}; empty for the built-in catalogue
 * @param appId        {@code RULES_APP_ID}
 * @param tickInterval {@code RULES_TICK_INTERVAL}
 * @param calendar     {@code HOLIDAYS_FILE} read, else the built-in holidays: working days of the SLA clocks
 *                     of rules and of the KPIs
 */
public record RulesConfig(Optional<Path> file, String appId, Duration tickInterval, WorkingCalendar calendar) {

    public static RulesConfig from(Config config) {
        Optional<Path> file = config.isSet(HubSettings.RULES_FILE)
                ? Optional.of(Path.of(config.get(HubSettings.RULES_FILE))) : Optional.empty();
        file.ifPresent(f -> {
            if (!Files.isRegularFile(f)) {
                throw new ConfigException("invalid value '" + f + "' for " + HubSettings.RULES_FILE.key()
                        + ": no such file");
            }
        });
        Duration tick = config.get(HubSettings.RULES_TICK_INTERVAL);
        if (tick.compareTo(Duration.ofMillis(100)) < 0) {
            throw new ConfigException("invalid value '" + tick + "' for " + HubSettings.RULES_TICK_INTERVAL.key()
                    + ": expected at least 100ms");
        }
        return new RulesConfig(file, config.get(HubSettings.RULES_APP_ID), tick, calendar(config));
    }

    private static WorkingCalendar calendar(Config config) {
        if (!config.isSet(HubSettings.HOLIDAYS_FILE)) {
            return WorkingCalendar.builtIn();
        }
        String value = config.get(HubSettings.HOLIDAYS_FILE);
        try {
            return WorkingCalendar.fromFile(Path.of(value));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("invalid value '" + value + "' for " + HubSettings.HOLIDAYS_FILE.key() + ": "
                    + e.getMessage());
        }
    }

    /**
     * The catalogue this configuration names, checked against the registries.
     *
     * @throws vn.cantho.ioc.streams.rules.catalogue.InvalidCatalogueException listing every fault
     */
    public RuleCatalogue catalogue(DeviceRegistry devices, IndicatorRegistry indicators, Set<String> feeds) {
        return file.map(f -> RuleCatalogue.fromFile(f, devices, indicators, feeds))
                .orElseGet(() -> RuleCatalogue.builtIn(devices, indicators, feeds));
    }
}
