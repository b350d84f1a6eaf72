package vn.cantho.ioc.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The decoders' tables cover all 134 precomposed Vietnamese letters and agree with published samples. */
class LegacyTablesTest {

    static Stream<Character> letters() {
        return LegacyEncoder.letters().stream();
    }

    @Test
    void the_letter_table_has_all_134_precomposed_vietnamese_letters() {
        assertThat(LegacyEncoder.letters()).hasSize(134).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("letters")
    void every_letter_decodes_from_each_legacy_encoding(char letter) {
        // Given the letter's bytes in each encoding, from the independently built test table
        String tcvn3 = ByteStrings.of(LegacyEncoder.bytes(letter, Encoding.TCVN3));
        String vni = ByteStrings.of(LegacyEncoder.bytes(letter, Encoding.VNI_WINDOWS));
        String windows1258 = ByteStrings.of(LegacyEncoder.bytes(letter, Encoding.WINDOWS_1258));

        // When / Then: TCVN3 has no toned capitals, so those come back lower case on their own
        assertThat(new Tcvn3Decoder().decode(tcvn3)).isEqualTo(LegacyEncoder.readableInTcvn3(String.valueOf(letter)));
        assertThat(new VniDecoder().decode(vni)).isEqualTo(String.valueOf(letter));
        assertThat(new Windows1258Decoder().decode(windows1258)).isEqualTo(String.valueOf(letter));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            VNI_WINDOWS  | Caàn Thô                          | Cần Thơ
            VNI_WINDOWS  | Xin chaøo caùc baïn               | Xin chào các bạn
            VNI_WINDOWS  | Ñoàng baèng soâng Cöûu Long      | Đồng bằng sông Cửu Long
            TCVN3        | CÇn Th¬                           | Cần Thơ
            TCVN3        | B¶o Th¾ng                         | Bảo Thắng
            TCVN3        | B¸t X¸t                           | Bát Xát
            TCVN3        | M\u00ADêng Kh\u00AD¬ng            | Mường Khương
            WINDOWS_1258 | CâÌn Thõ                          | Cần Thơ
            WINDOWS_1258 | Ðô thiò thông minh                 | Đô thị thông minh
            """)
    void published_mojibake_samples_convert_to_their_unicode(Encoding encoding, String mojibake, String unicode) {
        // When
        Conversion conversion = VietnameseText.normalize(mojibake);

        // Then
        assertThat(conversion).isEqualTo(new Conversion(unicode, encoding));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ñY BAN NH¢N D¢N     | ỦY BAN NHÂN DÂN
            THµNH PHè CÇN TH¥   | THÀNH PHỐ CẦN THƠ
            ñy ban nh©n d©n     | ủy ban nhân dân
            X· Th¹nh Phó         | Xã Thạnh Phú
            """)
    void tcvn3_capitals_without_a_code_come_back_upper_case_only_in_all_capital_words(String mojibake, String unicode) {
        // Given TCVN3 text typed with the lower-case code for toned capitals, as in a .VnTimeH font
        // When
        Conversion conversion = VietnameseText.normalize(mojibake);

        // Then
        assertThat(conversion).isEqualTo(new Conversion(unicode, Encoding.TCVN3));
    }
}
