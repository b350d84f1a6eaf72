package vn.cantho.ioc.ingest.text;

import java.nio.charset.Charset;
import java.text.Normalizer;

/**
 * Decodes Windows-1258 with the JDK's own table; the code page stores most letters as a base letter
 * plus a combining tone mark, so the result is composed to NFC.
 */
final class Windows1258Decoder implements LegacyDecoder {

    private static final Charset WINDOWS_1258 = Charset.forName("windows-1258");

    @Override
    public Encoding encoding() {
        return Encoding.WINDOWS_1258;
    }

    @Override
    public String decode(String byteString) {
        String decoded = new String(ByteStrings.toBytes(byteString), WINDOWS_1258);
        return Normalizer.normalize(decoded, Normalizer.Form.NFC);
    }
}
