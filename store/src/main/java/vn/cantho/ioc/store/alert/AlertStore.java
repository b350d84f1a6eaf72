package vn.cantho.ioc.store.alert;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import vn.cantho.ioc.store.StoreException;

/**
 * SQL access to the alert tables. Reads run on their own connection; every write runs in
 * {@link #write(Work)}: one transaction that first takes the alert store's advisory lock, so writers
 * (condition consumer, operator commands, escalation scheduler, on any number of hub instances) apply
 * their changes one after another and audit ids become visible in increasing order. Alert traffic is
 * small (changes, not readings), so one lock costs nothing measurable and rules out lost updates and
 * deadlocks.
 */
public final class AlertStore {

    /** Key of the transaction-level advisory lock every alert-store writer holds. */
    static final long WRITE_LOCK = 0x10C_A1E47L;

    private final DataSource dataSource;

    public AlertStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Work inside one alert-store transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(AlertWriter writer) throws SQLException;
    }

    /** Runs {@code work} in one transaction holding the write lock; commits if it returns, rolls back if it throws. */
    public <T> T write(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, WRITE_LOCK);
                    lock.execute();
                }
                T result = work.run(new AlertWriter(connection));
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(connection);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw StoreException.wrap("writing alerts", e);
        }
    }

    public Optional<Alert> find(long id) {
        String sql = "SELECT " + AlertRows.ALERT_COLUMNS + " FROM alerts WHERE id = ?";
        return query("reading alert " + id, sql, s -> s.setLong(1, id), AlertRows::alert).stream()
                .findFirst();
    }

    public Optional<Alert> findByKey(String alertKey) {
        String sql = "SELECT " + AlertRows.ALERT_COLUMNS + " FROM alerts WHERE alert_key = ?";
        return query("reading alert " + alertKey, sql, s -> s.setString(1, alertKey), AlertRows::alert).stream()
                .findFirst();
    }

    /** One page of alerts matching the query, newest last-seen first. */
    public AlertPage list(AlertQuery query) {
        AlertListSql sql = AlertListSql.of(query);
        List<Alert> rows = query("listing alerts", sql.text(), sql::bind, AlertRows::alert);
        if (rows.size() <= query.limit()) {
            return new AlertPage(rows, null);
        }
        List<Alert> page = rows.subList(0, query.limit());
        Alert last = page.get(page.size() - 1);
        return new AlertPage(page, new AlertCursor(last.lastSeenAt(), last.id()).encode());
    }

    /**
     * Alerts that may inhibit others (open episode, or no data) and match at least one of the matcher
     * sets (the inhibition rules' sources). PostgreSQL pre-selects them; callers match again in Java.
     */
    public List<Alert> active(List<List<LabelMatcher>> sources) {
        AlertListSql sql = AlertListSql.active(sources);
        return sources.isEmpty() ? List.of() : query("reading active alerts", sql.text(), sql::bind, AlertRows::alert);
    }

    /** The audit trail of one alert, oldest first. */
    public List<AlertEvent> events(long alertId) {
        String sql = "SELECT " + AlertRows.EVENT_COLUMNS + " FROM alert_events WHERE alert_id = ? ORDER BY seq";
        return query("reading the audit trail of alert " + alertId, sql, s -> s.setLong(1, alertId), AlertRows::event);
    }

    /**
     * Audit entries of all alerts with an id above {@code afterId}, oldest first: a change feed that
     * misses nothing when resumed from the last id seen (ids become visible in order).
     */
    public List<AlertEvent> eventsAfter(long afterId, int limit) {
        String sql = "SELECT " + AlertRows.EVENT_COLUMNS + " FROM alert_events WHERE id > ? ORDER BY id LIMIT ?";
        return query(
                "reading audit entries after " + afterId,
                sql,
                s -> {
                    s.setLong(1, afterId);
                    s.setInt(2, limit);
                },
                AlertRows::event);
    }

    /** The newest audit id, 0 when there is none: where a change feed starts after a snapshot. */
    public long lastEventId() {
        return query(
                        "reading the newest audit id",
                        "SELECT coalesce(max(id), 0) FROM alert_events",
                        s -> {},
                        r -> r.getLong(1))
                .get(0);
    }

    /** Escalation steps still waiting for the given alerts, soonest first. */
    public List<EscalationAction> pendingActions(Collection<Long> alertIds) {
        if (alertIds.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT " + AlertRows.ACTION_COLUMNS + " FROM escalation_actions "
                + "WHERE state = 'PENDING' AND alert_id = ANY (?) ORDER BY due_at, id";
        return query(
                "reading pending escalations",
                sql,
                s -> s.setArray(1, s.getConnection().createArrayOf("bigint", alertIds.toArray())),
                AlertRows::action);
    }

    /** Every escalation step of one alert, all states, in creation order. */
    public List<EscalationAction> actions(long alertId) {
        String sql = "SELECT " + AlertRows.ACTION_COLUMNS + " FROM escalation_actions WHERE alert_id = ? ORDER BY id";
        return query("reading escalations of alert " + alertId, sql, s -> s.setLong(1, alertId), AlertRows::action);
    }

    /** Silences, newest first; expired and ended ones only when asked for. */
    public List<Silence> silences(boolean includeInactive) {
        String sql = "SELECT " + AlertRows.SILENCE_COLUMNS + " FROM silences"
                + (includeInactive ? "" : " WHERE expired_at IS NULL AND ends_at > now()") + " ORDER BY id DESC";
        return query("reading silences", sql, s -> {}, AlertRows::silence);
    }

    public Optional<Silence> silence(long id) {
        String sql = "SELECT " + AlertRows.SILENCE_COLUMNS + " FROM silences WHERE id = ?";
        return query("reading silence " + id, sql, s -> s.setLong(1, id), AlertRows::silence).stream()
                .findFirst();
    }

    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private <T> List<T> query(String what, String sql, Binder binder, RowReader<T> reader) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            return readAll(statement, reader);
        } catch (SQLException e) {
            throw StoreException.wrap(what, e);
        }
    }

    static <T> List<T> readAll(PreparedStatement statement, RowReader<T> reader) throws SQLException {
        List<T> out = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                out.add(reader.read(rows));
            }
        }
        return out;
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The original failure is the one worth reporting; a broken connection is discarded by the pool.
        }
    }
}
