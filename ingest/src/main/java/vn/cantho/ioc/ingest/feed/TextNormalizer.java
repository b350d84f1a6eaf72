package vn.cantho.ioc.ingest.feed;

/**
 * The hook through which feed text fields are repaired and normalised, so the feed API does not depend
 * on how legacy Vietnamese text is detected. {@link VietnameseTextNormalizer} is the production one.
 * Implementations are pure and thread-safe and never throw.
 */
public interface TextNormalizer {

    /**
     * A text field that arrived as a string (from a valid UTF-8 body): NFC, with legacy "mojibake"
     * converted.
     *
     * @param declared the feed's declared legacy encoding ({@code TCVN3}, {@code VNI_WINDOWS},
     *                 {@code WINDOWS_1258}), or null
     */
    NormalizedText normalize(String text, String declared);

    /** A text field that arrived as raw bytes which may not be UTF-8 (a CSV cell, or a string of a non-UTF-8 JSON body). */
    NormalizedText decode(byte[] raw, String declared);

    /**
     * The outcome for one field.
     *
     * @param text        Unicode NFC text
     * @param from        the legacy encoding it was converted from, or null when it was Unicode already
     * @param undecodable the bytes are neither UTF-8 nor a recognisable legacy encoding
     */
    record NormalizedText(String text, String from, boolean undecodable) {}
}
