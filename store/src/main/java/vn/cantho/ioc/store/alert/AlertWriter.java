package vn.cantho.ioc.store.alert;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import vn.cantho.ioc.model.Scope;

/**
 * The statements of one alert-store transaction (see {@link AlertStore#write}). Every multi-row write
 * is one batched statement; nothing here commits.
 */
public final class AlertWriter {

    /** A row to create for a dedup key seen for the first time; the caller then updates it. */
    public record NewAlert(
            String alertKey,
            String ruleId,
            String entityId,
            Scope scope,
            String domain,
            String areaCode,
            SortedMap<String, String> labels,
            Instant firstSeenAt) {}

    /** An audit entry to append; {@code eventId} only for condition events. */
    public record NewEvent(
            long alertId,
            int seq,
            AuditType type,
            String actor,
            Instant at,
            int episode,
            String comment,
            Map<String, ?> details,
            String eventId) {}

    /** An escalation step to schedule (ignored if the same step is already pending). */
    public record NewEscalation(
            long alertId,
            int episode,
            String policyId,
            int step,
            int level,
            EscalationAction.Until until,
            List<String> receivers,
            Instant dueAt) {}

    /** A webhook message for the outbox (ignored if its idempotency key is already there). */
    public record NewNotification(String idempotencyKey, String receiver, long alertId, String kind, String payload) {}

    private final Connection connection;

    AlertWriter(Connection connection) {
        this.connection = connection;
    }

    /** Which of these condition-event ids the audit trail already holds. */
    public Set<String> seenEventIds(Collection<String> eventIds) throws SQLException {
        Set<String> seen = new HashSet<>();
        if (eventIds.isEmpty()) {
            return seen;
        }
        try (PreparedStatement s =
                connection.prepareStatement("SELECT event_id FROM alert_events WHERE event_id = ANY (?)")) {
            s.setArray(1, connection.createArrayOf("text", eventIds.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    seen.add(r.getString(1));
                }
            }
        }
        return seen;
    }

