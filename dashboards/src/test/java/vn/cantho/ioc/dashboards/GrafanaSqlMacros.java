package vn.cantho.ioc.dashboards;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a panel's raw SQL into what Grafana's PostgreSQL data source sends to the server, in Grafana's own
 * order: (1) the browser interpolates dashboard template variables (the SQL data sources'
 * {@code interpolateVariable}: multi-value and include-all variables become comma-joined quoted literals,
 * a single-value variable its value with {@code '} doubled); (2) the backend's global substitutions
 * ({@code sqleng} {@code Interpolate}: {@code $__interval_ms}, {@code $__interval} in
 * {@code gtime.FormatInterval} form, {@code $__unixEpochFrom()}, {@code $__unixEpochTo()}); (3) the
 * PostgreSQL macro engine ({@code pkg/tsdb/grafana-postgresql-datasource/macros.go}), whose
 * {@code $__timeGroup} becomes {@code time_bucket('<seconds>.000s',col)} when the data source has the
 * TimescaleDB flag on, else {@code floor(extract(epoch from col)/s)*s}. Test code: the dashboards' SQL is
 * proven by executing what this produces.
 */
final class GrafanaSqlMacros {

    /** macros.go: {@code \$([_a-zA-Z0-9]+)\(([^\)]*)\)}. */
    private static final Pattern MACRO = Pattern.compile("\\$([_a-zA-Z0-9]+)\\(([^)]*)\\)");
    /** Template variables: {@code $name}, {@code ${name}}, {@code ${name:format}}, {@code [[name]]}. */
    private static final Pattern VARIABLE = Pattern.compile(
            "\\$([a-zA-Z_][a-zA-Z0-9_]*)|\\$\\{([a-zA-Z_][a-zA-Z0-9_]*)(?::([a-zA-Z]+))?}|\\[\\[([a-zA-Z_][a-zA-Z0-9_]*)]]");

    private static final Pattern INTERVAL = Pattern.compile("(\\d+)(ms|s|m|h|d|w|M|y)");

    /** The dashboard time range, Grafana's {@code from} and {@code to}. */
    record TimeRange(Instant from, Instant to) {}

    /**
     * A template variable as the browser holds it: its selected values, and whether it is multi-value or has
     * "include All" (then each value is quoted, as Grafana's SQL data sources do).
     */
    record Variable(List<String> values, boolean quoted) {
        static Variable single(String value) {
            return new Variable(List.of(value), false);
        }

        static Variable multi(List<String> values) {
            return new Variable(List.copyOf(values), true);
        }
    }

    private GrafanaSqlMacros() {}

    /** The three steps above. */
    static String expand(
            String sql, TimeRange range, Duration interval, boolean timescaledb, Map<String, Variable> variables) {
        return macros(globals(templateVariables(sql, variables), range, interval), range, timescaledb);
    }

    /** Step 1. {@code $__…} names are Grafana's own and left for the backend; unknown variables are an error. */
    static String templateVariables(String sql, Map<String, Variable> variables) {
        Matcher m = VARIABLE.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(4);
            if (name.startsWith("__")) {
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                continue;
            }
            Variable variable = variables.get(name);
            if (variable == null) {
                throw new IllegalArgumentException(
                        "SQL uses template variable $" + name + " that the dashboard does not define");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(format(variable, m.group(3))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String format(Variable variable, String format) {
        List<String> values = variable.values();
        if (format == null) {
            if (!variable.quoted() && values.size() == 1) {
                return values.get(0).replace("'", "''");
            }
            return values.stream().map(GrafanaSqlMacros::quoteLiteral).collect(Collectors.joining(","));
        }
        return switch (format) {
            case "raw" -> String.join(",", values);
            case "csv" -> String.join(",", values);
            case "sqlstring", "singlequote" ->
                values.stream().map(GrafanaSqlMacros::quoteLiteral).collect(Collectors.joining(","));
            case "doublequote" ->
                values.stream().map(v -> "\"" + v.replace("\"", "\\\"") + "\"").collect(Collectors.joining(","));
            default -> throw new IllegalArgumentException("unsupported variable format :" + format);
        };
    }

    /** The SQL query model's {@code quoteLiteral}. */
    static String quoteLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** Step 2: sqleng's global substitutions. */
    static String globals(String sql, TimeRange range, Duration interval) {
        return sql.replace("$__interval_ms", Long.toString(interval.toMillis()))
                .replace("$__interval", formatInterval(interval))
                .replace("$__unixEpochFrom()", Long.toString(range.from().getEpochSecond()))
                .replace("$__unixEpochTo()", Long.toString(range.to().getEpochSecond()));
    }

    /** {@code gtime.FormatInterval}: the largest whole unit, truncated. */
    static String formatInterval(Duration interval) {
        long ms = interval.toMillis();
        long second = 1000, minute = 60 * second, hour = 60 * minute, day = 24 * hour, year = 365 * day;
        if (ms >= year) {
            return ms / year + "y";
        } else if (ms >= day) {
            return ms / day + "d";
        } else if (ms >= hour) {
            return ms / hour + "h";
        } else if (ms >= minute) {
            return ms / minute + "m";
        } else if (ms >= second) {
            return ms / second + "s";
        } else if (ms >= 1) {
            return ms + "ms";
        }
        return "1ms";
    }

    /** Step 3: macros.go's {@code Interpolate} and {@code evaluateMacro}. */
    static String macros(String sql, TimeRange range, boolean timescaledb) {
        Matcher m = MACRO.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            // macros.go: "$__timeGroup(...)" directly followed by ',' is the pre-5.3 form that adds AS "time";
            // Go looks up the first occurrence of the same text in the whole SQL.
            if (name.equals("__timeGroup")) {
                int index = sql.indexOf(m.group()) + m.group().length();
                if (index < sql.length() && sql.charAt(index) == ',') {
                    name = "__timeGroupAlias";
                }
            }
            List<String> args = new ArrayList<>();
            for (String arg : m.group(2).split(",", -1)) {
                args.add(arg.strip());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(evaluate(name, args, range, timescaledb)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String evaluate(String name, List<String> args, TimeRange range, boolean timescaledb) {
        String from = rfc3339Nano(range.from());
        String to = rfc3339Nano(range.to());
        switch (name) {
            case "__time":
                return requireColumn(name, args) + " AS \"time\"";
            case "__timeEpoch":
                return "extract(epoch from " + requireColumn(name, args) + ") as \"time\"";
            case "__timeFilter":
                return requireColumn(name, args) + " BETWEEN '" + from + "' AND '" + to + "'";
            case "__timeFrom":
                return "'" + from + "'";
            case "__timeTo":
                return "'" + to + "'";
            case "__timeGroup": {
                if (args.size() < 2) {
                    throw new IllegalArgumentException(
                            "macro " + name + " needs time column and interval and optional fill value");
                }
                double seconds = parseInterval(trimQuotes(args.get(1))).toMillis() / 1000.0;
                if (timescaledb) {
                    return "time_bucket('" + String.format(Locale.ROOT, "%.3f", seconds) + "s'," + args.get(0) + ")";
                }
                return "floor(extract(epoch from " + args.get(0) + ")/" + goFloat(seconds) + ")*" + goFloat(seconds);
            }
            case "__timeGroupAlias":
                return evaluate("__timeGroup", args, range, timescaledb) + " AS \"time\"";
            case "__unixEpochFilter": {
                String column = requireColumn(name, args);
                return column + " >= " + range.from().getEpochSecond() + " AND " + column + " <= "
                        + range.to().getEpochSecond();
            }
            case "__unixEpochNanoFilter": {
                String column = requireColumn(name, args);
                return column + " >= " + nanos(range.from()) + " AND " + column + " <= " + nanos(range.to());
            }
            case "__unixEpochNanoFrom":
                return Long.toString(nanos(range.from()));
            case "__unixEpochNanoTo":
                return Long.toString(nanos(range.to()));
            case "__unixEpochGroup": {
                if (args.size() < 2) {
                    throw new IllegalArgumentException(
                            "macro " + name + " needs time column and interval and optional fill value");
                }
                double seconds = parseInterval(trimQuotes(args.get(1))).toMillis() / 1000.0;
                return "floor((" + args.get(0) + ")/" + goFloat(seconds) + ")*" + goFloat(seconds);
            }
            case "__unixEpochGroupAlias":
                return evaluate("__unixEpochGroup", args, range, timescaledb) + " AS \"time\"";
            default:
                throw new IllegalArgumentException("unknown macro \"" + name + "\"");
        }
    }

    private static String requireColumn(String name, List<String> args) {
        if (args.isEmpty() || args.get(0).isEmpty()) {
            throw new IllegalArgumentException("missing time column argument for macro " + name);
        }
        return args.get(0);
    }

    private static String trimQuotes(String s) {
        int start = 0, end = s.length();
        while (start < end && s.charAt(start) == '\'') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '\'') {
            end--;
        }
        return s.substring(start, end);
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    /** Go's {@code time.RFC3339Nano} in UTC: trailing zeros of the fraction dropped, "Z". */
    static String rfc3339Nano(Instant t) {
        String base = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
                .withZone(java.time.ZoneOffset.UTC)
                .format(t);
        if (t.getNano() == 0) {
            return base + "Z";
        }
        String fraction = String.format(Locale.ROOT, "%09d", t.getNano()).replaceAll("0+$", "");
        return base + "." + fraction + "Z";
    }

    /** {@code gtime.ParseInterval}: a number and one unit (ms, s, m, h, d, w, M, y). */
    static Duration parseInterval(String text) {
        Matcher m = INTERVAL.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("error parsing interval " + text);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            case "w" -> Duration.ofDays(7 * n);
            case "M" -> Duration.ofDays(30 * n);
            default -> Duration.ofDays(365 * n);
        };
    }

    /**
     * Go's {@code %v} of a float64 ({@code %g} with the shortest precision): the shortest digits that
     * round-trip, in exponent form when the decimal exponent is below -4 or at least 6, so 300 s stays "300"
     * but a 30-day interval (2,592,000 s) is "2.592e+06".
     */
    static String goFloat(double value) {
        if (value == 0) {
            return "0";
        }
        java.math.BigDecimal shortest = new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros();
        int exponent = shortest.precision() - shortest.scale() - 1;
        if (exponent < -4 || exponent >= 6) {
            String digits = shortest.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return (value < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                    + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
        }
        return shortest.toPlainString();
    }
}
