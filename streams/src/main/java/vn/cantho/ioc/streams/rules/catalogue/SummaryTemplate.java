package vn.cantho.ioc.streams.rules.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an alert of a rule says, in Vietnamese and in English: text with placeholders that each event
 * fills in — {@code {entity}} (the station, district, agency or city by its registry name),
 * {@code {value}} (the measure rounded, with the metric's unit when it has one), {@code {indicator}}
 * (the indicator's name) and {@code {record}} (the item of an SLA or MATCH rule, e.g. a 1022 report id).
 * Example: {@code {"vi": "{entity}: {value} người tử vong trong ngày", "en": "{entity}: {value} traffic deaths in a day"}}.
 */
public record SummaryTemplate(String vi, String en) {

    public static final Set<String> PLACEHOLDERS = Set.of("entity", "value", "indicator", "record");
    /** A rule without its own template says where and how much. */
    public static final SummaryTemplate DEFAULT = new SummaryTemplate("{entity}: {value}", "{entity}: {value}");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    /** What is wrong with it, each naming the language; empty when it is usable. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        check("vi", vi, problems);
        check("en", en, problems);
        return problems;
    }

    private static void check(String language, String text, List<String> problems) {
        if (text == null || text.isBlank()) {
            problems.add(language + ": must not be blank");
            return;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                problems.add(language + ": unknown placeholder {" + m.group(1) + "}; known: {entity}, {value},"
                        + " {indicator}, {record}");
            }
        }
    }

    /** The text in one language with the placeholders replaced. */
    public static String fill(String text, java.util.function.Function<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.apply(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
