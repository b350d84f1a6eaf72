package vn.cantho.ioc.store.alert;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One label condition of a silence, an inhibition rule or a list filter: {@code label=value},
 * {@code label!=value}, {@code label=~regex} or {@code label!~regex}. Regular expressions match the
 * whole value; a label the alert lacks counts as the empty string (as in Prometheus). Besides its own
 * labels, an alert offers {@link #ALERT_FIELDS} as labels: {@code rule}, {@code entity}, {@code domain},
 * {@code area}, {@code scope} and {@code severity}.
 */
public final class LabelMatcher {

    /** Alert fields that matchers can name like labels; a real label of the same name is shadowed. */
    public static final java.util.List<String> ALERT_FIELDS =
            java.util.List.of("rule", "entity", "domain", "area", "scope", "severity");

    private static final Pattern TEXT =
            Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_.\\-]*)\\s*(=~|!~|!=|=)\\s*(.*?)\\s*$", Pattern.DOTALL);

    public enum Op {
        EQ("="),
        NE("!="),
        RE("=~"),
        NRE("!~");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        static Op of(String symbol) {
            for (Op op : values()) {
                if (op.symbol.equals(symbol)) {
                    return op;
                }
            }
            throw new IllegalArgumentException("unknown matcher operator '" + symbol + "'");
        }
    }

    private final String label;
    private final Op op;
    private final String value;
    /** Compiled once: silences and inhibition rules are matched against every alert they could cover. */
    private final Pattern pattern;

    /** @throws IllegalArgumentException for a blank label, a missing op or value, or an invalid regex */
    public LabelMatcher(String label, Op op, String value) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a matcher needs a label name");
        }
        Objects.requireNonNull(op, "a matcher needs an operator (=, !=, =~, !~)");
        Objects.requireNonNull(value, "a matcher needs a value");
        if (value.length() > 1000) {
            throw new IllegalArgumentException("matcher value of '" + label + "' is longer than 1000 characters");
        }
        Pattern compiled = null;
        if (op == Op.RE || op == Op.NRE) {
            try {
                compiled = Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("matcher " + label + op.symbol + value
                        + " has an invalid regular expression: " + e.getDescription());
            }
        }
        this.label = label;
        this.op = op;
        this.value = value;
        this.pattern = compiled;
    }

    public String label() {
        return label;
    }

    public Op op() {
        return op;
    }

    public String value() {
        return value;
    }

    /**
     * Parses {@code label=value}, {@code label!=value}, {@code label=~regex} or {@code label!~regex};
     * a value may be wrapped in double quotes.
     */
    public static LabelMatcher parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid label matcher '" + text
                    + "': expected label=value, label!=value, label=~regex or label!~regex");
        }
        String value = m.group(3);
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return new LabelMatcher(m.group(1), Op.of(m.group(2)), value);
    }

    /** Whether the labels satisfy this matcher (a missing label is the empty string). */
    public boolean matches(Map<String, String> labels) {
        String actual = labels.getOrDefault(label, "");
        return switch (op) {
            case EQ -> actual.equals(value);
            case NE -> !actual.equals(value);
            case RE -> pattern.matcher(actual).matches();
            case NRE -> !pattern.matcher(actual).matches();
        };
    }

    /** Whether every matcher matches. */
    public static boolean all(Iterable<LabelMatcher> matchers, Map<String, String> labels) {
        for (LabelMatcher matcher : matchers) {
            if (!matcher.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    /** The alert's labels plus its {@link #ALERT_FIELDS}, as matchers see them. */
    public static Map<String, String> labelsOf(Alert alert) {
        Map<String, String> all = new TreeMap<>(alert.labels());
        all.put("rule", alert.ruleId());
        all.put("entity", alert.entityId());
        all.put("domain", alert.domain());
        all.put("area", alert.areaCode() == null ? "" : alert.areaCode());
        all.put("scope", alert.scope().id());
        all.put("severity", alert.severity() == null ? "" : alert.severity().name());
        return all;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelMatcher m && label.equals(m.label) && op == m.op && value.equals(m.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, op, value);
    }

    @Override
    public String toString() {
        return label + op.symbol + value;
    }
}
