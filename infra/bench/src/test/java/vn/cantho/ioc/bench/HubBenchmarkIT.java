package vn.cantho.ioc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A short run of the whole-hub benchmark, so the command keeps working: it starts its own hub, loads
 * it, and every reading and every probe alert is accounted for. Its figures are printed, not asserted.
 */
@Tag("hub")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class HubBenchmarkIT {

    @Test
    void a_short_run_stores_every_reading_and_delivers_every_probe_alert_to_the_live_stream() throws Exception {
        // Given a benchmark of 5 s at 50 messages per second with 5 probes (the ceilings have CeilingsIT), after 2 s
        // of unmeasured load
        HubBenchmark benchmark = HubBenchmark.parse(
                "--rate", "50", "--duration", "5s", "--probes", "5", "--no-ceilings", "--warm-up", "2s");

        // When it runs
        Map<String, Object> result = benchmark.run();
        System.out.println("hub benchmark (short run): " + result);

        // Then every acknowledged message of the measured run was bridged and stored, and every probe was stored and
        // alerted; the warm-up's messages are not counted
        assertThat(result)
                .containsEntry("loadWarmUpSeconds", 2L)
                .containsEntry("acknowledged", 250L)
                .containsEntry("publishFailed", 0L)
                .containsEntry("readingsLost", 0L)
                .containsEntry("deadLettered", 0L)
                .containsEntry("alertsMissing", 0)
                .containsEntry("probeRowsMissing", 0);
        assertThat((Long) result.get("bridgeReceived")).isGreaterThanOrEqualTo(255L);
        assertThat(((Map<?, ?>) result.get("alertLatencyMs")).keySet())
                .map(Object::toString)
                .containsExactly("p50", "p90", "p99", "max");
        assertThat((Map<?, ?>) result.get("behindAtStart")).isEmpty();
        assertThat((Double) result.get("cpuCoresAverage")).isPositive();
        assertThat(result)
                .containsEntry("valuesPerMessage", "mix")
                .containsEntry("ceilings", null)
                .containsEntry("ratio", null);
        assertThat((Long) result.get("datapointsPerSecond")).isGreaterThan((Long) result.get("storedPerSecond"));

        // and the peak memory is told apart for the hub's JVM, the Kafka broker it started and PostgreSQL, with the
        // load generator's own process reported beside them and left out of the stack's total
        Map<?, ?> byProcess = (Map<?, ?>) result.get("peakMiBByProcess");
        assertThat(byProcess.keySet())
                .map(Object::toString)
                .containsExactly("thisJvm", "childProcesses", "postgresql", "loadGenerator");
        List<String> stack = List.of("thisJvm", "childProcesses", "postgresql");
        stack.forEach(name -> assertThat((Long) byProcess.get(name)).as(name).isPositive());
        assertThat((Long) byProcess.get("loadGenerator")).isNotNegative();
        long peak = (Long) result.get("peakRssMiB");
        long sum = stack.stream().mapToLong(name -> (Long) byProcess.get(name)).sum();
        assertThat(sum).as("each part rounded down").isBetween(peak - 2, peak);
    }
}
