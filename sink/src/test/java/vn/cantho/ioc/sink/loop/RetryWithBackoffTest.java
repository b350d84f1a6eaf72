package vn.cantho.ioc.sink.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RetryWithBackoffTest {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final RetryWithBackoff retry = new RetryWithBackoff(
            "test loop", Duration.ofMillis(200), running::get, LoggerFactory.getLogger(RetryWithBackoffTest.class));

    @Test
    void a_step_that_fails_twice_is_run_until_it_succeeds_and_the_failure_is_reported_meanwhile() {
        // Given a step that fails on its first two attempts and notes what /health says before each attempt
        AtomicInteger attempts = new AtomicInteger();
        List<String> seenByHealth = new ArrayList<>();

        // When it is retried until done
        boolean done = retry.untilDone("database write", () -> {
            seenByHealth.add(retry.failure().orElse("ok"));
            if (attempts.incrementAndGet() <= 2) {
                throw new IllegalStateException("connection refused");
            }
        });

        // Then it ran three times, the failure was visible between attempts and is cleared after success
        assertThat(done).isTrue();
        assertThat(attempts).hasValue(3);
        assertThat(seenByHealth.get(0)).isEqualTo("ok");
        assertThat(seenByHealth.get(2)).startsWith("database write failing, retrying: connection refused since ");
        assertThat(retry.failure()).isEmpty();
    }

    @Test
    void stopping_the_loop_ends_the_retries_without_success() {
        // Given a step that always fails and stops the loop on its second attempt
        AtomicInteger attempts = new AtomicInteger();

        // When it is retried
        boolean done = retry.untilDone("dead-letter write", () -> {
            if (attempts.incrementAndGet() == 2) {
                running.set(false);
            }
            throw new IllegalStateException("broker down");
        });

        // Then the retries end, unsuccessful, and the failure stays reported
        assertThat(done).isFalse();
        assertThat(attempts).hasValue(2);
        assertThat(retry.failure()).hasValueSatisfying(f -> assertThat(f).startsWith("dead-letter write failing"));
    }
}
