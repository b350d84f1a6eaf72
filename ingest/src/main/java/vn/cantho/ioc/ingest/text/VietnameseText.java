package vn.cantho.ioc.ingest.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Converts the text fields of department feeds to Unicode NFC, repairing Vietnamese text that old
 * government systems wrote in TCVN3 (ABC), VNI-Windows or Windows-1258, either as raw bytes or as
 * "mojibake" (those bytes already read as Windows-1252/Latin-1 and re-saved as UTF-8).
 *
 * <p>Detection is deliberately conservative: text is only changed (beyond NFC) where words that are
 * not Vietnamese syllables become valid ones under a legacy encoding. See
 * {@code docs/vietnamese-text.md} for the heuristic and its limits. Pure and thread-safe.
 */
public final class VietnameseText {

    private VietnameseText() {}

    /**
     * Normalises one text field that is already a Java string (e.g. parsed from UTF-8 JSON or CSV).
     * Correct Unicode is only normalised to NFC; mojibake words are converted, also when the field
     * mixes them with correct Unicode. A null field is treated as empty.
     */
    public static Conversion normalize(String text) {
        return normalize(text, Encoding.UNICODE);
    }

    /**
     * Like {@link #normalize(String)} for a feed registered as sending {@code declared} (a legacy
     * encoding; {@link Encoding#UNICODE} or null for none): words that read as Vietnamese either way, with
     * no Unicode word beside them, are then taken as legacy ("Thoát Noát" from VNI is "Thốt Nốt").
     * Clear evidence of another encoding still wins.
     */
    public static Conversion normalize(String text, Encoding declared) {
        if (text == null || text.isEmpty()) {
            return Conversion.EMPTY;
        }
        Conversion repaired = LegacyDetector.repair(Normalizer.normalize(text, Normalizer.Form.NFC), declared);
        // Joining converted words to their neighbours may leave a combining mark to compose.
        return new Conversion(Normalizer.normalize(repaired.text(), Normalizer.Form.NFC), repaired.detected());
    }

    /**
     * Decodes the raw bytes of one field. Valid UTF-8 is handled like {@link #normalize(String)};
     * other bytes are decoded with the legacy encoding they most plausibly are in, or reported as
     * {@link Encoding#UNDECODABLE} (never an exception). A null field is treated as empty.
     */
    public static Conversion decode(byte[] raw) {
        return decode(raw, Encoding.UNICODE);
    }

    /**
     * Like {@link #decode(byte[])} for a feed registered as sending {@code declared}: bytes that are
     * not UTF-8 and show no clear evidence of an encoding are decoded with the declared one.
     */
    public static Conversion decode(byte[] raw, Encoding declared) {
        if (raw == null || raw.length == 0) {
            return Conversion.EMPTY;
        }
        try {
            return normalize(
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .decode(ByteBuffer.wrap(raw))
                            .toString(),
                    declared);
        } catch (CharacterCodingException notUtf8) {
            return LegacyDetector.decodeBytes(ByteStrings.of(raw), declared)
                    .orElseGet(() -> new Conversion(new String(raw, StandardCharsets.UTF_8), Encoding.UNDECODABLE));
        }
    }
}
