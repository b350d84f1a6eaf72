package vn.cantho.ioc.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.model.health.HealthCheck;
import vn.cantho.ioc.model.health.HealthCheck.Status;

/** The health probe: aggregation of component states and its time bound. */
class HealthProbeTest {

    private static final Duration BOUND = Duration.ofMillis(300);

    private final CountDownLatch never = new CountDownLatch(1);
    private HealthProbe probe;

    @AfterEach
    void release() {
        never.countDown();
        if (probe != null) {
            probe.close();
        }
    }

    @Test
    void every_component_up_makes_the_whole_up() {
        // Given
        probe = probe(Map.of("kafka", () -> Status.up("3 brokers")));

        // When
        HealthReport report = probe.probe();

        // Then
        assertThat(report.up()).isTrue();
        assertThat(report.status()).isEqualTo("UP");
        assertThat(report.components()).containsEntry("kafka", new HealthReport.Component("UP", "3 brokers"));
    }

    @Test
    void one_component_down_makes_the_whole_down_and_keeps_the_order() {
        // Given
        Map<String, HealthCheck> checks = new LinkedHashMap<>();
        checks.put("kafka", () -> Status.up("ok"));
        checks.put("database", () -> Status.down("connection refused"));
        checks.put("mqtt", () -> Status.up("ok"));
        probe = probe(checks);

        // When
        HealthReport report = probe.probe();

        // Then
        assertThat(report.status()).isEqualTo("DOWN");
        assertThat(report.components().keySet()).containsExactly("kafka", "database", "mqtt");
        assertThat(report.components().get("database"))
                .isEqualTo(new HealthReport.Component("DOWN", "connection refused"));
    }

    @Test
    void a_check_that_throws_or_returns_nothing_is_down() {
        // Given
        Map<String, HealthCheck> checks = new LinkedHashMap<>();
        checks.put("broken", () -> {
            throw new IllegalStateException("boom");
        });
        checks.put("silent", () -> null);
        probe = probe(checks);

        // When
        HealthReport report = probe.probe();

        // Then
        assertThat(report.components().get("broken").status()).isEqualTo("DOWN");
        assertThat(report.components().get("broken").detail()).contains("boom");
        assertThat(report.components().get("silent").status()).isEqualTo("DOWN");
    }

    @Test
    void a_hung_check_is_reported_down_and_does_not_delay_the_others() {
        // Given
        Map<String, HealthCheck> checks = new LinkedHashMap<>();
        checks.put("hung", this::hang);
        checks.put("kafka", () -> Status.up("ok"));
        probe = probe(checks);

        // When
        HealthReport report = probe.probe();

        // Then
        assertThat(report.status()).isEqualTo("DOWN");
        assertThat(report.components().get("hung"))
                .isEqualTo(new HealthReport.Component("DOWN", "no answer within 300 ms"));
        assertThat(report.components().get("kafka").status()).isEqualTo("UP");
    }

    @Test
    void a_hung_check_is_not_started_again_while_it_is_still_running() {
        // Given
        AtomicInteger calls = new AtomicInteger();
        probe = probe(Map.of("hung", () -> {
            calls.incrementAndGet();
            return hang();
        }));

        // When
        probe.probe();
        probe.probe();

        // Then
        assertThat(calls).hasValue(1);
    }

    @Test
    void a_check_is_called_afresh_on_every_probe_once_it_has_answered() {
        // Given
        AtomicInteger calls = new AtomicInteger();
        probe = probe(Map.of("db", () -> Status.up("call " + calls.incrementAndGet())));

        // When
        probe.probe();
        HealthReport second = probe.probe();

        // Then
        assertThat(second.components().get("db").detail()).isEqualTo("call 2");
    }

    private HealthProbe probe(Map<String, HealthCheck> checks) {
        return new HealthProbe(checks, BOUND);
    }

    private Status hang() {
        try {
            never.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Status.up("released");
    }
}
