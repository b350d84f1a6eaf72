package vn.cantho.ioc.ingest.text;

/** Turns text in one legacy 8-bit Vietnamese encoding, given as a {@link ByteStrings byte string}, into Unicode. */
interface LegacyDecoder {

    Encoding encoding();

    /**
     * Decodes a byte string to NFC Unicode. Bytes that the encoding does not use for a Vietnamese
     * letter are read as Windows-1252, as the legacy fonts displayed them.
     */
    String decode(String byteString);

    /** Whether a character belongs to a word when text is read in this encoding. */
    default boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }
}
