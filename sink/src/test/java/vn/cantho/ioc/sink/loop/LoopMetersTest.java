package vn.cantho.ioc.sink.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.model.metrics.StageMeters;

class LoopMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final String group = "loop-meters-" + UUID.randomUUID();

    @BeforeEach
    void collect() {
        Metrics.addRegistry(registry);
    }

    @AfterEach
    void stopCollecting() {
        Metrics.removeRegistry(registry);
    }

    @Test
    void loops_of_one_group_report_the_sum_of_their_lags_until_the_last_one_closes() {
        // Given two loops of one group, as the observation sink runs them
        AtomicLong firstLag = new AtomicLong(3);
        AtomicLong secondLag = new AtomicLong(4);
        LoopMeters first = new LoopMeters("t", group, firstLag, retry());
        LoopMeters second = new LoopMeters("t", group, secondLag, retry());

        // Then the group's lag is the sum over both
        assertThat(lag()).isEqualTo(7.0);

        // When one closes, the other's lag remains; when both have, the series is gone
        first.close();
        assertThat(lag()).isEqualTo(4.0);
        second.close();
        assertThat(registry.find(StageMeters.CONSUMER_LAG).tag("group", group).gauge())
                .isNull();
    }

    private double lag() {
        Gauge gauge =
                registry.find(StageMeters.CONSUMER_LAG).tag("group", group).gauge();
        assertThat(gauge).isNotNull();
        return gauge.value();
    }

    private static RetryWithBackoff retry() {
        return new RetryWithBackoff("test", Duration.ofSeconds(1), () -> true, LoggerFactory.getLogger("test"));
    }
}
