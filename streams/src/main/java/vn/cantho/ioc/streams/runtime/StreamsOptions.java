package vn.cantho.ioc.streams.runtime;

import static vn.cantho.ioc.streams.runtime.StreamsSettings.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import vn.cantho.ioc.model.calendar.WorkingCalendar;
import vn.cantho.ioc.model.config.Config;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.IndicatorRegistry;
import vn.cantho.ioc.streams.indicator.IndicatorOptions;
import vn.cantho.ioc.streams.rules.catalogue.RuleCatalogue;

/**
 * The streams applications' settings ({@link StreamsSettings}), parsed and checked once.
 *
 * @param threads          {@code STREAMS_THREADS}, stream threads per application
 * @param commitInterval   {@code STREAMS_COMMIT_INTERVAL}: telemetry (aggregation and indicators), KPIs
 * @param aggregationAppId {@code STREAMS_APP_ID}, the telemetry application
 * @param aggregateGrace   {@code AGGREGATE_GRACE}
 * @param dedupWindow      {@code DEDUP_WINDOW}
 * @param kpiAppId         {@code KPI_APP_ID}
 * @param formerIndicatorsAppId {@code INDICATORS_APP_ID}: where hubs built before 2026-12-06 kept the indicators' state
 * @param indicators       {@code INDICATOR_GRACE} and {@code FLOOD_ALERT_LEVELS}
 * @param rules            the rule processor's keys
 * @param calendar         {@code HOLIDAYS_FILE} read, else the built-in holidays: working days of the SLA clocks of
 *                         rules and KPIs
 */
public record StreamsOptions(
        int threads,
        Duration commitInterval,
        String aggregationAppId,
        Duration aggregateGrace,
        Duration dedupWindow,
        String kpiAppId,
        String formerIndicatorsAppId,
        IndicatorOptions indicators,
        Rules rules,
        WorkingCalendar calendar) {

    /**
     * The rule processor's options.
     *
     * @param appId          {@code RULES_APP_ID}
     * @param commitInterval {@code RULES_COMMIT_INTERVAL}
     * @param tickInterval   {@code RULES_TICK_INTERVAL}
     * @param file           {@code RULES_FILE}; empty for the built-in catalogue
     */
    public record Rules(String appId, Duration commitInterval, Duration tickInterval, Optional<Path> file) {

        /**
         * The catalogue these options name, checked against the registries.
         *
         * @throws vn.cantho.ioc.streams.rules.catalogue.InvalidCatalogueException listing every fault
         */
        public RuleCatalogue catalogue(DeviceRegistry devices, IndicatorRegistry indicators, Set<String> feeds) {
            return file.map(f -> RuleCatalogue.fromFile(f, devices, indicators, feeds))
                    .orElseGet(() -> RuleCatalogue.builtIn(devices, indicators, feeds));
        }
    }

    public static StreamsOptions from(Config config) {
        return new StreamsOptions(
                config.get(THREADS),
                config.get(COMMIT_INTERVAL),
                config.get(APP_ID),
                config.get(AGGREGATE_GRACE),
                config.get(DEDUP_WINDOW),
                config.get(KPI_APP_ID),
                config.get(INDICATORS_APP_ID),
                new IndicatorOptions(config.get(INDICATOR_GRACE), config.get(FLOOD_ALERT_LEVELS)),
                new Rules(
                        config.get(RULES_APP_ID),
                        config.get(RULES_COMMIT_INTERVAL),
                        config.get(RULES_TICK_INTERVAL),
                        config.get(RULES_FILE)),
                config.get(HOLIDAYS_FILE));
    }
}
