package vn.cantho.ioc.store.alert;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The SQL of one {@link AlertQuery}: every filter is a bound parameter (never spliced text), label
 * matchers compare {@code labels ->> name} or the alert column a field name stands for.
 */
record AlertListSql(String text, List<Object> params) {

    private static final Map<String, String> FIELD_COLUMNS = Map.of(
            "rule",
            "rule_id",
            "entity",
            "entity_id",
            "domain",
            "domain",
            "area",
            "coalesce(area_code, '')",
            "scope",
            "scope",
            "severity",
            "coalesce(severity, '')");

    static AlertListSql of(AlertQuery q) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        anyOf(
                where,
                params,
                "condition",
                q.conditions().stream().map(Enum::name).toList());
        anyOf(where, params, "handling", q.handling().stream().map(Enum::name).toList());
        anyOf(where, params, "severity", q.severities().stream().map(Enum::name).toList());
        anyOf(where, params, "domain", q.domains());
        anyOf(where, params, "area_code", q.areas());
        anyOf(where, params, "rule_id", q.rules());
        if (q.assignee() != null) {
            where.add("assignee = ?");
            params.add(q.assignee());
        }
        if (q.from() != null) {
            where.add("last_seen_at >= ?");
            params.add(q.from());
        }
        if (q.to() != null) {
            where.add("last_seen_at < ?");
            params.add(q.to());
        }
        for (LabelMatcher m : q.matchers()) {
            where.add(clause(m, params));
        }
        if (q.cursor() != null) {
            AlertCursor cursor = AlertCursor.decode(q.cursor());
            where.add("(last_seen_at, id) < (?, ?)");
            params.add(cursor.lastSeenAt());
            params.add(cursor.id());
        }
        String sql = "SELECT " + AlertRows.ALERT_COLUMNS + " FROM alerts"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY last_seen_at DESC, id DESC LIMIT " + (q.limit() + 1);
        return new AlertListSql(sql, params);
    }

    /**
     * Alerts that may inhibit others (open episode or no data) and match at least one of the matcher
     * sets; an empty list of sets matches nothing, so nothing is read.
     */
    static AlertListSql active(List<List<LabelMatcher>> anyOf) {
        List<Object> params = new ArrayList<>();
        List<String> sets = new ArrayList<>();
        for (List<LabelMatcher> set : anyOf) {
            List<String> all = new ArrayList<>();
            for (LabelMatcher m : set) {
                all.add(clause(m, params));
            }
            sets.add(all.isEmpty() ? "true" : "(" + String.join(" AND ", all) + ")");
        }
        String sql = "SELECT " + AlertRows.ALERT_COLUMNS + " FROM alerts WHERE (episode_open OR condition = 'NO_DATA') "
                + "AND (" + (sets.isEmpty() ? "false" : String.join(" OR ", sets)) + ")";
        return new AlertListSql(sql, params);
    }

    /** One matcher as SQL on the label (or the alert column a field name stands for); adds its parameters. */
    private static String clause(LabelMatcher m, List<Object> params) {
        String column = FIELD_COLUMNS.get(m.label());
        if (column == null) {
            column = "coalesce(labels ->> ?, '')";
            params.add(m.label());
        }
        params.add(m.value());
        return switch (m.op()) {
            case EQ -> column + " = ?";
            case NE -> column + " <> ?";
            case RE -> column + " ~ ('^(?:' || ? || ')$')";
            case NRE -> column + " !~ ('^(?:' || ? || ')$')";
        };
    }

    void bind(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof java.time.Instant instant) {
                AlertRows.setInstant(statement, i + 1, instant);
            } else if (p instanceof String[] array) {
                statement.setArray(i + 1, statement.getConnection().createArrayOf("text", array));
            } else {
                statement.setObject(i + 1, p);
            }
        }
    }

    private static void anyOf(List<String> where, List<Object> params, String column, Collection<String> values) {
        if (!values.isEmpty()) {
            where.add(column + " = ANY (?)");
            params.add(values.toArray(new String[0]));
        }
    }
}
