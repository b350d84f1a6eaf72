package vn.cantho.ioc.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.ingest.text.Encoding;
import vn.cantho.ioc.ingest.text.LegacyEncoder;

class JsonBodyReaderTest {

    @Test
    void an_array_of_records_and_a_records_object_read_the_same() {
        // Given
        String records = "[{\"id\":\"r1\",\"count\":3},{\"id\":\"r2\",\"count\":4}]";

        // When
        List<RawRow> array = read(records);
        List<RawRow> wrapped = read("{\"source\":\"ignored\",\"records\":" + records + "}");

        // Then
        assertThat(array).extracting(RawRow::row).containsExactly(0, 1);
        assertThat(wrapped).extracting(RawRow::row).containsExactly(0, 1);
        assertThat(array.get(1).cells()).containsOnlyKeys("id", "count");
        assertThat(new String(array.get(1).original(), StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":\"r2\",\"count\":4}");
    }

    @Test
    void malformed_json_is_bad_json_with_the_line_and_column() {
        assertBadJson("[{\"id\":\"r1\"},\n{\"id\": }]", "line 2");
        assertBadJson("", "empty");
        assertBadJson("   ", "empty");
        assertBadJson("\"just a string\"", "expected a JSON array of records");
        assertBadJson("{\"rows\":[]}", "expected a JSON array of records");
        assertBadJson("[{\"id\":\"r1\"}] trailing", "malformed JSON at line 1");
        assertBadJson("[{\"id\":\"r1\"}]\n[]", "unexpected content after the records at line 2");
        assertBadJson("[{\"id\":\"r1\",\"id\":\"r2\"}]", "Duplicate field 'id'");
        assertBadJson("[{\"id\":\"r1\"}", "line 1");
        assertBadJson("[" + "[".repeat(2000) + "]".repeat(2000) + "]", "malformed JSON");
    }

    @Test
    void a_record_that_is_not_an_object_is_a_row_error_not_a_body_error() {
        // When
        List<RawRow> rows = read("[{\"id\":\"r1\"}, 42, [1], \"x\"]");

        // Then
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).structural()).isNull();
        assertThat(rows.subList(1, 4))
                .allSatisfy(row -> assertThat(row.structural().code()).isEqualTo(RowErrorCode.BAD_TYPE));
        assertThat(rows.get(1).structural().message()).contains("a number");
    }

    @Test
    void more_records_than_allowed_is_payload_too_large_naming_the_limit() {
        assertThatThrownBy(() -> JsonBodyReader.read("[{},{},{}]".getBytes(StandardCharsets.UTF_8), 2))
                .isInstanceOfSatisfying(FeedException.class, e -> {
                    assertThat(e.code()).isEqualTo(FeedErrorCode.PAYLOAD_TOO_LARGE);
                    assertThat(e.getMessage()).contains("at most 2 rows");
                });
    }

    @Test
    void a_body_that_is_not_utf8_keeps_each_string_as_its_raw_bytes() {
        // Given a TCVN3 string written straight into the JSON, beside a normal one
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("[{\"id\":\"r1\",\"note\":\"".getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(LegacyEncoder.encode("Cần Thơ", Encoding.TCVN3));
        body.writeBytes("\",\"kind\":\"a\\u00e9\\u1ea7\"}]".getBytes(StandardCharsets.US_ASCII));

        // When
        List<RawRow> rows = JsonBodyReader.read(body.toByteArray(), 10);

        // Then
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).cells().get("note"))
                .isInstanceOfSatisfying(Cell.Raw.class, raw -> assertThat(raw.bytes())
                        .isEqualTo(LegacyEncoder.encode("Cần Thơ", Encoding.TCVN3)));
        assertThat(rows.get(0).cells().get("kind"))
                .isInstanceOfSatisfying(Cell.Raw.class, raw -> assertThat(raw.bytes())
                        .isEqualTo(new byte[] {'a', (byte) 0xE9, (byte) 0xE1, (byte) 0xBA, (byte) 0xA7}));
    }

    @Test
    void a_utf8_byte_order_mark_is_skipped() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] json = "[{\"id\":\"r1\"}]".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[bom.length + json.length];
        System.arraycopy(bom, 0, body, 0, 3);
        System.arraycopy(json, 0, body, 3, json.length);

        assertThat(JsonBodyReader.read(body, 10)).hasSize(1);
    }

    private static List<RawRow> read(String json) {
        return JsonBodyReader.read(json.getBytes(StandardCharsets.UTF_8), 100);
    }

    private static void assertBadJson(String body, String messagePart) {
        assertThatThrownBy(() -> read(body)).as(body).isInstanceOfSatisfying(FeedException.class, e -> {
            assertThat(e.code()).isEqualTo(FeedErrorCode.BAD_JSON);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }
}
