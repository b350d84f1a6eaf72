package vn.cantho.ioc.store.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Label matchers: parsing and matching, table-driven. */
class LabelMatcherTest {

    private static final Map<String, String> LABELS = Map.of("metric", "pm25", "station", "Trạm Ninh Kiều");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "metric=pm25              | true",
                "metric = \"pm25\"        | true",
                "metric=pm10              | false",
                "metric!=pm10             | true",
                "metric=~pm.*             | true",
                "metric=~pm               | false",
                "'metric!~pm(10|25)'       | false",
                "station=~Trạm .*         | true",
                "missing=                 | true",
                "missing!=                | false",
                "missing=~.*              | true"
            })
    void matchers_match_whole_values_and_missing_labels_as_empty(String text, boolean matches) {
        assertThat(LabelMatcher.parse(text).matches(LABELS)).isEqualTo(matches);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "metric", "=pm25", "metric=~(", "metric!~[", "1abc=x"})
    void malformed_matchers_are_refused_with_a_message(String text) {
        assertThatThrownBy(() -> LabelMatcher.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("matcher");
    }
}
