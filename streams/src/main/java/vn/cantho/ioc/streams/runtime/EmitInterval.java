package vn.cantho.ioc.streams.runtime;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;

/**
 * How often a processor that coalesces its changes emits them: the application's commit interval, since output
 * only becomes visible at a commit anyway (exactly-once); one second when it is not set.
 */
public final class EmitInterval {

    private EmitInterval() {}

    public static Duration of(Map<String, Object> appConfigs) {
        Object interval = appConfigs.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
        long ms = interval == null ? 1000 : Long.parseLong(interval.toString());
        return Duration.ofMillis(Math.max(10, ms));
    }
}
