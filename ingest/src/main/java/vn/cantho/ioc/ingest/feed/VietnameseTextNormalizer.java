package vn.cantho.ioc.ingest.feed;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.cantho.ioc.ingest.text.Conversion;
import vn.cantho.ioc.ingest.text.Encoding;
import vn.cantho.ioc.ingest.text.VietnameseText;

/**
 * {@link TextNormalizer} over {@link VietnameseText}: detects TCVN3 (ABC), VNI-Windows and
 * Windows-1258, raw or as mojibake, per field, and converts them to Unicode NFC; correct Unicode is only
 * normalised. Reports conversions with the {@link Encoding} names ({@code TCVN3}, {@code VNI_WINDOWS},
 * {@code WINDOWS_1258}).
 *
 * <p>Feeds repeat the same texts on many rows (agency, ward, category names), and detection costs tens of
 * microseconds per field, so results are memoised (the conversion is a pure function of the text and the
 * declared encoding); the memo is bounded and simply emptied when full. Pure ASCII needs no detection:
 * every legacy Vietnamese encoding writes its letters with bytes above 0x7F.
 */
public final class VietnameseTextNormalizer implements TextNormalizer {

    private static final int MAX_MEMO = 20_000;
    private static final int MAX_MEMO_LENGTH = 200;

    private final Map<String, NormalizedText> memo = new ConcurrentHashMap<>();

    @Override
    public NormalizedText normalize(String text, String declared) {
        if (isAscii(text)) {
            return new NormalizedText(text, null, false);
        }
        if (text.length() > MAX_MEMO_LENGTH) {
            return of(VietnameseText.normalize(text, encoding(declared)));
        }
        return memo("s" + declared + '\u0000' + text, () -> of(VietnameseText.normalize(text, encoding(declared))));
    }

    @Override
    public NormalizedText decode(byte[] raw, String declared) {
        if (isAscii(raw)) {
            return new NormalizedText(new String(raw, StandardCharsets.US_ASCII), null, false);
        }
        if (raw.length > MAX_MEMO_LENGTH) {
            return of(VietnameseText.decode(raw, encoding(declared)));
        }
        return memo(
                "b" + declared + '\u0000' + new String(raw, StandardCharsets.ISO_8859_1),
                () -> of(VietnameseText.decode(raw, encoding(declared))));
    }

    private NormalizedText memo(String key, java.util.function.Supplier<NormalizedText> compute) {
        NormalizedText known = memo.get(key);
        if (known != null) {
            return known;
        }
        NormalizedText result = compute.get();
        if (memo.size() >= MAX_MEMO) {
            memo.clear();
        }
        memo.put(key, result);
        return result;
    }

    private static NormalizedText of(Conversion conversion) {
        Encoding detected = conversion.detected();
        if (detected == Encoding.UNDECODABLE) {
            return new NormalizedText(conversion.text(), null, true);
        }
        return new NormalizedText(conversion.text(), detected.isLegacy() ? detected.name() : null, false);
    }

    private static Encoding encoding(String declared) {
        if (declared == null) {
            return Encoding.UNICODE;
        }
        try {
            return Encoding.valueOf(declared);
        } catch (IllegalArgumentException e) {
            return Encoding.UNICODE;
        }
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
