package vn.cantho.ioc.ingest.text;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Test-side encoder: writes Unicode text the way a legacy system would, from {@code text/letters.tsv}
 * (built from the published tables, independently of the decoders' own tables), and turns bytes into
 * mojibake the way a Windows-1252 reader and UTF-8 writer would.
 */
public final class LegacyEncoder {

    static final List<Encoding> LEGACY = List.of(Encoding.TCVN3, Encoding.VNI_WINDOWS, Encoding.WINDOWS_1258);

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Per encoding: letter → its bytes; the letter table read from the test resource. */
    private static final Map<Encoding, Map<Character, byte[]>> TABLES = load();

    private LegacyEncoder() {}

    /** The 134 precomposed Vietnamese letters, lower and upper case. */
    static List<Character> letters() {
        return TABLES.get(Encoding.TCVN3).keySet().stream().sorted().toList();
    }

    static byte[] bytes(char letter, Encoding encoding) {
        return TABLES.get(encoding).get(letter);
    }

    /** The text in the legacy encoding; ASCII passes through, anything else must be a Vietnamese letter. */
    public static byte[] encode(String text, Encoding encoding) {
        Map<Character, byte[]> table = TABLES.get(encoding);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (char c : text.toCharArray()) {
            if (c < 0x80) {
                out.write(c);
            } else if (table.containsKey(c)) {
                out.writeBytes(table.get(c));
            } else {
                throw new IllegalArgumentException("not encodable in " + encoding + ": " + c);
            }
        }
        return out.toByteArray();
    }

    /** Legacy bytes opened as Windows-1252 and saved again as UTF-8, as a Java string. */
    public static String mojibake(byte[] legacyBytes) {
        return new String(legacyBytes, WINDOWS_1252);
    }

    /**
     * What TCVN3 can carry of a text: it has no toned capitals, so they are written lower case and come
     * back upper case only inside a word that keeps another capital after its first letter ("ỦY" but "Ủy", "MÀ").
     */
    static String readableInTcvn3(String text) {
        Map<Character, byte[]> table = TABLES.get(Encoding.TCVN3);
        StringBuilder out = new StringBuilder();
        for (String word : text.split("(?<=\\P{L})|(?=\\P{L})")) {
            StringBuilder lowered = new StringBuilder();
            for (char c : word.toCharArray()) {
                boolean lacksCapital = Character.isUpperCase(c)
                        && table.containsKey(c)
                        && Arrays.equals(table.get(c), table.get(Character.toLowerCase(c)));
                lowered.append(lacksCapital ? Character.toLowerCase(c) : c);
            }
            boolean restored = word.equals(word.toUpperCase(Locale.ROOT))
                    && lowered.substring(Math.min(1, lowered.length())).chars().anyMatch(Character::isUpperCase);
            out.append(restored ? word : lowered);
        }
        return out.toString();
    }

    private static Map<Encoding, Map<Character, byte[]>> load() {
        Map<Encoding, Map<Character, byte[]>> tables = new EnumMap<>(Encoding.class);
        LEGACY.forEach(e -> tables.put(e, new HashMap<>()));
        for (String line : TestCorpus.lines("letters.tsv")) {
            String[] cells = line.split("\t");
            for (int i = 0; i < LEGACY.size(); i++) {
                byte[] bytes = HexFormat.ofDelimiter(" ").parseHex(cells[i + 1]);
                tables.get(LEGACY.get(i)).put(cells[0].charAt(0), bytes);
            }
        }
        return tables;
    }
}
