package vn.cantho.ioc.simulator;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.model.stage.Stage;
import vn.cantho.ioc.simulator.feed.FeedSimulator;

/**
 * The simulators a hub runs with {@code SIMULATOR_ENABLED}: every registered sensor publishing over MQTT
 * ({@code simulator}) and, with {@code SIMULATOR_FEEDS_ENABLED}, the departments pushing their feeds over HTTP with
 * tokens from a file like any client ({@code feed-simulator}). Both share one seed, so a seed replays the same city.
 */
public final class Simulators {

    private static final Logger LOG = LoggerFactory.getLogger(Simulators.class);

    private Simulators() {}

    /**
     * The stages to start, none when the simulator is off.
     *
     * @param mqttUrl       the broker the sensors publish to
     * @param ownFeedApi    the hub's own feed API, used unless {@code SIMULATOR_FEED_URL} names another
     * @param defaultTokens the embedded default's department tokens, used unless {@code SIMULATOR_FEED_TOKENS} is set
     */
    public static List<Stage> stages(
            SimulatorOptions options,
            Collection<Device> devices,
            String mqttUrl,
            URI ownFeedApi,
            Optional<Path> defaultTokens)
            throws Exception {
        List<Stage> stages = new ArrayList<>();
        if (!options.enabled()) {
            return stages;
        }
        long seed = options.seed().orElseGet(() -> new SecureRandom().nextLong());
        stages.add(Stage.of(
                "simulator",
                Simulator.sensors(devices, seed, options.incidentProbability(), mqttUrl, options.interval())));
        if (options.feedsEnabled()) {
            Optional<Path> tokens = options.feedTokens().or(() -> defaultTokens);
            if (tokens.isEmpty()) {
                LOG.warn("feed simulator not started: no department tokens (set SIMULATOR_FEED_TOKENS)");
            } else {
                stages.add(Stage.of(
                        "feed-simulator",
                        FeedSimulator.departments(
                                options.feedUrl().orElse(ownFeedApi),
                                tokens.get(),
                                seed,
                                options.feedInterval(),
                                options.feedHistory())));
            }
        }
        return stages;
    }
}
