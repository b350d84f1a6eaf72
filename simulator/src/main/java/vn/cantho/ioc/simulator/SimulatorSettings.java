package vn.cantho.ioc.simulator;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import vn.cantho.ioc.model.config.Setting;

/**
 * Configuration keys of the built-in simulators (sensors over MQTT, departments' feeds over HTTP).
 * {@link SimulatorOptions#from} reads them; the hub lists them in the README's configuration table.
 */
public final class SimulatorSettings {

    public static final Setting<Boolean> ENABLED = Setting.flag(
            "SIMULATOR_ENABLED",
            true,
            "Run the built-in Cần Thơ simulator: every registered sensor (air, river level, water quality, traffic, "
                    + "visitors) publishes over MQTT like a real device.");
    public static final Setting<Cadences> INTERVAL = new Setting<>(
            "SIMULATOR_INTERVAL",
            Cadences.DEFAULT,
            "How often each simulated device publishes: one interval for all types and/or type=interval "
                    + "(5s = every device every 5 s). See docs/simulator.md.",
            Cadences::parse);
    public static final Setting<OptionalLong> SEED = new Setting<>(
            "SIMULATOR_SEED",
            "",
            "Seed of the simulated values and incidents (same seed, same city); empty = a new one at each start, "
                    + "logged.",
            SimulatorSettings::optionalLong);
    public static final Setting<Double> INCIDENT_PROBABILITY = new Setting<>(
            "SIMULATOR_INCIDENT_PROBABILITY",
            "0.05",
            "Chance that a simulated device has an incident in one incident "
                    + "window (PM2.5 spike: 2 h, traffic jam: 1 h, river past BĐ II: 1 day); 0 = none.",
            SimulatorSettings::probability);

    public static final Setting<Boolean> FEEDS_ENABLED = Setting.flag(
            "SIMULATOR_FEEDS_ENABLED",
            true,
            "With SIMULATOR_ENABLED, also push the departments' feeds (statistics, dossiers, 1022, social listening, "
                    + "SOC, tourism, hotels, traffic safety) over HTTP to the feed API. See docs/simulator.md.");
    public static final Setting<Optional<URI>> FEED_URL = new Setting<>(
            "SIMULATOR_FEED_URL",
            "",
            "Feed API the simulator pushes to, e.g. http://127.0.0.1:8081; empty = this hub's own feed API.",
            SimulatorSettings::optionalHttpUrl);
    public static final Setting<Optional<Path>> FEED_TOKENS = Setting.optionalFile(
            "SIMULATOR_FEED_TOKENS",
            "File of department=token lines for the feed simulator; empty = the embedded default's "
                    + "<IOC_DATA_DIR>/demo-tokens.txt (with an external database and no file, feeds are not simulated).");
    public static final Setting<Duration> FEED_INTERVAL = Setting.positiveDuration(
            "SIMULATOR_FEED_INTERVAL",
            "5m",
            "How often the simulated departments push their feeds (already pushed records come back as duplicates).");
    public static final Setting<Duration> FEED_HISTORY = Setting.positiveDuration(
            "SIMULATOR_FEED_HISTORY",
            "14d",
            "How far back daily, hourly and event feeds are pushed (monthly/quarterly releases: 13-25 months).");

    private SimulatorSettings() {}

    public static List<Setting<?>> all() {
        return List.of(
                ENABLED,
                INTERVAL,
                SEED,
                INCIDENT_PROBABILITY,
                FEEDS_ENABLED,
                FEED_URL,
                FEED_TOKENS,
                FEED_INTERVAL,
                FEED_HISTORY);
    }

    private static OptionalLong optionalLong(String text) {
        if (text.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a whole number or nothing");
        }
    }

    private static double probability(String text) {
        try {
            double value = Double.parseDouble(text.trim());
            if (value >= 0 && value <= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("expected a probability from 0 to 1, e.g. 0.05");
    }

    private static Optional<URI> optionalHttpUrl(String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        if (!text.trim().matches("https?://[^/\\s]+(:\\d+)?/?")) {
            throw new IllegalArgumentException("expected e.g. http://127.0.0.1:8081");
        }
        return Optional.of(URI.create(text.trim()));
    }
}
