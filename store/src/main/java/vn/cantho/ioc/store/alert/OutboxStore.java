package vn.cantho.ioc.store.alert;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import vn.cantho.ioc.store.StoreException;

/**
 * The webhook dispatcher's side of table {@code notification_outbox}: claim due messages with a lease
 * (so several hub instances never send the same message at the same time, and a message whose sender
 * died is sent again when the lease runs out), then record delivery, the next attempt, or giving up.
 * Messages are never deleted.
 */
public final class OutboxStore {

    private static final String COLUMNS = "id, idempotency_key, receiver, alert_id, kind, payload::text, created_at, "
            + "attempts, next_attempt_at, delivered_at, abandoned_at, last_error";

    private final DataSource dataSource;

    public OutboxStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Claims up to {@code limit} undelivered messages due at {@code now}, oldest first: counts the attempt
     * and moves their next attempt to {@code leaseUntil}, in one statement.
     */
    public List<OutboxMessage> claim(Instant now, Instant leaseUntil, int limit) {
        String sql = "UPDATE notification_outbox SET attempts = attempts + 1, next_attempt_at = ? WHERE id IN ("
                + "SELECT id FROM notification_outbox WHERE delivered_at IS NULL AND abandoned_at IS NULL "
                + "AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING "
                + COLUMNS;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            AlertRows.setInstant(s, 1, leaseUntil);
            AlertRows.setInstant(s, 2, now);
            s.setInt(3, limit);
            List<OutboxMessage> claimed = AlertStore.readAll(s, OutboxStore::message);
            claimed.sort(java.util.Comparator.comparingLong(OutboxMessage::id));
            return claimed;
        } catch (SQLException e) {
            throw StoreException.wrap("claiming webhook messages", e);
        }
    }

    public void delivered(long id, Instant at) {
        update(id, "UPDATE notification_outbox SET delivered_at = ?, last_error = NULL WHERE id = ?", s -> {
            AlertRows.setInstant(s, 1, at);
            s.setLong(2, id);
        });
    }

    /** Records a failed attempt and when to try again. */
    public void retryAt(long id, Instant next, String error) {
        update(id, "UPDATE notification_outbox SET next_attempt_at = ?, last_error = ? WHERE id = ?", s -> {
            AlertRows.setInstant(s, 1, next);
            s.setString(2, error);
            s.setLong(3, id);
        });
    }

    /** Gives a message up (kept, with the reason, for operators to see). */
    public void abandon(long id, Instant at, String error) {
        update(id, "UPDATE notification_outbox SET abandoned_at = ?, last_error = ? WHERE id = ?", s -> {
            AlertRows.setInstant(s, 1, at);
            s.setString(2, error);
            s.setLong(3, id);
        });
    }

    /** Every message of one alert, oldest first. */
    public List<OutboxMessage> forAlert(long alertId) {
        String sql = "SELECT " + COLUMNS + " FROM notification_outbox WHERE alert_id = ? ORDER BY id";
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, alertId);
            return AlertStore.readAll(s, OutboxStore::message);
        } catch (SQLException e) {
            throw StoreException.wrap("reading webhook messages of alert " + alertId, e);
        }
    }

    /** Messages neither delivered nor given up. */
    public long undelivered() {
        String sql = "SELECT count(*) FROM notification_outbox WHERE delivered_at IS NULL AND abandoned_at IS NULL";
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw StoreException.wrap("counting undelivered webhook messages", e);
        }
    }

    private void update(long id, String sql, AlertStore.Binder binder) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            s.executeUpdate();
        } catch (SQLException e) {
            throw StoreException.wrap("updating webhook message " + id, e);
        }
    }

    private static OutboxMessage message(ResultSet r) throws SQLException {
        return new OutboxMessage(
                r.getLong("id"),
                r.getString("idempotency_key"),
                r.getString("receiver"),
                r.getLong("alert_id"),
                r.getString("kind"),
                r.getString("payload"),
                AlertRows.instant(r, "created_at"),
                r.getInt("attempts"),
                AlertRows.instant(r, "next_attempt_at"),
                AlertRows.instant(r, "delivered_at"),
                AlertRows.instant(r, "abandoned_at"),
                r.getString("last_error"));
    }
}
