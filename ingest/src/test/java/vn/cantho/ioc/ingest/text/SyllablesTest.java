package vn.cantho.ioc.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The syllable check that weighs the evidence: real Vietnamese passes, mojibake and other languages do not. */
class SyllablesTest {

    static Stream<String> corpusWords() {
        return TestCorpus.lines("corpus.txt").stream()
                .flatMap(line -> Arrays.stream(line.split("[^\\p{L}]+")))
                .filter(word -> !word.isEmpty() && !word.equals("m")) // "m" is the unit in "0,4 m"
                .distinct();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusWords")
    void every_word_of_the_corpus_is_a_syllable(String word) {
        assertThat(Syllables.isSyllable(word)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "nghiêng", "khuếch", "quốc", "giữa", "gì", "thuở", "xoong", "quỳnh", "huỳnh", "khuya", "oai", "yêu",
                "ươm", "NGƯỜI", "Trường"
            })
    void unusual_but_real_syllables_pass(String word) {
        assertThat(Syllables.isSyllable(word)).isTrue();
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {
                "Caàn",
                "Kieàu",
                "Thuûy",
                "CÇn",
                "Th¬",
                "KiÒu",
                "CâÌn",
                "thiò",
                "hello",
                "street",
                "cát\u0301",
                "càt",
                "tạm\u0301",
                "CầN",
                "cẦn",
                "nghiênggg",
                "bb",
                "",
                "12",
                "Müller"
            })
    void mojibake_other_languages_and_malformed_words_fail(String word) {
        assertThat(Syllables.isSyllable(word)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Nguyen", "truong", "Viet", "thanh", "pho", "Can", "Tho", "khuya"})
    void vietnamese_written_without_diacritics_is_recognised(String word) {
        assertThat(Syllables.isStrippedSyllable(word)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"glosons", "Smart", "City", "Boot", "street", "UBND"})
    void english_french_and_german_words_are_not_taken_for_vietnamese(String word) {
        assertThat(Syllables.isStrippedSyllable(word)).isFalse();
    }
}
