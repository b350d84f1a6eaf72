package vn.cantho.ioc.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class LoadReportTest {

    @Test
    void a_printed_report_reads_back_equal_with_a_fixed_or_a_mixed_number_of_values() {
        Map<String, Double> latency = new LinkedHashMap<>();
        latency.put("p50", 0.5);
        latency.put("max", 12.25);
        for (OptionalInt values : new OptionalInt[] {OptionalInt.of(6), OptionalInt.empty()}) {
            LoadReport report = new LoadReport(
                    10_000,
                    60.0,
                    60.25,
                    8,
                    1200,
                    600_000,
                    599_990,
                    10,
                    120_000,
                    9958.5,
                    latency,
                    "tcp://127.0.0.1:1883",
                    values);

            assertThat(LoadReport.fromJson(report.toJson())).isEqualTo(report);
        }
    }

    @Test
    void a_line_that_is_not_a_report_is_refused_naming_it() {
        assertThatThrownBy(() -> LoadReport.fromJson("{\"sent\": 3}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a load report");
    }
}
