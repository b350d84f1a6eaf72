package vn.cantho.ioc.ingest.text;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes VNI-Windows, where a Vietnamese letter is an ASCII base letter followed by one "accent"
 * byte (á = "aù", ầ = "aà"), or a single byte for đ, ơ, ư and the toned i's (ơ = "ô", ĩ = "ó").
 */
final class VniDecoder implements LegacyDecoder {

    /**
     * Lower-case letter → VNI bytes as Latin-1 characters, one vowel per line. A capital is the same
     * sequence upper-cased (Ấ = "AÁ", Ỵ = "Î"): VNI's capital accent bytes sit at the Latin-1
     * upper-case positions. Cross-checked against the xvnkb and vietnamese-conversion tables.
     */
    private static final String TABLE = """
            á aù  à aø  ả aû  ã aõ  ạ aï
            ă aê  ắ aé  ằ aè  ẳ aú  ẵ aü  ặ aë
            â aâ  ấ aá  ầ aà  ẩ aå  ẫ aã  ậ aä
            é eù  è eø  ẻ eû  ẽ eõ  ẹ eï
            ê eâ  ế eá  ề eà  ể eå  ễ eã  ệ eä
            í í   ì ì   ỉ æ   ĩ ó   ị ò
            ó où  ò oø  ỏ oû  õ oõ  ọ oï
            ô oâ  ố oá  ồ oà  ổ oå  ỗ oã  ộ oä
            ơ ô   ớ ôù  ờ ôø  ở ôû  ỡ ôõ  ợ ôï
            ú uù  ù uø  ủ uû  ũ uõ  ụ uï
            ư ö   ứ öù  ừ öø  ử öû  ữ öõ  ự öï
            ý yù  ỳ yø  ỷ yû  ỹ yõ  ỵ î
            đ ñ
            """;

    /** VNI byte sequence (one or two bytes) → letter. */
    private static final Map<String, Character> LETTERS = new HashMap<>();

    static {
        String[] cells = TABLE.trim().split("\\s+");
        for (int i = 0; i < cells.length; i += 2) {
            char letter = cells[i].charAt(0);
            String bytes = cells[i + 1];
            LETTERS.put(bytes, letter);
            LETTERS.put(bytes.toUpperCase(Locale.ROOT), Character.toUpperCase(letter));
        }
    }

    @Override
    public Encoding encoding() {
        return Encoding.VNI_WINDOWS;
    }

    @Override
    public String decode(String byteString) {
        StringBuilder out = new StringBuilder(byteString.length());
        int i = 0;
        while (i < byteString.length()) {
            Character pair = i + 1 < byteString.length() ? LETTERS.get(byteString.substring(i, i + 2)) : null;
            if (pair != null) {
                out.append(pair.charValue());
                i += 2;
                continue;
            }
            char c = byteString.charAt(i++);
            Character single = LETTERS.get(String.valueOf(c));
            out.append(single != null ? single : ByteStrings.windows1252(c));
        }
        return out.toString();
    }
}
