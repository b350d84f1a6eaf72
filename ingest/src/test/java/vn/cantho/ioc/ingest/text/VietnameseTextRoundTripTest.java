package vn.cantho.ioc.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The corpus of real Vietnamese text survives every legacy form a department feed may send it in. */
class VietnameseTextRoundTripTest {

    static Stream<Arguments> corpusInEveryLegacyEncoding() {
        return TestCorpus.lines("corpus.txt").stream()
                .flatMap(text -> LegacyEncoder.LEGACY.stream().map(encoding -> Arguments.of(encoding, text)));
    }

    static Stream<String> corpus() {
        return TestCorpus.lines("corpus.txt").stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("corpusInEveryLegacyEncoding")
    void raw_legacy_bytes_decode_to_the_original_unicode(Encoding encoding, String original) {
        // Given a field as the legacy system wrote it
        byte[] raw = LegacyEncoder.encode(original, encoding);

        // When
        Conversion conversion = VietnameseText.decode(raw);

        // Then
        assertThat(conversion.text()).isEqualTo(expected(original, encoding));
        assertThat(conversion.detected()).isEqualTo(encoding);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("corpusInEveryLegacyEncoding")
    void mojibake_of_legacy_bytes_converts_back_to_the_original_unicode(Encoding encoding, String original) {
        // Given legacy bytes read as Windows-1252 and saved again as UTF-8
        String mojibake = LegacyEncoder.mojibake(LegacyEncoder.encode(original, encoding));

        // When
        Conversion asText = VietnameseText.normalize(mojibake);
        Conversion asUtf8 = VietnameseText.decode(mojibake.getBytes(StandardCharsets.UTF_8));

        // Then
        assertThat(asText.text()).isEqualTo(expected(original, encoding));
        assertThat(asText.detected()).isEqualTo(mojibake.equals(original) ? Encoding.UNICODE : encoding);
        assertThat(asUtf8).isEqualTo(asText);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void decomposed_unicode_becomes_nfc_and_nothing_else_changes(String original) {
        // Given the text with combining marks (NFD), as some systems store it
        String nfd = Normalizer.normalize(original, Normalizer.Form.NFD);

        // When
        Conversion asText = VietnameseText.normalize(nfd);
        Conversion asUtf8 = VietnameseText.decode(nfd.getBytes(StandardCharsets.UTF_8));

        // Then
        assertThat(asText).isEqualTo(new Conversion(original, Encoding.UNICODE));
        assertThat(asUtf8).isEqualTo(asText);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void correct_unicode_vietnamese_is_left_as_it_is(String original) {
        // When
        Conversion conversion = VietnameseText.normalize(original);

        // Then
        assertThat(conversion).isEqualTo(new Conversion(original, Encoding.UNICODE));
    }

    private static String expected(String original, Encoding encoding) {
        return encoding == Encoding.TCVN3 ? LegacyEncoder.readableInTcvn3(original) : original;
    }
}
