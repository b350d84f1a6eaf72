package vn.cantho.ioc.ingest.feed;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Map;

/** Test-side TCVN3 (ABC) encoder, as an old department system writes text; from the published VN3 table. */
final class Tcvn3 {

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
    private static final Map<Character, Integer> CODES = new HashMap<>();

    static {
        String[] cells = TABLE.trim().split("\\s+");
        for (int i = 0; i < cells.length; i += 2) {
            CODES.put(cells[i + 1].charAt(0), Integer.parseInt(cells[i], 16));
        }
    }

    private Tcvn3() {
    }

    /** The text's TCVN3 bytes; ASCII passes through; toned capitals are not encodable (as in VN3). */
    static byte[] encode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (char c : text.toCharArray()) {
            if (c < 0x80) {
                out.write(c);
            } else if (CODES.containsKey(c)) {
                out.write(CODES.get(c));
            } else {
                throw new IllegalArgumentException("not in TCVN3: " + c);
            }
        }
        return out.toByteArray();
    }

    /** TCVN3 bytes opened as Windows-1252 and saved again as UTF-8: the "mojibake" old exports contain. */
    static String mojibake(String text) {
        return new String(encode(text), Charset.forName("windows-1252"));
    }
}
