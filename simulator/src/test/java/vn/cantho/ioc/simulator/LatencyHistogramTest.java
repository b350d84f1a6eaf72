package vn.cantho.ioc.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void percentiles_are_within_a_few_percent() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int micros = 1; micros <= 100_000; micros++) {
            histogram.record(micros * 1000L);
        }

        assertThat(histogram.count()).isEqualTo(100_000);
        assertThat(histogram.percentileMillis(0.5)).isCloseTo(50, offset(1.6));
        assertThat(histogram.percentileMillis(0.99)).isCloseTo(99, offset(3.2));
        assertThat(histogram.percentileMillis(1.0)).isCloseTo(100, offset(3.2));
    }

    @Test
    void every_value_falls_into_a_bucket_whose_upper_bound_is_close_above_it() {
        for (long micros = 0; micros < 10_000_000; micros = micros * 21 / 20 + 1) {
            long upper = LatencyHistogram.upperMicros(LatencyHistogram.index(micros));
            assertThat(upper).isGreaterThanOrEqualTo(micros).isLessThanOrEqualTo(micros + micros / 16 + 1);
        }
    }

    @Test
    void empty_histogram_reports_zero() {
        assertThat(new LatencyHistogram().percentileMillis(0.99)).isZero();
    }
}
