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
        assertThat(QueryParams.parse("area=ninh-kieu&area=cai-rang").get("area"))
                .contains("ninh-kieu");
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
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_PARAMETER))
                .hasMessageStartingWith("query string:");
    }

    @Test
    void a_nul_in_a_value_or_a_name_is_a_bad_parameter_so_it_never_reaches_the_database() {
        assertThatThrownBy(() -> QueryParams.parse("assignee=ca%00truc"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_PARAMETER))
                .hasMessage("assignee: contains a NUL character (%00)");
        assertThatThrownBy(() -> QueryParams.parse("area%00=x")).hasMessageStartingWith("area?: contains a NUL");
    }

    @Test
    void instants_outside_the_years_1_to_9999_are_bad_parameters() {
        for (String text : new String[] {
            "%2B999999999-12-31T23:59:59Z",
            "%2B294277-01-01T00:00:00Z",
            "%2B10000-01-01T00:00:00Z",
            "-0001-01-01T00:00:00Z",
            "0000-12-31T23:59:59Z"
        }) {
            assertThatThrownBy(() -> QueryParams.parse("to=" + text).instant("to"))
                    .as(text)
                    .isInstanceOfSatisfying(
                            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_PARAMETER))
                    .hasMessageStartingWith("to: ")
                    .hasMessageContaining("outside the years 0001 to 9999");
        }
        assertThat(QueryParams.parse("to=9999-12-31T23:59:59Z").instant("to")).isPresent();
        assertThat(QueryParams.parse("from=0001-01-01T00:00:00Z").instant("from"))
                .isPresent();
    }
}
