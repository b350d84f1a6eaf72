package vn.cantho.ioc.ingest.text;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Recognises written Vietnamese: its alphabet, its syllables (initial consonant + rhyme + at most one
 * tone mark, with or without diacritics) and text that reads as Vietnamese rather than another
 * language. This is the evidence the legacy detector weighs: mojibake such as "Caàn" or "CÇn" is not
 * a syllable, while its decoding "Cần" is.
 */
final class Syllables {

    private static final Set<String> INITIALS = Set.of(
            "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh", "p", "ph",
            "qu", "r", "s", "t", "th", "tr", "v", "x");

    /** Rhymes without tone marks; slightly generous, since its job is to reject mojibake, not typos. */
    private static final Set<String> RHYMES = Set.of(("a ac ach ai am an ang anh ao ap at au ay ăc ăm ăn ăng ăp ăt"
                    + " âc âm ân âng âp ât âu ây e ec em en eng eo ep et ê êch êm ên ênh êp êt êu"
                    + " i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu"
                    + " o oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt"
                    + " oc oe oen oeo oet oi om on ong ooc oong op ot ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt"
                    + " u ua uân uâng uât uây uc uê uêch uênh ui um un ung uôc uôi uôm uôn uông uôt up ut uơ"
                    + " uy uya uych uyn uynh uyp uyt uyu uyên uyêt ư ưa ưc ưi ưm ưn ưng ưt ưu"
                    + " ươc ươi ươm ươn ương ươp ươt ươu y ych ynh yt yêm yên yêng yêt yêu")
            .split(" "));

    /** The rhymes as written without diacritics, as in "Nguyen Van Truong". */
    private static final Set<String> TONELESS_RHYMES = RHYMES.stream()
            .map(rhyme -> Normalizer.normalize(rhyme, Normalizer.Form.NFD).replaceAll("\\p{M}", ""))
            .collect(Collectors.toSet());

    /** The longest syllables ("nghiêng", "khuếch") have seven letters. */
    private static final int MAX_LETTERS = 7;

    private static final char SAC = '\u0301';
    private static final char NANG = '\u0323';
    private static final String TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323";

    /** Every lower-case letter of the alphabet → its toneless letter and tone mark (0 for none). */
    private static final Map<Character, Letter> LOWER_CASE = new HashMap<>();

    private record Letter(char toneless, char tone) {}

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            LOWER_CASE.put(c, new Letter(c, (char) 0));
        }
        LOWER_CASE.put('đ', new Letter('đ', (char) 0));
        for (char vowel : "aăâeêioôơuưy".toCharArray()) {
            LOWER_CASE.put(vowel, new Letter(vowel, (char) 0));
            for (char tone : TONE_MARKS.toCharArray()) {
                char toned = Normalizer.normalize("" + vowel + tone, Normalizer.Form.NFC)
                        .charAt(0);
                LOWER_CASE.put(toned, new Letter(vowel, tone));
            }
        }
    }

    private Syllables() {}

    /** Whether the character is a letter of the Vietnamese alphabet (incl. f, j, w, z), either case. */
    static boolean isVietnameseLetter(char c) {
        return LOWER_CASE.containsKey(Character.toLowerCase(c));
    }

    /** Whether every character is a Vietnamese letter or an ASCII digit. */
    static boolean isVietnameseWord(String word) {
        return word.chars().allMatch(c -> c >= '0' && c <= '9' || isVietnameseLetter((char) c));
    }

    /** Characters no Vietnamese text has: Latin-1 symbols and non-Vietnamese letters, stray combining marks, U+FFFD. */
    static int foreignCharacters(String text) {
        return (int) text.chars()
                .filter(c -> c >= 0xA1 && c <= 0xFF && !isVietnameseLetter((char) c)
                        || Character.getType(c) == Character.NON_SPACING_MARK
                        || c == 0xFFFD)
                .count();
    }

    /**
     * Whether the text reads as Vietnamese: no foreign character, every word with a non-ASCII letter a
     * syllable, at least one such word of two or more letters (a lone "ì" is too little to go on), and
     * no more words of another language than Vietnamese ones.
     */
    static boolean readsAsVietnamese(String text) {
        List<String> words = Arrays.stream(text.split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty())
                .toList();
        List<String> nonAscii =
                words.stream().filter(word -> !ByteStrings.isAscii(word)).toList();
        long vietnamese = words.stream()
                .filter(w -> isSyllable(w) || isStrippedSyllable(w))
                .count();
        long other = words.stream().filter(Syllables::isOtherLanguage).count();
        return foreignCharacters(text) == 0
                && nonAscii.stream().allMatch(Syllables::isSyllable)
                && nonAscii.stream().anyMatch(word -> word.length() > 1)
                && vietnamese >= other;
    }

    /**
     * Whether a word is evidence of another language: not Vietnamese (with or without diacritics) and
     * not an acronym, code or single letter, which any language's text may hold.
     */
    static boolean isOtherLanguage(String word) {
        return word.length() > 1
                && !word.equals(word.toUpperCase(Locale.ROOT))
                && word.chars().noneMatch(Character::isDigit)
                && !isSyllable(word)
                && !isStrippedSyllable(word);
    }

    /** Whether an ASCII word could be a Vietnamese syllable written without diacritics ("truong", "Nguyen"). */
    static boolean isStrippedSyllable(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.isEmpty()
                || lower.length() > MAX_LETTERS
                || !hasSyllableCase(word)
                || !lower.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return false;
        }
        return INITIALS.stream()
                .anyMatch(initial -> !initial.equals("đ")
                        && lower.startsWith(initial)
                        && TONELESS_RHYMES.contains(lower.substring(initial.length())));
    }

    /** Whether the word is one well-formed Vietnamese syllable in lower, upper or title case. */
    static boolean isSyllable(String word) {
        if (word.isEmpty() || word.length() > MAX_LETTERS || !hasSyllableCase(word)) {
            return false;
        }
        StringBuilder toneless = new StringBuilder(word.length());
        char tone = 0;
        for (char c : word.toLowerCase(Locale.ROOT).toCharArray()) {
            Letter letter = LOWER_CASE.get(c);
            if (letter == null || letter.tone() != 0 && tone != 0) {
                return false;
            }
            tone = letter.tone() != 0 ? letter.tone() : tone;
            toneless.append(letter.toneless());
        }
        return isInitialAndRhyme(toneless.toString()) && toneFitsFinal(toneless.toString(), tone);
    }

    private static boolean hasSyllableCase(String word) {
        String rest = word.substring(1);
        return rest.equals(rest.toLowerCase(Locale.ROOT)) || word.equals(word.toUpperCase(Locale.ROOT));
    }

    private static boolean isInitialAndRhyme(String toneless) {
        for (String initial : INITIALS) {
            if (toneless.startsWith(initial) && RHYMES.contains(toneless.substring(initial.length()))) {
                return true;
            }
        }
        return false;
    }

    /** Syllables closed by p, t, c or ch take only the sắc or nặng tone. */
    private static boolean toneFitsFinal(String toneless, char tone) {
        boolean stopped =
                toneless.endsWith("p") || toneless.endsWith("t") || toneless.endsWith("c") || toneless.endsWith("ch");
        return !stopped || tone == SAC || tone == NANG;
    }
}
