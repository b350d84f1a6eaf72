package vn.cantho.ioc.ingest.text;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * "Byte strings": one char (U+0000–U+00FF) per byte. Raw bytes read as ISO-8859-1 and mojibake words
 * (legacy bytes read as Latin-1 or Windows-1252) both look like this, so the legacy decoders take one
 * input form for both cases.
 */
final class ByteStrings {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private ByteStrings() {}

    static String of(byte[] raw) {
        return new String(raw, StandardCharsets.ISO_8859_1);
    }

    static byte[] toBytes(String byteString) {
        return byteString.getBytes(StandardCharsets.ISO_8859_1);
    }

    static boolean isByteString(String text) {
        return allBelow(text, 0x100);
    }

    static boolean isAscii(String text) {
        return allBelow(text, 0x80);
    }

    // A plain loop: this runs for every word of every reading.
    private static boolean allBelow(String text, int limit) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= limit) {
                return false;
            }
        }
        return true;
    }

    /** The byte string read as Windows-1252. */
    static String windows1252(String byteString) {
        StringBuilder out = new StringBuilder(byteString.length());
        byteString.chars().forEach(c -> out.append(windows1252((char) c)));
        return out.toString();
    }

    /**
     * The character a byte that a legacy encoding does not use for a letter stands for. The legacy
     * fonts were Windows fonts, so such bytes (e.g. Word's curly quotes at 0x93/0x94) showed as Windows-1252.
     */
    static char windows1252(char byteChar) {
        return byteChar >= 0x80 && byteChar <= 0x9F
                ? new String(new byte[] {(byte) byteChar}, WINDOWS_1252).charAt(0)
                : byteChar;
    }
}
