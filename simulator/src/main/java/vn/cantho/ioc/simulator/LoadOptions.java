package vn.cantho.ioc.simulator;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Options of the load generator ({@code ./ioc load}).
 *
 * @param rate        target messages per second, over all clients
 * @param duration    how long to publish (then it waits up to {@link #DRAIN} for the last acknowledgements)
 * @param mqttUrl     broker, {@code tcp://host:port}
 * @param clients     MQTT connections publishing in parallel
 * @param senmlShare  share of messages sent as SenML (0 to 1); the rest use the compact form
 * @param seed        seed of the simulated values
 * @param registryDir device registry directory, or empty for the built-in one
 * @param allowRemote whether a broker that is not on this machine may be loaded
 * @param valuesPerMessage metric values in every message, or empty for the realistic mix (each device type
 *                    reports what it measures: 1 to 6 values)
 */
public record LoadOptions(
        int rate,
        Duration duration,
        String mqttUrl,
        int clients,
        double senmlShare,
        long seed,
        Optional<Path> registryDir,
        boolean allowRemote,
        OptionalInt valuesPerMessage) {

    public static final String USAGE = """
            usage: ./ioc load [--rate N] [--duration D] [--mqtt-url URL] [--clients N] [--senml SHARE] [--seed N]
                              [--registry-dir DIR] [--allow-remote] [--values-per-message N]
              --rate N          messages per second over all clients (default 1000, at most 1000000)
              --duration D      how long to publish: 500ms, 30s, 5m, 1h (default 10s, at most 1h)
              --mqtt-url URL    broker (default tcp://127.0.0.1:1883, the hub's embedded broker)
              --clients N       parallel MQTT connections (default 2, at most 64)
              --senml SHARE     share of messages sent as SenML, 0 to 1 (default 0.2)
              --seed N          seed of the simulated values (default 1)
              --registry-dir D  devices.json/areas.json to spread over (default: the built-in registry)
              --allow-remote    allow a broker that is not on this machine (default: loopback only)
              --values-per-message N
                                exactly N metric values in every message, 1 to 6, sent only by devices that
                                measure at least N metrics (default: the realistic mix of every device type)
            Prints one JSON line: sent, acknowledged, failed, achieved rate, publish latency percentiles.
            Exit status 0 when every message was acknowledged, 1 otherwise, 2 on a usage error.""";
    /** How long to wait for outstanding acknowledgements after the last publish. */
    public static final Duration DRAIN = Duration.ofSeconds(30);
    /** The most metric values a simulated device reports in one message (an air station's six). */
    public static final int MAX_VALUES_PER_MESSAGE = 6;

    private static final Duration MAX_DURATION = Duration.ofHours(1);
    private static final Pattern URL = Pattern.compile("(tcp|ssl|ws|wss)://(\\[[^]]+]|[^:/\\s]+):(\\d{1,5})");

    public LoadOptions {
        if (rate < 1 || rate > 1_000_000) {
            throw new IllegalArgumentException("--rate must be 1 to 1000000 messages per second");
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("--duration must be more than 0 and at most 1h");
        }
        if (clients < 1 || clients > 64) {
            throw new IllegalArgumentException("--clients must be 1 to 64");
        }
        if (!(senmlShare >= 0 && senmlShare <= 1)) {
            throw new IllegalArgumentException("--senml must be a share between 0 and 1");
        }
        if (!URL.matcher(mqttUrl).matches()) {
            throw new IllegalArgumentException("--mqtt-url must look like tcp://127.0.0.1:1883");
        }
        if (valuesPerMessage.isPresent()
                && (valuesPerMessage.getAsInt() < 1 || valuesPerMessage.getAsInt() > MAX_VALUES_PER_MESSAGE)) {
            throw new IllegalArgumentException("--values-per-message must be 1 to " + MAX_VALUES_PER_MESSAGE);
        }
    }

    /** Options with the realistic mix of values per message. */
    public LoadOptions(
            int rate,
            Duration duration,
            String mqttUrl,
            int clients,
            double senmlShare,
            long seed,
            Optional<Path> registryDir,
            boolean allowRemote) {
        this(rate, duration, mqttUrl, clients, senmlShare, seed, registryDir, allowRemote, OptionalInt.empty());
    }

    /** These options with another broker, registry and values per message (what a benchmark changes). */
    public LoadOptions towards(String url, Optional<Path> registry, OptionalInt values) {
        return new LoadOptions(rate, duration, url, clients, senmlShare, seed, registry, allowRemote, values);
    }

    /** These options with another rate and duration (a benchmark's steps). */
    public LoadOptions at(int newRate, Duration newDuration) {
        return new LoadOptions(
                newRate, newDuration, mqttUrl, clients, senmlShare, seed, registryDir, allowRemote, valuesPerMessage);
    }

    /** These options as command-line arguments: {@link #parse} of them gives these options back. */
    public List<String> toArgs() {
        List<String> args = new ArrayList<>(List.of(
                "--rate", Integer.toString(rate),
                "--duration", duration.toMillis() + "ms",
                "--mqtt-url", mqttUrl,
                "--clients", Integer.toString(clients),
                "--senml", Double.toString(senmlShare),
                "--seed", Long.toString(seed)));
        registryDir.ifPresent(dir -> args.addAll(List.of("--registry-dir", dir.toString())));
        if (allowRemote) {
            args.add("--allow-remote");
        }
        valuesPerMessage.ifPresent(n -> args.addAll(List.of("--values-per-message", Integer.toString(n))));
        return args;
    }

    public static LoadOptions defaults() {
        return new LoadOptions(
                1000, Duration.ofSeconds(10), "tcp://127.0.0.1:1883", 2, 0.2, 1, Optional.empty(), false);
    }

    /** Parses {@code --name value} and {@code --name=value} arguments. */
    public static LoadOptions parse(String... args) {
        LoadOptions o = defaults();
        int rate = o.rate;
        Duration duration = o.duration;
        String url = o.mqttUrl;
        int clients = o.clients;
        double senml = o.senmlShare;
        long seed = o.seed;
        Optional<Path> registry = o.registryDir;
        boolean remote = false;
        OptionalInt values = OptionalInt.empty();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            if (name.equals("--allow-remote")) {
                remote = true;
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(
                            name.startsWith("--") ? name + " needs a value" : "unknown argument '" + name + "'");
                }
                value = args[++i];
            }
            try {
                switch (name) {
                    case "--rate" -> rate = Integer.parseInt(value.trim());
                    case "--duration" -> duration = Cadences.duration(value);
                    case "--mqtt-url" -> url = value.trim();
                    case "--clients" -> clients = Integer.parseInt(value.trim());
                    case "--senml" -> senml = Double.parseDouble(value.trim());
                    case "--seed" -> seed = Long.parseLong(value.trim());
                    case "--registry-dir" -> registry = Optional.of(Path.of(value.trim()));
                    case "--values-per-message" -> values = OptionalInt.of(Integer.parseInt(value.trim()));
                    default -> throw new IllegalArgumentException("unknown option '" + name + "'");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " needs a number, got '" + value + "'");
            }
        }
        return new LoadOptions(rate, duration, url, clients, senml, seed, registry, remote, values);
    }

    /** The broker's host name or address. */
    public String host() {
        Matcher matcher = URL.matcher(mqttUrl);
        if (!matcher.matches()) {
            throw new IllegalStateException(mqttUrl);
        }
        String host = matcher.group(2);
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    /** Whether every address of the broker's host is a loopback address. */
    public boolean loopback() {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host());
            for (InetAddress address : addresses) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return addresses.length > 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
