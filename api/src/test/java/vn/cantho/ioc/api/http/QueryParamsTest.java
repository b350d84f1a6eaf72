package vn.cantho.ioc.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Query-string parsing: decoding, first value wins, blank means absent, broken encoding rejected. */
class QueryParamsTest {

    @Test
    void names_and_values_are_url_decoded() {
        // When
        QueryParams params = QueryParams.parse("to=2026-11-23T10%3A00%3A00%2B07%3A00&device=aq+1&x%20y=%C3%94");

        // Then
        assertThat(params.get("to")).contains("2026-11-23T10:00:00+07:00");
        assertThat(params.get("device")).contains("aq 1");
        assertThat(params.get("x y")).contains("Ô");
    }

    @Test
    void the_first_value_of_a_repeated_parameter_wins() {
        assertThat(QueryParams.parse("area=ninh-kieu&area=cai-rang").get("area")).contains("ninh-kieu");
    }

    @Test
    void missing_empty_and_blank_values_are_absent() {
        // Given
        QueryParams params = QueryParams.parse("a&b=&c=%20%20&&");

        // Then
        assertThat(params.get("a")).isEmpty();
        assertThat(params.get("b")).isEmpty();
        assertThat(params.get("c")).isEmpty();
        assertThat(params.get("d")).isEmpty();
        assertThat(QueryParams.parse(null).get("a")).isEmpty();
        assertThat(new QueryParams(Map.of("a", List.of())).get("a")).isEmpty();
    }

    @Test
    void surrounding_whitespace_is_trimmed() {
        assertThat(QueryParams.parse("limit=+10+").get("limit")).contains("10");
    }

    @Test
    void broken_percent_encoding_is_a_bad_parameter_rather_than_a_dropped_filter() {
        assertThatThrownBy(() -> QueryParams.parse("device=%zz"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_PARAMETER))
                .hasMessageStartingWith("query string:");
    }
}