    /** Creates rows for the keys that have none yet (condition OK, episode 0, seen at first sight). */
    public void insertMissing(Collection<NewAlert> alerts) throws SQLException {
        if (alerts.isEmpty()) {
            return;
        }
        String sql = """
                INSERT INTO alerts (alert_key, rule_id, entity_id, scope, domain, area_code, labels, condition,
                                    first_seen_at, last_seen_at)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, 'OK', ?, ?) ON CONFLICT (alert_key) DO NOTHING
                """;
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (NewAlert a : alerts) {
                s.setString(1, a.alertKey());
                s.setString(2, a.ruleId());
                s.setString(3, a.entityId());
                s.setString(4, a.scope().id());
                s.setString(5, a.domain());
                s.setString(6, a.areaCode());
                s.setString(7, AlertRows.json(a.labels()));
                AlertRows.setInstant(s, 8, a.firstSeenAt());
                AlertRows.setInstant(s, 9, a.firstSeenAt());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** The alerts with these keys, in the order asked; keys without a row are absent. */
    public Map<String, Alert> byKeys(Collection<String> keys) throws SQLException {
        Map<String, Alert> found = new LinkedHashMap<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT " + AlertRows.ALERT_COLUMNS + " FROM alerts WHERE alert_key = ANY (?)")) {
            s.setArray(1, connection.createArrayOf("text", keys.toArray()));
            for (Alert a : AlertStore.readAll(s, AlertRows::alert)) {
                found.put(a.alertKey(), a);
            }
        }
        Map<String, Alert> ordered = new LinkedHashMap<>();
        for (String key : keys) {
            if (found.containsKey(key)) {
                ordered.put(key, found.get(key));
            }
        }
        return ordered;
    }

    public Optional<Alert> byId(long id) throws SQLException {
        try (PreparedStatement s =
                connection.prepareStatement("SELECT " + AlertRows.ALERT_COLUMNS + " FROM alerts WHERE id = ?")) {
            s.setLong(1, id);
            return AlertStore.readAll(s, AlertRows::alert).stream().findFirst();
        }
    }

    /** {@link AlertStore#active(List)}, as seen inside this transaction. */
    public List<Alert> active(List<List<LabelMatcher>> sources) throws SQLException {
        if (sources.isEmpty()) {
            return List.of();
        }
        AlertListSql sql = AlertListSql.active(sources);
        try (PreparedStatement s = connection.prepareStatement(sql.text())) {
            sql.bind(s);
            return AlertStore.readAll(s, AlertRows::alert);
        }
    }

    /** Silences in force at {@code now}. */
    public List<Silence> activeSilences(Instant now) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT " + AlertRows.SILENCE_COLUMNS
                + " FROM silences WHERE expired_at IS NULL AND starts_at <= ? AND ends_at > ?")) {
            AlertRows.setInstant(s, 1, now);
            AlertRows.setInstant(s, 2, now);
            return AlertStore.readAll(s, AlertRows::silence);
        }
    }

    /** Writes every changeable column of these alerts (keyed by id), as given, with {@code updated_at = now()}. */
    public void update(Collection<Alert> alerts) throws SQLException {
        if (alerts.isEmpty()) {
            return;
        }
        String sql = """
                UPDATE alerts SET severity = ?, condition = ?, episode_open = ?, flapping = ?, episode = ?,
                    occurrences = ?, last_seen_at = ?, opened_at = ?, resolved_at = ?, resolved_by = ?, handling = ?,
                    acked_by = ?, acked_at = ?, assignee = ?, snoozed_until = ?, summary = ?, measure = ?,
                    version = ?, last_event_seq = ?, labels = ?::jsonb, area_code = ?, updated_at = now()
                WHERE id = ?
                """;
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (Alert a : alerts) {
                s.setString(1, a.severity() == null ? null : a.severity().name());
                s.setString(2, a.condition().name());
                s.setBoolean(3, a.episodeOpen());
                s.setBoolean(4, a.flapping());
                s.setInt(5, a.episode());
                s.setLong(6, a.occurrences());
                AlertRows.setInstant(s, 7, a.lastSeenAt());
                AlertRows.setInstant(s, 8, a.openedAt());
                AlertRows.setInstant(s, 9, a.resolvedAt());
                s.setString(10, a.resolvedBy());
                s.setString(11, a.handling().name());
                s.setString(12, a.ackedBy());
                AlertRows.setInstant(s, 13, a.ackedAt());
                s.setString(14, a.assignee());
                AlertRows.setInstant(s, 15, a.snoozedUntil());
                s.setString(16, a.summary());
                s.setObject(17, a.measure(), java.sql.Types.DOUBLE);
                s.setLong(18, a.version());
                s.setInt(19, a.lastEventSeq());
                s.setString(20, AlertRows.json(a.labels()));
                s.setString(21, a.areaCode());
                s.setLong(22, a.id());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Appends audit entries. */
    public void append(Collection<NewEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        String sql = """
                INSERT INTO alert_events (alert_id, seq, type, actor, at, episode, comment, details, event_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                """;
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (NewEvent e : events) {
                s.setLong(1, e.alertId());
                s.setInt(2, e.seq());
                s.setString(3, e.type().name());
                s.setString(4, e.actor());
                AlertRows.setInstant(s, 5, e.at());
                s.setInt(6, e.episode());
                s.setString(7, e.comment());
                s.setString(8, AlertRows.json(e.details() == null ? Map.of() : e.details()));
                s.setString(9, e.eventId());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Schedules escalation steps; a step already pending for the same alert, episode and policy step is kept. */
    public void schedule(Collection<NewEscalation> steps) throws SQLException {
        if (steps.isEmpty()) {
            return;
        }
        String sql = """
                INSERT INTO escalation_actions (alert_id, episode, policy_id, step, level, until, receivers, due_at)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                ON CONFLICT (alert_id, episode, policy_id, step) WHERE state = 'PENDING' DO NOTHING
                """;
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (NewEscalation e : steps) {
                s.setLong(1, e.alertId());
                s.setInt(2, e.episode());
                s.setString(3, e.policyId());
                s.setInt(4, e.step());
                s.setInt(5, e.level());
                s.setString(6, e.until().name());
                s.setString(7, AlertRows.json(e.receivers()));
                AlertRows.setInstant(s, 8, e.dueAt());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Cancels the pending steps of these alerts whose {@code until} is one of {@code untils}; returns them. */
    public List<EscalationAction> cancel(
            Collection<Long> alertIds, Set<EscalationAction.Until> untils, String reason, Instant at)
            throws SQLException {
        if (alertIds.isEmpty()) {
            return List.of();
        }
        String sql = "UPDATE escalation_actions SET state = 'CANCELLED', settled_at = ?, reason = ? "
                + "WHERE alert_id = ANY (?) AND state = 'PENDING' AND until = ANY (?) RETURNING "
                + AlertRows.ACTION_COLUMNS;
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            AlertRows.setInstant(s, 1, at);
            s.setString(2, reason);
            s.setArray(3, connection.createArrayOf("bigint", alertIds.toArray()));
            s.setArray(
                    4,
                    connection.createArrayOf(
                            "text", untils.stream().map(Enum::name).toArray()));
            return AlertStore.readAll(s, AlertRows::action);
        }
    }

    /** Pending steps due at {@code now}, locked for this transaction (others skip them), soonest first. */
    public List<EscalationAction> claimDue(Instant now, int limit) throws SQLException {
        String sql = "SELECT " + AlertRows.ACTION_COLUMNS + " FROM escalation_actions "
                + "WHERE state = 'PENDING' AND due_at <= ? ORDER BY due_at, id LIMIT ? FOR UPDATE SKIP LOCKED";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            AlertRows.setInstant(s, 1, now);
            s.setInt(2, limit);
            return AlertStore.readAll(s, AlertRows::action);
        }
    }

    /** Settles steps (fired or cancelled), each with its own reason (what firing did, or why it was cancelled). */
    public void settle(Map<Long, String> reasons, EscalationAction.State state, Instant at) throws SQLException {
        if (reasons.isEmpty()) {
            return;
        }
        try (PreparedStatement s = connection.prepareStatement(
                "UPDATE escalation_actions SET state = ?, settled_at = ?, reason = ? WHERE id = ? AND state = 'PENDING'")) {
            for (Map.Entry<Long, String> e : reasons.entrySet()) {
                s.setString(1, state.name());
                AlertRows.setInstant(s, 2, at);
                s.setString(3, e.getValue());
                s.setLong(4, e.getKey());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** The alerts with these ids. */
    public Map<Long, Alert> byIds(Collection<Long> ids) throws SQLException {
        Map<Long, Alert> found = new LinkedHashMap<>();
        try (PreparedStatement s =
                connection.prepareStatement("SELECT " + AlertRows.ALERT_COLUMNS + " FROM alerts WHERE id = ANY (?)")) {
            s.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            for (Alert a : AlertStore.readAll(s, AlertRows::alert)) {
                found.put(a.id(), a);
            }
        }
        return found;
    }

    /** Queues webhook messages; a message whose idempotency key is already queued is skipped. */
    public void enqueue(Collection<NewNotification> messages) throws SQLException {
        if (messages.isEmpty()) {
            return;
        }
        String sql = """
                INSERT INTO notification_outbox (idempotency_key, receiver, alert_id, kind, payload)
                VALUES (?, ?, ?, ?, ?::jsonb) ON CONFLICT (idempotency_key) DO NOTHING
                """;
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (NewNotification n : messages) {
                s.setString(1, n.idempotencyKey());
                s.setString(2, n.receiver());
                s.setLong(3, n.alertId());
                s.setString(4, n.kind());
                s.setString(5, n.payload());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Creates a silence and returns it. */
    public Silence insertSilence(
            List<LabelMatcher> matchers, String createdBy, String comment, Instant startsAt, Instant endsAt)
            throws SQLException {
        String sql = "INSERT INTO silences (matchers, created_by, comment, starts_at, ends_at) "
                + "VALUES (?::jsonb, ?, ?, ?, ?) RETURNING " + AlertRows.SILENCE_COLUMNS;
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, AlertRows.matchersJson(matchers));
            s.setString(2, createdBy);
            s.setString(3, comment);
            AlertRows.setInstant(s, 4, startsAt);
            AlertRows.setInstant(s, 5, endsAt);
            return AlertStore.readAll(s, AlertRows::silence).get(0);
        }
    }

    /** Expires a silence that is not expired yet; empty when it does not exist or was already expired. */
    public Optional<Silence> expireSilence(long id, String actor, Instant at) throws SQLException {
        String sql = "UPDATE silences SET expired_at = ?, expired_by = ? WHERE id = ? AND expired_at IS NULL "
                + "RETURNING " + AlertRows.SILENCE_COLUMNS;
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            AlertRows.setInstant(s, 1, at);
            s.setString(2, actor);
            s.setLong(3, id);
            return AlertStore.readAll(s, AlertRows::silence).stream().findFirst();
        }
    }
}
