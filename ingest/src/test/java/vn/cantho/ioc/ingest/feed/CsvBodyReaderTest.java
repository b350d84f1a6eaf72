package vn.cantho.ioc.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.ingest.text.Encoding;
import vn.cantho.ioc.ingest.text.LegacyEncoder;

class CsvBodyReaderTest {

    private static final FeedDefinition FEED = TestFeeds.allTypes("cong-an");

    @Test
    void rows_carry_their_line_numbers_also_after_quoted_line_breaks_and_blank_lines() {
        // Given
        String csv = "id,at,note\r\n"
                + "r1,2026-10-31T10:00:00Z,\"first line\nsecond line\"\r\n"
                + "\r\n"
                + "r2,2026-10-31T11:00:00Z,\"say \"\"hi\"\", ok\"\r\n"
                + "r3,2026-10-31T12:00:00Z,";

        // When
        List<RawRow> rows = read(csv);

        // Then
        assertThat(rows).extracting(RawRow::row).containsExactly(2, 5, 6);
        assertThat(text(rows.get(0), "note")).isEqualTo("first line\nsecond line");
        assertThat(text(rows.get(1), "note")).isEqualTo("say \"hi\", ok");
        assertThat(text(rows.get(2), "note")).isEmpty();
        assertThat(new String(rows.get(1).original(), StandardCharsets.UTF_8))
                .isEqualTo("r2,2026-10-31T11:00:00Z,\"say \"\"hi\"\", ok\"");
    }

    @Test
    void semicolon_separated_files_from_excel_and_a_byte_order_mark_are_read() {
        // Given
        String csv = "\uFEFFid;at;ratio\n r1 ;2026-10-31T10:00:00Z;12.5\n";

        // When
        List<RawRow> rows = read(csv);

        // Then
        assertThat(rows).hasSize(1);
        assertThat(text(rows.get(0), "id")).isEqualTo(" r1 ");
        assertThat(text(rows.get(0), "ratio")).isEqualTo("12.5");
    }

    @Test
    void a_line_with_the_wrong_number_of_values_is_a_row_error_with_its_line() {
        // When
        List<RawRow> rows = read("id,at\nr1,2026-10-31T10:00:00Z\nr2\nr3,2026-10-31T10:00:00Z,extra\n");

        // Then
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).structural()).isNull();
        assertThat(rows.get(1).structural())
                .isEqualTo(new RowError(
                        3, null, RowErrorCode.COLUMN_COUNT, "line 3 has 1 values but the header has 2 columns"));
        assertThat(rows.get(2).structural().code()).isEqualTo(RowErrorCode.COLUMN_COUNT);
    }

    @Test
    void unreadable_bodies_and_headers_are_bad_csv_with_the_line() {
        assertBadCsv("", "empty");
        assertBadCsv("\n\n", "empty");
        assertBadCsv("id,at\nr1,\"2026-10-31\nr2,x\n", "line 2: a quoted value is never closed");
        assertBadCsv("id,at\nr1,\"x\"y\n", "line 2: unexpected character after a closing quote");
        assertBadCsv("id,at,stt\n", "line 1: unknown column 'stt'");
        assertBadCsv("id,at,id\n", "column 'id' appears twice");
        assertBadCsv("id,count\n", "lacks the required column(s) at");
        assertBadCsv("id,,at\n", "column 2 of the header has no name");
    }

    @Test
    void more_rows_than_allowed_is_payload_too_large() {
        assertThatThrownBy(() -> CsvBodyReader.read("id,at\na,1\nb,2\nc,3\n".getBytes(StandardCharsets.UTF_8), FEED, 2))
                .isInstanceOfSatisfying(FeedException.class, e -> {
                    assertThat(e.code()).isEqualTo(FeedErrorCode.PAYLOAD_TOO_LARGE);
                    assertThat(e.getMessage()).contains("at most 2 rows");
                });
    }

    @Test
    void cells_that_are_not_utf8_reach_the_validator_as_raw_bytes() {
        // Given
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("id,at,note\nr1,2026-10-31T10:00:00Z,".getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(LegacyEncoder.encode("Cần Thơ", Encoding.TCVN3));
        body.writeBytes("\n".getBytes(StandardCharsets.US_ASCII));

        // When
        List<RawRow> rows = CsvBodyReader.read(body.toByteArray(), FEED, 10);

        // Then
        assertThat(((Cell.Raw) rows.get(0).cells().get("note")).bytes())
                .isEqualTo(LegacyEncoder.encode("Cần Thơ", Encoding.TCVN3));
    }

    private static List<RawRow> read(String csv) {
        return CsvBodyReader.read(csv.getBytes(StandardCharsets.UTF_8), FEED, 100);
    }

    private static String text(RawRow row, String field) {
        return new String(((Cell.Raw) row.cells().get(field)).bytes(), StandardCharsets.UTF_8);
    }

    private static void assertBadCsv(String body, String messagePart) {
        assertThatThrownBy(() -> read(body)).as(body).isInstanceOfSatisfying(FeedException.class, e -> {
            assertThat(e.code()).isEqualTo(FeedErrorCode.BAD_CSV);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }
}
