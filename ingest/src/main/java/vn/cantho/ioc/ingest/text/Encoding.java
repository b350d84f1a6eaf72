package vn.cantho.ioc.ingest.text;

/**
 * How a text field reached us, as reported back by {@link VietnameseText} so the API can say which
 * conversion (if any) was applied to a department's record.
 */
public enum Encoding {

    /** Already Unicode; at most normalised to NFC. */
    UNICODE(false),

    /**
     * TCVN 5712:1993 VN3, the 8-bit "ABC" encoding of the {@code .VnTime} fonts. It has no code for a
     * capital letter with a tone mark: those were typed as the lower-case code in an all-capitals
     * font ({@code .VnTimeH}), so they come back lower case unless the rest of the word is upper case.
     */
    TCVN3(true),

    /** VNI-Windows: an ASCII base letter followed by one "accent" byte (e.g. {@code Caàn Thô}). */
    VNI_WINDOWS(true),

    /** Microsoft code page 1258: base letters plus combining tone-mark bytes. */
    WINDOWS_1258(true),

    /**
     * Raw bytes that are neither UTF-8 nor recognisably one of the legacy encodings; the text keeps
     * the readable parts and shows U+FFFD for each undecodable byte, so the caller can reject the field.
     */
    UNDECODABLE(false);

    private final boolean legacy;

    Encoding(boolean legacy) {
        this.legacy = legacy;
    }

    /** Whether this is a legacy Vietnamese encoding whose text was converted to Unicode. */
    public boolean isLegacy() {
        return legacy;
    }
}
