package vn.cantho.ioc.store.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.alert.ConditionStatus;
import vn.cantho.ioc.model.alert.Severity;
import vn.cantho.ioc.model.json.Json;

/** Maps rows of the alert tables to records and values to their JSON columns. */
final class AlertRows {

    static final String ALERT_COLUMNS = "id, alert_key, rule_id, entity_id, scope, domain, area_code, labels::text, "
            + "severity, condition, episode_open, flapping, episode, occurrences, first_seen_at, last_seen_at, "
            + "opened_at, resolved_at, resolved_by, handling, acked_by, acked_at, assignee, snoozed_until, summary, "
            + "measure, version, last_event_seq, updated_at";
    static final String EVENT_COLUMNS = "id, alert_id, seq, type, actor, at, episode, comment, details::text";
    static final String ACTION_COLUMNS = "id, alert_id, episode, policy_id, step, level, until, receivers::text, "
            + "due_at, state, settled_at, reason";
    static final String SILENCE_COLUMNS =
            "id, matchers::text, created_by, comment, starts_at, ends_at, created_at, " + "expired_at, expired_by";

    private static final TypeReference<TreeMap<String, String>> LABELS = new TypeReference<>() {};
    private static final TypeReference<TreeMap<String, Object>> DETAILS = new TypeReference<>() {};
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<Map<String, String>>> MATCHERS = new TypeReference<>() {};

    private AlertRows() {}

    static Alert alert(ResultSet r) throws SQLException {
        String severity = r.getString("severity");
        double measure = r.getDouble("measure");
        Double measureOrNull = r.wasNull() ? null : measure;
        return new Alert(
                r.getLong("id"),
                r.getString("alert_key"),
                r.getString("rule_id"),
                r.getString("entity_id"),
                Scope.of(r.getString("scope")),
                r.getString("domain"),
                r.getString("area_code"),
                read(r.getString("labels"), LABELS),
                severity == null ? null : Severity.valueOf(severity),
                ConditionStatus.valueOf(r.getString("condition")),
                r.getBoolean("episode_open"),
                r.getBoolean("flapping"),
                r.getInt("episode"),
                r.getLong("occurrences"),
                instant(r, "first_seen_at"),
                instant(r, "last_seen_at"),
                instant(r, "opened_at"),
                instant(r, "resolved_at"),
                r.getString("resolved_by"),
                Handling.valueOf(r.getString("handling")),
                r.getString("acked_by"),
                instant(r, "acked_at"),
                r.getString("assignee"),
                instant(r, "snoozed_until"),
                r.getString("summary"),
                measureOrNull,
                r.getLong("version"),
                r.getInt("last_event_seq"),
                instant(r, "updated_at"),
                List.of(),
                List.of());
    }

    static AlertEvent event(ResultSet r) throws SQLException {
        return new AlertEvent(
                r.getLong("id"),
                r.getLong("alert_id"),
                r.getInt("seq"),
                AuditType.valueOf(r.getString("type")),
                r.getString("actor"),
                instant(r, "at"),
                r.getInt("episode"),
                r.getString("comment"),
                read(r.getString("details"), DETAILS));
    }

    static EscalationAction action(ResultSet r) throws SQLException {
        return new EscalationAction(
                r.getLong("id"),
                r.getLong("alert_id"),
                r.getInt("episode"),
                r.getString("policy_id"),
                r.getInt("step"),
                r.getInt("level"),
                EscalationAction.Until.valueOf(r.getString("until")),
                read(r.getString("receivers"), STRINGS),
                instant(r, "due_at"),
                EscalationAction.State.valueOf(r.getString("state")),
                instant(r, "settled_at"),
                r.getString("reason"));
    }

    static Silence silence(ResultSet r) throws SQLException {
        List<LabelMatcher> matchers = read(r.getString("matchers"), MATCHERS).stream()
                .map(m -> new LabelMatcher(m.get("label"), LabelMatcher.Op.valueOf(m.get("op")), m.get("value")))
                .toList();
        return new Silence(
                r.getLong("id"),
                matchers,
                r.getString("created_by"),
                r.getString("comment"),
                instant(r, "starts_at"),
                instant(r, "ends_at"),
                instant(r, "created_at"),
                instant(r, "expired_at"),
                r.getString("expired_by"));
    }

    static String matchersJson(List<LabelMatcher> matchers) {
        return json(matchers.stream()
                .map(m -> Map.of("label", m.label(), "op", m.op().name(), "value", m.value()))
                .toList());
    }

    static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** Binds an instant as {@code timestamptz} (or NULL), independent of the JVM's time zone. */
    static void setInstant(java.sql.PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(
                index,
                instant == null ? null : instant.atOffset(java.time.ZoneOffset.UTC),
                java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
    }

    static Instant instant(ResultSet r, String column) throws SQLException {
        java.time.OffsetDateTime ts = r.getObject(column, java.time.OffsetDateTime.class);
        return ts == null ? null : ts.toInstant();
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON column: " + e.getMessage(), e);
        }
    }
}
