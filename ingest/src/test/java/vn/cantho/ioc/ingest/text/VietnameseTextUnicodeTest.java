package vn.cantho.ioc.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Correct Unicode, in any language and of any shape, comes back unchanged. */
class VietnameseTextUnicodeTest {

    static Stream<String> untouched() {
        return TestCorpus.lines("unicode-untouched.txt").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("untouched")
    void correct_unicode_text_is_never_changed(String text) {
        // When
        Conversion asText = VietnameseText.normalize(text);
        Conversion asUtf8 = VietnameseText.decode(text.getBytes(StandardCharsets.UTF_8));

        // Then
        assertThat(asText).isEqualTo(new Conversion(text, Encoding.UNICODE));
        assertThat(asUtf8).isEqualTo(asText);
    }

    @ParameterizedTest(name = "declared {0}")
    @ValueSource(strings = {"TCVN3", "VNI_WINDOWS", "WINDOWS_1258"})
    void a_declared_legacy_encoding_does_not_change_unicode_words_that_sit_beside_unicode(Encoding declared) {
        // Given a feed registered as legacy that now sends Unicode
        String text = "Ủy ban nhân dân quận Ô Môn, thành phố Cần Thơ";

        // When
        Conversion conversion = VietnameseText.normalize(text, declared);

        // Then
        assertThat(conversion).isEqualTo(new Conversion(text, Encoding.UNICODE));
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    void null_and_empty_fields_become_empty_text(String text) {
        assertThat(VietnameseText.normalize(text)).isEqualTo(new Conversion("", Encoding.UNICODE));
    }

    @Test
    void null_and_empty_bytes_become_empty_text() {
        assertThat(VietnameseText.decode(null)).isEqualTo(new Conversion("", Encoding.UNICODE));
        assertThat(VietnameseText.decode(new byte[0])).isEqualTo(new Conversion("", Encoding.UNICODE));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {" ", "   ", "\t", "\n", "\u00A0", " \r\n "})
    void whitespace_only_fields_are_kept_as_they_are(String text) {
        assertThat(VietnameseText.normalize(text)).isEqualTo(new Conversion(text, Encoding.UNICODE));
    }

    @Test
    void decomposed_marks_in_any_language_are_composed_to_nfc() {
        // Given NFD: e + combining acute, A + combining ring, Vietnamese ơ + combining hook above
        String nfd = "Cafe\u0301 \u212Bngstro\u0308m Tho\u031B\u0309";

        // When
        Conversion conversion = VietnameseText.normalize(nfd);

        // Then
        assertThat(conversion).isEqualTo(new Conversion("Café Ångström Thở", Encoding.UNICODE));
    }
}
