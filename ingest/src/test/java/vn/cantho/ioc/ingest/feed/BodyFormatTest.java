package vn.cantho.ioc.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodyFormatTest {

    @Test
    void json_and_csv_media_types_are_recognised_whatever_their_parameters_and_case() {
        assertThat(BodyFormat.of("application/json")).contains(BodyFormat.JSON);
        assertThat(BodyFormat.of("Application/JSON; charset=UTF-8")).contains(BodyFormat.JSON);
        assertThat(BodyFormat.of("text/csv; charset=windows-1258")).contains(BodyFormat.CSV);
        assertThat(BodyFormat.of("application/csv")).contains(BodyFormat.CSV);
    }

    @Test
    void anything_else_is_not_a_feed_body() {
        assertThat(BodyFormat.of(null)).isEmpty();
        assertThat(BodyFormat.of("text/plain")).isEmpty();
        assertThat(BodyFormat.of("application/x-www-form-urlencoded")).isEmpty();
        assertThat(BodyFormat.of("application/jsonx")).isEmpty();
    }
}
