package vn.cantho.ioc.api;

import java.time.Duration;
import vn.cantho.ioc.model.config.Config;

/**
 * Where the API listens, and the pace of the live alert stream.
 *
 * @param host            interface to bind, e.g. {@code 0.0.0.0} for all or {@code 127.0.0.1} for local only
 * @param port            TCP port; 0 picks a free one (see {@link ApiServer#port()})
 * @param streamPoll      how often the live stream reads the audit trail when this process signalled no
 *                        change (changes made by other hub instances are seen this late at most)
 * @param streamHeartbeat how often an idle live stream gets a heartbeat comment
 * @param overdueCheck    how often requests for explanation left unanswered past due are looked for (each
 *                        raises an alert once)
 */
public record ApiConfig(String host, int port, Duration streamPoll, Duration streamHeartbeat, Duration overdueCheck) {

    public static final Duration DEFAULT_STREAM_POLL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_STREAM_HEARTBEAT = Duration.ofSeconds(15);
    public static final Duration DEFAULT_OVERDUE_CHECK = Duration.ofMinutes(1);

    public ApiConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("API host is empty");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("API port must be 0 to 65535, got " + port);
        }
        if (streamPoll.isNegative()
                || streamPoll.isZero()
                || streamHeartbeat.isNegative()
                || streamHeartbeat.isZero()
                || overdueCheck.isNegative()
                || overdueCheck.isZero()) {
            throw new IllegalArgumentException("stream poll, heartbeat and overdue check intervals must be positive");
        }
    }

    /** Host and port from {@link ApiSettings}; the stream's pace at its defaults. */
    public static ApiConfig from(Config config) {
        return new ApiConfig(config.get(ApiSettings.HTTP_HOST), config.get(ApiSettings.HTTP_PORT));
    }

    public ApiConfig(String host, int port, Duration streamPoll, Duration streamHeartbeat) {
        this(host, port, streamPoll, streamHeartbeat, DEFAULT_OVERDUE_CHECK);
    }

    public ApiConfig(String host, int port) {
        this(host, port, DEFAULT_STREAM_POLL, DEFAULT_STREAM_HEARTBEAT);
    }
}
