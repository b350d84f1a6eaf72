package vn.cantho.ioc.ingest.text;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses which legacy encoding, if any, a text or byte string is in, by comparing its
 * {@link LegacyReading readings} in each encoding.
 *
 * <p>A reading counts only with a strong word, and as many words that read as Vietnamese as words
 * of another language (for raw bytes also more strong words than anchors). The best has the most
 * strong words, then the fewest leftover foreign characters, then the fewest anchors; then the
 * feed's declared encoding; then the order of {@link #DECODERS}, a prior for which encoding a
 * Vietnamese government system most likely used. Without any strong word a declared encoding is
 * applied, and raw bytes are decoded only if all sensible readings agree.
 */
final class LegacyDetector {

    /** TCVN3 was the national standard for state bodies, VNI was widespread in the South, Windows-1258 rare. */
    private static final List<LegacyDecoder> DECODERS =
            List.of(new Tcvn3Decoder(), new VniDecoder(), new Windows1258Decoder());

    private static final Comparator<LegacyReading> BEST_FIRST = Comparator.comparingInt(LegacyReading::strong)
            .reversed()
            .thenComparingInt(LegacyReading::leftovers)
            .thenComparingInt(LegacyReading::anchors)
            .thenComparing(LegacyReading::declared, Comparator.reverseOrder());

    private LegacyDetector() {}

    /** Converts the legacy words of an NFC Unicode text; without evidence the text is returned as it is. */
    static Conversion repair(String text, Encoding declared) {
        return choose(text, declared, false)
                .map(LegacyReading::conversion)
                .orElseGet(() -> new Conversion(text, Encoding.UNICODE));
    }

    /** Decodes a whole byte string with the legacy encoding it is most plausibly in, if any. */
    static Optional<Conversion> decodeBytes(String byteString, Encoding declared) {
        return choose(byteString, declared, true)
                .map(LegacyReading::conversion)
                .or(() -> onlySensibleReading(byteString));
    }

    private static Optional<LegacyReading> choose(String text, Encoding declared, boolean rawBytes) {
        List<LegacyReading> readings = DECODERS.stream()
                .map(decoder -> new LegacyReading(text, decoder, decoder.encoding() == declared, rawBytes))
                .toList();
        // The sort is stable, so equally good readings stay in the order of DECODERS.
        Optional<LegacyReading> evidenced = readings.stream()
                .filter(r -> r.strong() > 0 && r.mostlyVietnamese() && (!rawBytes || r.strong() > r.anchors()))
                .sorted(BEST_FIRST)
                .findFirst();
        return evidenced.or(
                () -> readings.stream().filter(LegacyReading::declared).findFirst());
    }

    /**
     * Bytes without decisive words are still taken when every encoding that reads them as Vietnamese
     * gives the same text (raw VNI "Bình"); "Ô Môn" in Windows-1258 also reads as TCVN3 "ễ Mụn", so it is not.
     */
    private static Optional<Conversion> onlySensibleReading(String byteString) {
        List<Conversion> sensible = DECODERS.stream()
                .map(decoder -> new Conversion(decoder.decode(byteString), decoder.encoding()))
                .filter(conversion -> Syllables.readsAsVietnamese(conversion.text()))
                .toList();
        boolean agreed = !sensible.isEmpty()
                && sensible.stream().map(Conversion::text).distinct().count() == 1;
        return agreed ? Optional.of(sensible.get(0)) : Optional.empty();
    }
}
