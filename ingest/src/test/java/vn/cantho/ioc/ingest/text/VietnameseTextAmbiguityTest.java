package vn.cantho.ioc.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Short fields that read as valid Vietnamese in more than one encoding: detection leaves them alone,
 * and the feed's declared encoding settles them.
 */
class VietnameseTextAmbiguityTest {

    static Stream<Arguments> ambiguous() {
        return TestCorpus.lines("ambiguous.txt").stream()
                .map(line -> line.split("\\s*\\|\\s*"))
                .map(cells -> Arguments.of(Encoding.valueOf(cells[0]), cells[1]));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("ambiguous")
    void undecidable_mojibake_is_left_as_it_is(Encoding encoding, String original) {
        // Given
        String mojibake = LegacyEncoder.mojibake(LegacyEncoder.encode(original, encoding));

        // When
        Conversion conversion = VietnameseText.normalize(mojibake);

        // Then
        assertThat(conversion).isEqualTo(new Conversion(mojibake, Encoding.UNICODE));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("ambiguous")
    void undecidable_raw_bytes_are_reported_undecodable(Encoding encoding, String original) {
        // Given
        byte[] raw = LegacyEncoder.encode(original, encoding);

        // When
        Conversion conversion = VietnameseText.decode(raw);

        // Then
        assertThat(conversion.detected()).isEqualTo(Encoding.UNDECODABLE);
        assertThat(conversion.text()).contains("\uFFFD");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("ambiguous")
    void the_declared_encoding_converts_undecidable_fields(Encoding encoding, String original) {
        // Given
        byte[] raw = LegacyEncoder.encode(original, encoding);
        String mojibake = LegacyEncoder.mojibake(raw);

        // When
        Conversion fromText = VietnameseText.normalize(mojibake, encoding);
        Conversion fromBytes = VietnameseText.decode(raw, encoding);

        // Then
        assertThat(fromText.text()).isEqualTo(original);
        assertThat(fromBytes).isEqualTo(new Conversion(original, encoding));
    }

    @Test
    void clear_evidence_of_another_encoding_wins_over_the_declared_one() {
        // Given VNI mojibake in a feed registered as TCVN3
        String mojibake = "Caàn Thô";

        // When
        Conversion conversion = VietnameseText.normalize(mojibake, Encoding.TCVN3);

        // Then
        assertThat(conversion).isEqualTo(new Conversion("Cần Thơ", Encoding.VNI_WINDOWS));
    }
}
