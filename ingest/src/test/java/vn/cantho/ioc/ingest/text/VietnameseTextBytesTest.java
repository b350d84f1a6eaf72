package vn.cantho.ioc.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Raw field bytes: UTF-8, legacy, or neither; always a clear result, never an exception. */
class VietnameseTextBytesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            FF FE FD            | \uFFFD\uFFFD\uFFFD
            43 E1 BA            | C\uFFFD
            43 61 66 E9 20 63 72 E8 6D 65 | Caf\uFFFD cr\uFFFDme
            80 81 8D 8F 90 9D   | \uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD
            """)
    void bytes_that_are_neither_utf8_nor_legacy_vietnamese_are_reported_undecodable(String hex, String text) {
        // Given invalid UTF-8: stray bytes, a truncated "ầ", Latin-1 French, C1 bytes
        byte[] raw = HexFormat.ofDelimiter(" ").parseHex(hex);

        // When
        Conversion conversion = VietnameseText.decode(raw);

        // Then
        assertThat(conversion).isEqualTo(new Conversion(text, Encoding.UNDECODABLE));
    }

    @Test
    void any_bytes_give_a_result_without_an_exception() {
        // Given a fixed seed, so a failure can be replayed
        Random random = new Random(20261123L);

        for (int i = 0; i < 5_000; i++) {
            byte[] raw = new byte[random.nextInt(40)];
            random.nextBytes(raw);

            // When / Then
            assertThatCode(() -> assertThat(VietnameseText.decode(raw).text()).isNotNull())
                    .as("bytes %s", HexFormat.of().formatHex(raw))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void windows_1252_punctuation_in_a_legacy_field_stays_punctuation() {
        // Given TCVN3 text with Word's curly quotes (0x93, 0x94) and an en dash (0x96)
        byte[] raw = join(
                "93",
                LegacyEncoder.encode("Cần Thơ", Encoding.TCVN3),
                "94 20 96 20",
                LegacyEncoder.encode("Ninh Kiều", Encoding.TCVN3));

        // When
        Conversion conversion = VietnameseText.decode(raw);

        // Then
        assertThat(conversion).isEqualTo(new Conversion("“Cần Thơ” – Ninh Kiều", Encoding.TCVN3));
    }

    @Test
    void raw_bytes_that_only_one_encoding_reads_as_vietnamese_are_decoded_with_it() {
        // Given VNI "Bình": the same bytes as Latin-1 "Bình", nonsense in TCVN3 and Windows-1258
        byte[] raw = LegacyEncoder.encode("Bình", Encoding.VNI_WINDOWS);

        // When
        Conversion conversion = VietnameseText.decode(raw);

        // Then
        assertThat(conversion).isEqualTo(new Conversion("Bình", Encoding.VNI_WINDOWS));
    }

    @Test
    void utf8_bytes_are_read_as_utf8_even_in_a_feed_declared_legacy() {
        // Given
        byte[] utf8 = "Thốt Nốt".getBytes(StandardCharsets.UTF_8);

        // When
        Conversion conversion = VietnameseText.decode(utf8, Encoding.VNI_WINDOWS);

        // Then
        assertThat(conversion).isEqualTo(new Conversion("Thốt Nốt", Encoding.UNICODE));
    }

    @Test
    void a_large_field_is_handled_in_linear_time() {
        // Given 400 KB of VNI mojibake words that read well either way, after one strong word
        String field = "Caàn" + " Thô".repeat(100_000);

        // When / Then: linear work takes a second or so; quadratic would take minutes
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            Conversion conversion = VietnameseText.normalize(field);
            assertThat(conversion.text()).startsWith("Cần Thơ Thơ").hasSize(field.length() - 1);
        });
    }

    private static byte[] join(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            out.writeBytes(
                    part instanceof byte[] bytes
                            ? bytes
                            : HexFormat.ofDelimiter(" ").parseHex((String) part));
        }
        return out.toByteArray();
    }
}
