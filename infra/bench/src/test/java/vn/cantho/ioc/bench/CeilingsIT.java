package vn.cantho.ioc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.cantho.ioc.simulator.LoadOptions;

/**
 * The raw stages measured for a second each on their own fresh embedded servers, so the ceilings of
 * {@code ./ioc bench hub} keep working. Their figures are printed, not compared with anything.
 */
@Tag("kafka")
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CeilingsIT {

    @Test
    void each_raw_stage_measured_for_a_second_reports_a_positive_rate_and_the_slowest_is_named(@TempDir Path dir)
            throws Exception {
        // Given the benchmark's payloads at three values per message, spread over its registry
        ProbeFixture fixture = ProbeFixture.write(dir, 1, 10);
        LoadOptions load = LoadOptions.parse(
                "--values-per-message",
                "3",
                "--registry-dir",
                fixture.registryDir().toString());

        // When every stage is measured for one second
        Map<String, Object> ceilings = Ceilings.measure(load, dir, Duration.ofSeconds(1));
        System.out.println("ceilings (1 s each): " + ceilings);

        // Then each reports a positive rate, and the slowest in values per second is one of them
        assertThat(ceilings).containsEntry("valuesPerMessage", 3.0);
        assertThat((Long) ceilings.get("mqttMessagesPerSecond")).isPositive();
        assertThat((Long) ceilings.get("kafkaRecordsPerSecond")).isPositive();
        assertThat((Long) ceilings.get("copyRowsPerSecond")).isPositive();
        assertThat(ceilings.get("slowest")).isIn("mqtt", "kafka", "copy");
        assertThat((Long) ceilings.get("slowestDatapointsPerSecond")).isPositive();
    }
}
