package vn.cantho.ioc.api.http;

import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request's query parameters as the handlers read them: the first value of each name, with an
 * empty or blank value treated as absent (so {@code ?area=} is the same as no {@code area}).
 */
public final class QueryParams {

    /** Instants outside years 1..9999 overflow PostgreSQL's timestamps (or its JDBC driver's formatting). */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    private static final Instant END = Instant.parse("+10000-01-01T00:00:00Z");

    private final Map<String, List<String>> values;

    public QueryParams(Map<String, List<String>> values) {
        this.values = Map.copyOf(values);
    }

    /**
     * The request's parameters. Parsed here rather than by Javalin, which silently drops a parameter
     * with broken percent-encoding: a filter that vanished would return unfiltered data.
     *
     * @throws ApiException BAD_PARAMETER when the query string is not valid URL encoding
     */
    public static QueryParams of(Context ctx) {
        return parse(ctx.queryString());
    }

    static QueryParams parse(String queryString) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (queryString == null || queryString.isEmpty()) {
            return new QueryParams(values);
        }
        for (String pair : queryString.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (name.indexOf('\0') >= 0 || value.indexOf('\0') >= 0) {
                // PostgreSQL cannot take a NUL in any text, so it must never get that far.
                throw ApiException.badParameter(name.replace('\0', '?'), "contains a NUL character (%00)");
            }
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return new QueryParams(values);
    }

    public Optional<String> get(String name) {
        List<String> list = values.get(name);
        if (list == null || list.isEmpty() || list.get(0).isBlank()) {
            return Optional.empty();
        }
        return Optional.of(list.get(0).trim());
    }

    /**
     * Parameter {@code name} as an ISO-8601 instant ({@code Z} or an offset such as {@code +07:00}).
     *
     * @throws ApiException BAD_PARAMETER naming the parameter when it is not one
     */
    public Optional<Instant> instant(String name) {
        return get(name).map(text -> {
            // An offset's '+' sent unencoded in a URL arrives as a space; an instant never contains one.
            String candidate = text.replace(' ', '+');
            Instant instant;
            try {
                instant = Instant.parse(candidate);
            } catch (DateTimeParseException e) {
                throw ApiException.badParameter(
                        name,
                        "'" + text
                                + "' is not an ISO-8601 instant such as 2026-11-23T03:00:00Z or 2026-11-23T10:00:00+07:00");
            }
            return storable(name, instant);
        });
    }

    /**
     * {@code instant} when the database can store and compare it (years 1 to 9999).
     *
     * @throws ApiException BAD_PARAMETER naming the parameter otherwise
     */
    public static Instant storable(String name, Instant instant) {
        if (instant.isBefore(EARLIEST) || !instant.isBefore(END)) {
            throw ApiException.badParameter(name, instant + " is outside the years 0001 to 9999 the hub stores");
        }
        return instant;
    }

    /**
     * Parameter {@code limit}: a page size from 1 to {@code max}.
     *
     * @throws ApiException BAD_PARAMETER when it is not a whole number in that range
     */
    public Optional<Integer> limit(int max) {
        return get("limit").map(text -> {
            int limit;
            try {
                limit = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw ApiException.badParameter(
                        "limit", "must be a whole number from 1 to " + max + ", got '" + text + "'");
            }
            if (limit < 1 || limit > max) {
                throw ApiException.badParameter("limit", "must be from 1 to " + max + ", got " + limit);
            }
            return limit;
        });
    }

    /** Every non-blank value of a repeated parameter, in request order. */
    public List<String> all(String name) {
        List<String> list = values.getOrDefault(name, List.of());
        return list.stream().filter(v -> !v.isBlank()).map(String::trim).toList();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("query string", "is not valid URL encoding near '" + text + "'");
        }
    }
}
