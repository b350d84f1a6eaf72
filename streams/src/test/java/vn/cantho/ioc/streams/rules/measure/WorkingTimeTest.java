package vn.cantho.ioc.streams.rules.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingTimeTest {

    /** Times in Vietnam time (+07:00); 2026-11-20 is a Friday. */
    @ParameterizedTest(name = "{0} -> {1}: {2} working days")
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-16T08:00+07:00 | 2026-11-16T20:00+07:00 | 0.5
            2026-11-16T08:00+07:00 | 2026-11-19T08:00+07:00 | 3
            2026-11-20T16:00+07:00 | 2026-11-25T16:00+07:00 | 3
            2026-11-20T16:00+07:00 | 2026-11-24T16:00+07:00 | 2
            2026-11-21T09:00+07:00 | 2026-11-23T00:00+07:00 | 0
            2026-11-21T09:00+07:00 | 2026-11-23T12:00+07:00 | 0.5
            2026-11-19T00:00+07:00 | 2026-11-19T00:00+07:00 | 0
            2026-11-19T10:00+07:00 | 2026-11-18T10:00+07:00 | 0
            """)
    void counts_weekdays_only_in_vietnam_time(String from, String to, double days) {
        assertThat(WorkingTime.workingDays(parse(from), parse(to))).isCloseTo(days, Offset.offset(1e-9));
    }

    private static Instant parse(String text) {
        return java.time.OffsetDateTime.parse(text).toInstant();
    }
}
