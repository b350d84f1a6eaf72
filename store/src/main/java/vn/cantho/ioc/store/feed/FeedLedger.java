package vn.cantho.ioc.store.feed;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import vn.cantho.ioc.store.StoreException;

/**
 * The feed API's memory: which records each feed has already forwarded (with a hash of their content,
 * table {@code feed_record_seen}) and the responses of pushes sent with an {@code Idempotency-Key}
 * (table {@code feed_idempotency_key}). Thread-safe; every method is one short transaction.
 */
public final class FeedLedger {

    private final DataSource dataSource;

    public FeedLedger(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The stored content hash of each of {@code keys} the feed has forwarded before; unknown keys are absent. */
    public Map<String, byte[]> seenHashes(String feedId, Collection<String> keys) {
        Map<String, byte[]> seen = new HashMap<>();
        if (keys.isEmpty()) {
            return seen;
        }
        String sql = "SELECT record_key, content_hash FROM feed_record_seen WHERE feed_id = ? AND record_key = ANY (?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            Array array = connection.createArrayOf("text", keys.toArray(new String[0]));
            statement.setString(1, feedId);
            statement.setArray(2, array);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    seen.put(rows.getString(1), rows.getBytes(2));
                }
            }
            array.free();
            return seen;
        } catch (SQLException e) {
            throw StoreException.wrap("reading seen records of feed " + feedId, e);
        }
    }

    /**
     * Records that the feed forwarded these records with these content hashes (insert, or replace the
     * hash of a corrected record). One statement; keys are written in sorted order so concurrent pushes
     * lock rows in the same order and cannot deadlock.
     */
    public void markSeen(String feedId, Map<String, byte[]> hashes) {
        if (hashes.isEmpty()) {
            return;
        }
        TreeMap<String, byte[]> sorted = new TreeMap<>(hashes);
        String sql = """
                INSERT INTO feed_record_seen (feed_id, record_key, content_hash)
                SELECT ?, k, decode(h, 'hex') FROM unnest(?::text[], ?::text[]) AS t(k, h)
                ON CONFLICT (feed_id, record_key) DO UPDATE
                    SET content_hash = EXCLUDED.content_hash, updated_at = now()
                    WHERE feed_record_seen.content_hash IS DISTINCT FROM EXCLUDED.content_hash
                """;
        String[] hex = sorted.values().stream().map(FeedLedger::hex).toArray(String[]::new);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, feedId);
            statement.setArray(
                    2, connection.createArrayOf("text", sorted.keySet().toArray(new String[0])));
            statement.setArray(3, connection.createArrayOf("text", hex));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw StoreException.wrap("recording " + hashes.size() + " seen records of feed " + feedId, e);
        }
    }

    /**
     * Claims an {@code Idempotency-Key} for a request, or reports what happened to it before. An
     * unfinished claim older than {@code abandonedAfter} (its request died) may be claimed again.
     */
    public IdempotencyClaim claim(
            String department, String key, String feedId, byte[] requestHash, Duration abandonedAfter) {
        String insert = """
                INSERT INTO feed_idempotency_key (department, idempotency_key, feed_id, request_hash)
                VALUES (?, ?, ?, ?) ON CONFLICT (department, idempotency_key) DO NOTHING
                """;
        String select = """
                SELECT feed_id, request_hash, status, response, created_at < now() - ?::interval AS abandoned
                FROM feed_idempotency_key WHERE department = ? AND idempotency_key = ?
                """;
        String retake = """
                UPDATE feed_idempotency_key SET created_at = now()
                WHERE department = ? AND idempotency_key = ? AND status IS NULL
                  AND created_at < now() - ?::interval
                """;
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement statement = connection.prepareStatement(insert)) {
                statement.setString(1, department);
                statement.setString(2, key);
                statement.setString(3, feedId);
                statement.setBytes(4, requestHash);
                if (statement.executeUpdate() == 1) {
                    return new IdempotencyClaim.Claimed();
                }
            }
            String interval = abandonedAfter.toMillis() + " milliseconds";
            try (PreparedStatement statement = connection.prepareStatement(select)) {
                statement.setString(1, interval);
                statement.setString(2, department);
                statement.setString(3, key);
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        // Released between our insert and select: the key is free again.
                        return claim(department, key, feedId, requestHash, abandonedAfter);
                    }
                    if (!Arrays.equals(rows.getBytes("request_hash"), requestHash)) {
                        return new IdempotencyClaim.Conflict(rows.getString("feed_id"));
                    }
                    int status = rows.getInt("status");
                    if (!rows.wasNull()) {
                        return new IdempotencyClaim.Replay(status, rows.getString("response"));
                    }
                    if (!rows.getBoolean("abandoned")) {
                        return new IdempotencyClaim.InProgress();
                    }
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(retake)) {
                statement.setString(1, department);
                statement.setString(2, key);
                statement.setString(3, interval);
                return statement.executeUpdate() == 1
                        ? new IdempotencyClaim.Claimed()
                        : new IdempotencyClaim.InProgress();
            }
        } catch (SQLException e) {
            throw StoreException.wrap("claiming idempotency key of department " + department, e);
        }
    }

    /** Stores the response of a claimed key's request, to be replayed for retries. */
    public void complete(String department, String key, int status, String response) {
        String sql = """
                UPDATE feed_idempotency_key SET status = ?, response = ?, completed_at = now()
                WHERE department = ? AND idempotency_key = ?
                """;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, status);
            statement.setString(2, response);
            statement.setString(3, department);
            statement.setString(4, key);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw StoreException.wrap("storing the response for an idempotency key of department " + department, e);
        }
    }

    /** Gives up a claimed key whose request failed without a response worth keeping, so a retry can use it. */
    public void release(String department, String key) {
        String sql = "DELETE FROM feed_idempotency_key WHERE department = ? AND idempotency_key = ? AND status IS NULL";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, department);
            statement.setString(2, key);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw StoreException.wrap("releasing an idempotency key of department " + department, e);
        }
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
