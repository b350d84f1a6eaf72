package vn.cantho.ioc.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Fields that mix correct Unicode and mojibake: only the mojibake runs are converted. */
class VietnameseTextMixedTest {

    private static final String UNICODE_PART = "Quận Ninh Kiều, thành phố Cần Thơ";
    private static final String LEGACY_PART = "Phản ánh kiến nghị về ngập nước tại đường Trần Hưng Đạo";

    static Stream<Arguments> mixedFields() {
        return LegacyEncoder.LEGACY.stream().flatMap(encoding -> {
            String mojibake = LegacyEncoder.mojibake(LegacyEncoder.encode(LEGACY_PART, encoding));
            return Stream.of(
                    Arguments.of(encoding, UNICODE_PART + ": " + mojibake, UNICODE_PART + ": " + LEGACY_PART),
                    Arguments.of(
                            encoding, mojibake + " (" + UNICODE_PART + ")", LEGACY_PART + " (" + UNICODE_PART + ")"),
                    Arguments.of(
                            encoding,
                            "Ô Môn, Cần Thơ – " + mojibake + " – Thô sơ",
                            "Ô Môn, Cần Thơ – " + LEGACY_PART + " – Thô sơ"));
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("mixedFields")
    void only_the_mojibake_run_of_a_mixed_field_is_converted(Encoding encoding, String mixed, String expected) {
        // When
        Conversion conversion = VietnameseText.normalize(mixed);

        // Then
        assertThat(conversion).isEqualTo(new Conversion(expected, encoding));
        assertThat(conversion.detected().isLegacy()).isTrue();
    }

    @Test
    void a_word_that_reads_well_either_way_follows_the_run_it_belongs_to() {
        // Given "Thô" twice: once correct Unicode, once VNI for "Thơ" right after VNI mojibake
        String mixed = "Thô sơ, Caàn Thô";

        // When
        Conversion conversion = VietnameseText.normalize(mixed);

        // Then
        assertThat(conversion).isEqualTo(new Conversion("Thô sơ, Cần Thơ", Encoding.VNI_WINDOWS));
    }

    @Test
    void email_numbers_and_codes_inside_a_mojibake_field_are_kept() {
        // Given TCVN3 mojibake around ASCII that must survive byte for byte
        String mixed = "Ph¶n ¸nh #PA-2026/0042 göi tíi phananh@cantho.gov.vn lóc 08:15, møc n\u00ADíc 1,25 m";

        // When
        Conversion conversion = VietnameseText.normalize(mixed);

        // Then
        assertThat(conversion)
                .isEqualTo(new Conversion(
                        "Phản ánh #PA-2026/0042 gửi tới phananh@cantho.gov.vn lúc 08:15, mức nước 1,25 m",
                        Encoding.TCVN3));
    }
}
