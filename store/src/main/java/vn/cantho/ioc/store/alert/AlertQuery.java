package vn.cantho.ioc.store.alert;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import vn.cantho.ioc.model.alert.ConditionStatus;
import vn.cantho.ioc.model.alert.Severity;

/**
 * Filters and paging of an alert list. Every filter is optional (empty set / null = no filter); within
 * a set any value matches, across filters all must. Alerts come newest first by last-seen time.
 *
 * @param conditions condition states
 * @param handling   handling states
 * @param severities severities
 * @param domains    domain ids
 * @param areas      area codes
 * @param rules      rule ids
 * @param assignee   the assignee (exact)
 * @param from       last seen at or after (inclusive)
 * @param to         last seen before (exclusive)
 * @param matchers   label matchers, all must match (see {@link LabelMatcher}); regular expressions are
 *                   evaluated by PostgreSQL here
 * @param cursor     {@link AlertPage#nextCursor()} of the previous page; null for the first
 * @param limit      page size, 1 to {@link #MAX_LIMIT}
 */
public record AlertQuery(
        Set<ConditionStatus> conditions,
        Set<Handling> handling,
        Set<Severity> severities,
        Set<String> domains,
        Set<String> areas,
        Set<String> rules,
        String assignee,
        Instant from,
        Instant to,
        List<LabelMatcher> matchers,
        String cursor,
        int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public AlertQuery {
        conditions = conditions == null ? Set.of() : Set.copyOf(conditions);
        handling = handling == null ? Set.of() : Set.copyOf(handling);
        severities = severities == null ? Set.of() : Set.copyOf(severities);
        domains = domains == null ? Set.of() : Set.copyOf(domains);
        areas = areas == null ? Set.of() : Set.copyOf(areas);
        rules = rules == null ? Set.of() : Set.copyOf(rules);
        matchers = matchers == null ? List.of() : List.copyOf(matchers);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT + ", got " + limit);
        }
    }

    /** No filter, first page of {@link #DEFAULT_LIMIT}. */
    public static AlertQuery all() {
        return new AlertQuery(null, null, null, null, null, null, null, null, null, null, null, DEFAULT_LIMIT);
    }

    public AlertQuery withCursor(String next) {
        return new AlertQuery(
                conditions, handling, severities, domains, areas, rules, assignee, from, to, matchers, next, limit);
    }

    public AlertQuery withLimit(int newLimit) {
        return new AlertQuery(
                conditions,
                handling,
                severities,
                domains,
                areas,
                rules,
                assignee,
                from,
                to,
                matchers,
                cursor,
                newLimit);
    }
}
