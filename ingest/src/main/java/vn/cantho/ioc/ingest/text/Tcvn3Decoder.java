package vn.cantho.ioc.ingest.text;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Decodes TCVN3 (TCVN 5712:1993 VN3, the "ABC" encoding of the {@code .VnTime} fonts).
 *
 * <p>VN3 has codes for the 67 lower-case Vietnamese letters and for the 7 capitals without a tone
 * mark (Ă Â Ê Ô Ơ Ư Đ); it has no code for a capital with a tone mark. Writers used the lower-case
 * code in an all-capitals font ({@code .VnTimeH}), so "ỦY BAN" is stored as "ủY BAN". Where such a
 * word still has another capital letter it is restored to upper case; a title-case word ("Ủy") or a
 * single letter cannot be told apart and stays lower case.
 */
final class Tcvn3Decoder implements LegacyDecoder {

    /**
     * Byte → letter, one vowel per line in the order huyền, hỏi, ngã, sắc, nặng. Cross-checked
     * against the TCVN 5712 tables of X11/glibc (VN1 ⊃ VN3) and the xvnkb and unikey converters.
     */
    private static final String TABLE = """
            A1 Ă  A2 Â  A3 Ê  A4 Ô  A5 Ơ  A6 Ư  A7 Đ
            A8 ă  A9 â  AA ê  AB ô  AC ơ  AD ư  AE đ
            B5 à  B6 ả  B7 ã  B8 á  B9 ạ
            BB ằ  BC ẳ  BD ẵ  BE ắ  C6 ặ
            C7 ầ  C8 ẩ  C9 ẫ  CA ấ  CB ậ
            CC è  CE ẻ  CF ẽ  D0 é  D1 ẹ
            D2 ề  D3 ể  D4 ễ  D5 ế  D6 ệ
            D7 ì  D8 ỉ  DC ĩ  DD í  DE ị
            DF ò  E1 ỏ  E2 õ  E3 ó  E4 ọ
            E5 ồ  E6 ổ  E7 ỗ  E8 ố  E9 ộ
            EA ờ  EB ở  EC ỡ  ED ớ  EE ợ
            EF ù  F1 ủ  F2 ũ  F3 ú  F4 ụ
            F5 ừ  F6 ử  F7 ữ  F8 ứ  F9 ự
            FA ỳ  FB ỷ  FC ỹ  FD ý  FE ỵ
            """;

    /** Letter for each byte; 0 where the byte is not a VN3 letter. */
    private static final char[] LETTERS = new char[256];

    /** The toned lower-case letters, whose capitals TCVN3 lacks. */
    private static final Set<Character> LOWER_CASE_ONLY = new HashSet<>();

    static {
        String[] cells = TABLE.trim().split("\\s+");
        for (int i = 0; i < cells.length; i += 2) {
            char letter = cells[i + 1].charAt(0);
            LETTERS[Integer.parseInt(cells[i], 16)] = letter;
            if (Character.isLowerCase(letter) && "ăâêôơưđ".indexOf(letter) < 0) {
                LOWER_CASE_ONLY.add(letter);
            }
        }
    }

    @Override
    public Encoding encoding() {
        return Encoding.TCVN3;
    }

    @Override
    public String decode(String byteString) {
        StringBuilder out = new StringBuilder(byteString.length());
        for (int i = 0; i < byteString.length(); i++) {
            char c = byteString.charAt(i);
            out.append(c <= 0xFF && LETTERS[c] != 0 ? LETTERS[c] : ByteStrings.windows1252(c));
        }
        return restoreCapitals(out);
    }

    /** Symbols such as ¬ (ơ) or × (ì) are letters in TCVN3, so they do not split words. */
    @Override
    public boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c <= 0xFF && LETTERS[c] != 0;
    }

    private static String restoreCapitals(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int end = i;
            while (end < text.length() && Character.isLetter(text.charAt(end))) {
                end++;
            }
            if (end == i) {
                out.append(text.charAt(i++));
                continue;
            }
            String word = text.subSequence(i, end).toString();
            out.append(typedInCapitals(word) ? word.toUpperCase(Locale.ROOT) : word);
            i = end;
        }
        return out.toString();
    }

    /** A capital after the first letter, and lower case only where TCVN3 had no choice: "CầN", "ủY". */
    private static boolean typedInCapitals(String word) {
        boolean laterCapital = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isUpperCase(c)) {
                laterCapital |= i > 0;
            } else if (!LOWER_CASE_ONLY.contains(c)) {
                return false;
            }
        }
        return laterCapital;
    }
}
