package vn.cantho.ioc.api.http;

import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
