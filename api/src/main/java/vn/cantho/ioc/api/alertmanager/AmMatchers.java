package vn.cantho.ioc.api.alertmanager;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.cantho.ioc.api.http.ApiException;
import vn.cantho.ioc.store.alert.LabelMatcher;

/**
 * Alertmanager matchers ↔ the hub's {@link LabelMatcher}s. Alertmanager names an alert by its
 * {@code alertname} label; a hub alert's name is its rule id, which hub matchers call {@code rule}, so a
 * matcher on {@code alertname} is stored and evaluated as one on {@code rule}: a silence made with
 * {@code amtool silence add alertname=pm25-spike} silences that rule's alerts in the hub itself too.
 */
final class AmMatchers {

    static final String ALERTNAME = "alertname";
    static final String RULE = "rule";

    private AmMatchers() {}

    /**
     * The {@code filter} query values of Alertmanager's GET endpoints: each one matcher such as
     * {@code severity="CRITICAL"} or {@code area=~"ninh-kieu|cai-rang"}; a value in braces
     * ({@code {a="b",c!="d"}}) holds several, as newer clients send them.
     */
    static List<LabelMatcher> filters(List<String> values) {
        List<LabelMatcher> matchers = new ArrayList<>();
        for (String value : values) {
            String text = value.strip();
            if (text.startsWith("{") && text.endsWith("}")) {
                for (String part : splitOutsideQuotes(text.substring(1, text.length() - 1))) {
                    if (!part.isBlank()) {
                        matchers.add(parse(part));
                    }
                }
            } else if (!text.isEmpty()) {
                matchers.add(parse(text));
            }
        }
        return matchers;
    }

    private static LabelMatcher parse(String text) {
        try {
            LabelMatcher m = LabelMatcher.parse(text);
            return new LabelMatcher(m.label(), m.op(), unescape(m.value()));
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("filter", e.getMessage());
        }
    }

    /** A matcher as the hub stores it (see the class comment on {@code alertname}). */
    static LabelMatcher toHub(String name, String value, boolean regex, boolean equal) {
        LabelMatcher.Op op = regex
                ? (equal ? LabelMatcher.Op.RE : LabelMatcher.Op.NRE)
                : (equal ? LabelMatcher.Op.EQ : LabelMatcher.Op.NE);
        return new LabelMatcher(ALERTNAME.equals(name) ? RULE : name, op, value);
    }

    /**
     * The labels a silence filter is matched against, as Alertmanager does it: the silence's equality
     * matchers as a label set, {@code rule} also under {@code alertname}.
     */
    static Map<String, String> labelsOfSilence(List<LabelMatcher> matchers) {
        Map<String, String> labels = new TreeMap<>();
        for (LabelMatcher m : matchers) {
            if (m.op() == LabelMatcher.Op.EQ) {
                labels.put(m.label(), m.value());
                if (RULE.equals(m.label())) {
                    labels.put(ALERTNAME, m.value());
                }
            }
        }
        return labels;
    }

    private static List<String> splitOutsideQuotes(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quoted && i + 1 < text.length()) {
                current.append(c).append(text.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    /** Alertmanager quotes values as Go strings: {@code \"} and {@code \\} inside the quotes. */
    private static String unescape(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() && (value.charAt(i + 1) == '"' || value.charAt(i + 1) == '\\')) {
                c = value.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }
}
