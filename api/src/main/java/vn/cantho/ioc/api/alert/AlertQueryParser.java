package vn.cantho.ioc.api.alert;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import vn.cantho.ioc.api.http.ApiException;
import vn.cantho.ioc.api.http.QueryParams;
import vn.cantho.ioc.model.alert.ConditionStatus;
import vn.cantho.ioc.model.alert.Severity;
import vn.cantho.ioc.store.alert.AlertQuery;
import vn.cantho.ioc.store.alert.Handling;
import vn.cantho.ioc.store.alert.LabelMatcher;

/**
 * Reads the filters of {@code GET /api/v1/alerts} and of the live stream into an {@link AlertQuery}.
 * Multi-valued filters take a comma-separated list ({@code condition=FIRING,PENDING}); enum values are
 * case-insensitive; {@code match} repeats, one label matcher each ({@code match=area=ninh-kieu},
 * {@code match=station=~"aq-.*"}). Every problem is a 400 naming the parameter.
 */
public final class AlertQueryParser {

    /** Most label matchers in one query: each is evaluated per alert by the database. */
    static final int MAX_MATCHERS = 20;

    /** The filters (and paging) of one request. */
    public AlertQuery parse(QueryParams params) {
        Set<ConditionStatus> conditions = enums(params, "condition", ConditionStatus::valueOf);
        Set<Handling> handling = enums(params, "handling", Handling::valueOf);
        Set<Severity> severities = enums(params, "severity", Severity::valueOf);
        Set<String> domains = ids(params, "domain");
        Set<String> areas = ids(params, "area");
        Set<String> rules = ids(params, "rule");
        String assignee = params.get("assignee").orElse(null);
        Instant from = instant(params, "from").orElse(null);
        Instant to = instant(params, "to").orElse(null);
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiException.badParameter("from", "must be before to");
        }
        List<String> matcherTexts = params.all("match");
        if (matcherTexts.size() > MAX_MATCHERS) {
            throw ApiException.badParameter("match", "at most " + MAX_MATCHERS + " label matchers");
        }
        List<LabelMatcher> matchers = new ArrayList<>();
        for (String text : matcherTexts) {
            try {
                matchers.add(LabelMatcher.parse(text));
            } catch (IllegalArgumentException e) {
                throw ApiException.badParameter("match", e.getMessage());
            }
        }
        int limit = limit(params);
        String cursor = params.get("cursor").orElse(null);
        return new AlertQuery(
                conditions, handling, severities, domains, areas, rules, assignee, from, to, matchers, cursor, limit);
    }

    private static int limit(QueryParams params) {
        Optional<String> text = params.get("limit");
        if (text.isEmpty()) {
            return AlertQuery.DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.get());
            if (limit < 1 || limit > AlertQuery.MAX_LIMIT) {
                throw ApiException.badParameter(
                        "limit", "must be from 1 to " + AlertQuery.MAX_LIMIT + ", got " + limit);
            }
            return limit;
        } catch (NumberFormatException e) {
            throw ApiException.badParameter("limit", "'" + text.get() + "' is not a whole number");
        }
    }

    private static <E extends Enum<E>> Set<E> enums(QueryParams params, String name, Function<String, E> parse) {
        Set<E> values = new LinkedHashSet<>();
        for (String text : list(params, name)) {
            try {
                values.add(parse.apply(text.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw ApiException.badParameter(name, "unknown value '" + text + "'");
            }
        }
        return values;
    }

    private static Set<String> ids(QueryParams params, String name) {
        Set<String> values = new LinkedHashSet<>();
        for (String text : list(params, name)) {
            if (text.length() > 200) {
                throw ApiException.badParameter(name, "value longer than 200 characters");
            }
            values.add(text);
        }
        return values;
    }

    private static List<String> list(QueryParams params, String name) {
        return params.get(name).map(v -> List.of(v.split(","))).orElse(List.of()).stream()
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .toList();
    }

    private static Optional<Instant> instant(QueryParams params, String name) {
        return params.get(name).map(text -> {
            try {
                // A '+' of an offset that arrived unencoded has become a space.
                return QueryParams.storable(
                        name, OffsetDateTime.parse(text.replace(' ', '+')).toInstant());
            } catch (DateTimeParseException e) {
                throw ApiException.badParameter(
                        name, "'" + text + "' is not an ISO-8601 instant such as 2026-11-23T10:00:00Z");
            }
        });
    }
}
