package vn.cantho.ioc.simulator;

import static vn.cantho.ioc.simulator.SimulatorSettings.*;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import vn.cantho.ioc.model.config.Config;

/**
 * The built-in simulators' settings ({@link SimulatorSettings}), parsed and checked once.
 *
 * @param enabled             {@code SIMULATOR_ENABLED}
 * @param interval            {@code SIMULATOR_INTERVAL}, each device type's publishing cadence
 * @param seed                {@code SIMULATOR_SEED}; empty = a new one at each start
 * @param incidentProbability {@code SIMULATOR_INCIDENT_PROBABILITY}
 * @param feedsEnabled        {@code SIMULATOR_FEEDS_ENABLED}
 * @param feedUrl             {@code SIMULATOR_FEED_URL}; empty = the hub's own feed API
 * @param feedTokens          {@code SIMULATOR_FEED_TOKENS}; empty = the embedded default's demo tokens
 * @param feedInterval        {@code SIMULATOR_FEED_INTERVAL}
 * @param feedHistory         {@code SIMULATOR_FEED_HISTORY}
 */
public record SimulatorOptions(
        boolean enabled,
        Cadences interval,
        OptionalLong seed,
        double incidentProbability,
        boolean feedsEnabled,
        Optional<URI> feedUrl,
        Optional<Path> feedTokens,
        Duration feedInterval,
        Duration feedHistory) {

    public static SimulatorOptions from(Config config) {
        return new SimulatorOptions(
                config.get(ENABLED),
                config.get(INTERVAL),
                config.get(SEED),
                config.get(INCIDENT_PROBABILITY),
                config.get(FEEDS_ENABLED),
                config.get(FEED_URL),
                config.get(FEED_TOKENS),
                config.get(FEED_INTERVAL),
                config.get(FEED_HISTORY));
    }
}
