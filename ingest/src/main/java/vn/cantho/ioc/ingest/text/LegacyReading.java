package vn.cantho.ioc.ingest.text;

import java.util.ArrayList;
import java.util.List;

/**
 * One text read word by word in one legacy encoding: which words are mojibake in that encoding, how
 * much evidence that is, and the text with those words converted.
 *
 * <p>A word is {@link Verdict#STRONG} evidence when it is not a Vietnamese syllable but its decoding
 * is ("Caàn" → "Cần"), and an {@link Verdict#ANCHOR} when it is correct Unicode (it has a character
 * no legacy byte stands for, or it is a syllable that decoding would break). Words that read well
 * either way ("Thô" → "Thơ") follow the nearest strong or anchor word, so a field that mixes Unicode
 * and mojibake keeps its Unicode runs.
 */
final class LegacyReading {

    /** How one word reads in this encoding. */
    private enum Verdict {
        /** Nothing to decide: ASCII, or unchanged by decoding. */
        NEUTRAL,
        /** Not a syllable as it stands, a syllable once decoded: mojibake. */
        STRONG,
        /** A syllable either way, or a single character: follows its neighbours. */
        AMBIGUOUS,
        /** Not a syllable either way, but decoding removes characters foreign to Vietnamese: follows its neighbours. */
        PLAUSIBLE,
        /** Correct Unicode. */
        ANCHOR
    }

    /**
     * A word, its decoding and verdict; {@code clause} counts the punctuation-separated parts before it.
     * {@code language} tells whether the word reads as Vietnamese (either way, or as ASCII without
     * diacritics), as another language (a longer non-acronym word that does not), or neither.
     */
    private record Word(int start, int end, int clause, String decoded, Verdict verdict, Language language) {}

    private enum Language {
        VIETNAMESE,
        OTHER,
        UNKNOWN
    }

    private final String text;
    private final LegacyDecoder decoder;
    private final boolean declared;
    private final boolean rawBytes;
    private final List<Word> words = new ArrayList<>();
    private final String result;

    /**
     * @param declared whether the feed is registered as sending this encoding; then words with no
     *                 decisive neighbour are taken as legacy
     * @param rawBytes whether the text is a byte string of raw bytes (decoded whole) rather than
     *                 Unicode that may contain mojibake words (converted word by word)
     */
    LegacyReading(String text, LegacyDecoder decoder, boolean declared, boolean rawBytes) {
        this.text = text;
        this.decoder = decoder;
        this.declared = declared;
        this.rawBytes = rawBytes;
        split();
        this.result = rawBytes ? decoder.decode(text) : convertLegacyWords();
    }

    boolean declared() {
        return declared;
    }

    int strong() {
        return count(Verdict.STRONG);
    }

    int anchors() {
        return count(Verdict.ANCHOR);
    }

    /** Whether at least as many words read as Vietnamese as read as another language, as in any Vietnamese field. */
    boolean mostlyVietnamese() {
        return words.stream().filter(w -> w.language() == Language.VIETNAMESE).count()
                >= words.stream().filter(w -> w.language() == Language.OTHER).count();
    }

    /** Characters left in the result that no Vietnamese text has (see {@link Syllables#foreignCharacters}). */
    int leftovers() {
        return Syllables.foreignCharacters(result);
    }

    Conversion conversion() {
        boolean unchanged = !rawBytes && result.equals(text);
        return new Conversion(result, unchanged ? Encoding.UNICODE : decoder.encoding());
    }

    private int count(Verdict verdict) {
        return (int) words.stream().filter(w -> w.verdict() == verdict).count();
    }

    private void split() {
        int clause = 0;
        int i = 0;
        while (i < text.length()) {
            int end = i;
            while (end < text.length() && decoder.isWordChar(text.charAt(end))) {
                end++;
            }
            if (end > i) {
                words.add(judge(i, end, clause));
                i = end;
            } else {
                clause += Character.isWhitespace(text.charAt(i)) || Character.isSpaceChar(text.charAt(i)) ? 0 : 1;
                i++;
            }
        }
    }

    private Word judge(int start, int end, int clause) {
        String word = text.substring(start, end);
        if (!ByteStrings.isByteString(word)) {
            boolean letters = word.chars().anyMatch(Character::isLetter);
            return new Word(
                    start,
                    end,
                    clause,
                    word,
                    letters ? Verdict.ANCHOR : Verdict.NEUTRAL,
                    language(word, Syllables.isSyllable(word)));
        }
        String decoded = decoder.decode(word);
        boolean wasSyllable = Syllables.isSyllable(word);
        boolean becomesSyllable = decoded.equals(word) ? wasSyllable : Syllables.isSyllable(decoded);
        Verdict verdict;
        if (!wasSyllable && !becomesSyllable) {
            boolean cleaned = Syllables.isVietnameseWord(decoded) && !Syllables.isVietnameseWord(word);
            verdict = cleaned ? Verdict.PLAUSIBLE : Verdict.NEUTRAL;
        } else if (decoded.equals(word)) {
            verdict = Verdict.NEUTRAL;
        } else if (becomesSyllable) {
            // One character is too little evidence: "½" would otherwise become TCVN3's "ẵ".
            verdict = wasSyllable || word.length() < 2 ? Verdict.AMBIGUOUS : Verdict.STRONG;
        } else {
            verdict = Verdict.ANCHOR;
        }
        return new Word(start, end, clause, decoded, verdict, language(word, wasSyllable || becomesSyllable));
    }

    private static Language language(String word, boolean syllable) {
        if (syllable || Syllables.isStrippedSyllable(word)) {
            return Language.VIETNAMESE;
        }
        return Syllables.isOtherLanguage(word) ? Language.OTHER : Language.UNKNOWN;
    }

    private String convertLegacyWords() {
        Verdict[] context = context();
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (int i = 0; i < words.size(); i++) {
            Word word = words.get(i);
            boolean legacy =
                    switch (word.verdict()) {
                        case STRONG -> true;
                        case AMBIGUOUS, PLAUSIBLE -> context[i] == Verdict.STRONG || context[i] == null && declared;
                        case NEUTRAL, ANCHOR -> false;
                    };
            if (legacy) {
                out.append(text, copied, word.start()).append(word.decoded());
                copied = word.end();
            }
        }
        return out.append(text, copied, text.length()).toString();
    }

    /**
     * For each word, the verdict of the closest strong or anchor word: first in the same clause (mixed
     * fields put punctuation between their parts), then anywhere; looking back first, as a run
     * continues what it follows. Null where there is none. Linear, so long fields stay cheap.
     */
    private Verdict[] context() {
        Verdict[][] nearest = {nearest(true, true), nearest(false, true), nearest(true, false), nearest(false, false)};
        Verdict[] context = new Verdict[words.size()];
        for (int i = 0; i < context.length; i++) {
            for (Verdict[] candidate : nearest) {
                if (context[i] == null) {
                    context[i] = candidate[i];
                }
            }
        }
        return context;
    }

    private Verdict[] nearest(boolean before, boolean sameClause) {
        int n = words.size();
        Verdict[] nearest = new Verdict[n];
        Verdict last = null;
        int lastClause = -1;
        for (int k = 0; k < n; k++) {
            Word word = words.get(before ? k : n - 1 - k);
            if (sameClause && word.clause() != lastClause) {
                last = null;
            }
            lastClause = word.clause();
            nearest[before ? k : n - 1 - k] = last;
            if (word.verdict() == Verdict.STRONG || word.verdict() == Verdict.ANCHOR) {
                last = word.verdict();
            }
        }
        return nearest;
    }
}
