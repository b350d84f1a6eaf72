package vn.cantho.ioc.store.explanation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.sql.DataSource;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.store.StoreException;
import vn.cantho.ioc.store.explanation.ExplanationRequest.Status;

/**
 * Requests for explanation and their audit trail (tables {@code explanation_requests},
 * {@code explanation_request_events}, migration V11). Every change writes its event in the same transaction.
 */
public final class ExplanationStore {

    public static final int MAX_LIMIT = 500;

    private static final String COLUMNS = "id, indicator, scope, entity_id, area_code, domain, labels, department,"
            + " period_start, value, target, plan_status, message, due_at, requested_by, requested_at, read_at, answer,"
            + " answered_by, answered_at, overdue_alerted_at";

    private final DataSource dataSource;
    private final Clock clock;

    public ExplanationStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public ExplanationStore(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    /** Stores a new request and its REQUESTED event. */
    public ExplanationRequest create(NewExplanationRequest r, String actor) {
        Instant now = clock.instant();
        String sql =
                "INSERT INTO explanation_requests (indicator, scope, entity_id, area_code, domain, labels, department,"
                        + " period_start, value, target, plan_status, message, due_at, requested_by, requested_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
        return inTransaction("create a request for explanation", c -> {
            long id;
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, r.indicator());
                s.setString(2, r.scope());
                s.setString(3, r.entityId());
                s.setString(4, r.areaCode());
                s.setString(5, r.domain());
                s.setString(6, Json.mapper().writeValueAsString(r.labels() == null ? new TreeMap<>() : r.labels()));
                s.setString(7, r.department());
                setInstant(s, 8, r.periodStart());
                setDouble(s, 9, r.value());
                setDouble(s, 10, r.target());
                s.setString(11, r.planStatus());
                s.setString(12, r.message());
                setInstant(s, 13, r.dueAt());
                s.setString(14, actor);
                setInstant(s, 15, now);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("labels cannot be written as JSON", e);
            }
            event(c, id, "REQUESTED", actor, now, r.message());
            return find(c, id).orElseThrow();
        });
    }

    /**
     * Requests, newest first, of {@code department} when not null, with {@code status} when not null.
     * {@code cursor} is the previous page's {@code nextCursor}.
     */
    public ExplanationPage list(String department, Status status, int limit, String cursor) {
        Instant now = clock.instant();
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM explanation_requests WHERE true");
        List<Object> args = new ArrayList<>();
        if (department != null) {
            sql.append(" AND department = ?");
            args.add(department);
        }
        if (status != null) {
            switch (status) {
                case ANSWERED -> sql.append(" AND answered_at IS NOT NULL");
                case OVERDUE -> {
                    sql.append(" AND answered_at IS NULL AND due_at < ?");
                    args.add(Timestamp.from(now));
                }
                case OPEN -> {
                    sql.append(" AND answered_at IS NULL AND due_at >= ?");
                    args.add(Timestamp.from(now));
                }
            }
        }
        if (cursor != null) {
            sql.append(" AND id < ?");
            args.add(decodeCursor(cursor));
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(limit + 1);
        return inTransaction("list requests for explanation", c -> {
            List<ExplanationRequest> items = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    s.setObject(i + 1, args.get(i));
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        items.add(row(rs, now));
                    }
                }
            }
            String next = null;
            if (items.size() > limit) {
                items = items.subList(0, limit);
                next = Long.toString(items.get(limit - 1).id());
            }
            return new ExplanationPage(List.copyOf(items), next);
        });
    }

    public Optional<ExplanationRequest> get(long id) {
        return inTransaction("read a request for explanation", c -> find(c, id));
    }

    /** Records that the addressed unit opened the request, once (the first time). */
    public Optional<ExplanationRequest> markRead(long id, String actor) {
        Instant now = clock.instant();
        return inTransaction("mark a request for explanation read", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE explanation_requests SET read_at = ? WHERE id = ? AND read_at IS NULL")) {
                setInstant(s, 1, now);
                s.setLong(2, id);
                if (s.executeUpdate() == 1) {
                    event(c, id, "READ", actor, now, null);
                }
            }
            return find(c, id);
        });
    }

    /** The outcome of an answer: the request as it now stands, and whether this call answered it. */
    public record Answered(ExplanationRequest request, boolean changed) {}

    /**
     * Answers an unanswered request; a request answered before keeps its first answer ({@code changed} false).
     * Empty when there is no such request.
     */
    public Optional<Answered> answer(long id, String answer, String actor) {
        Instant now = clock.instant();
        return inTransaction("answer a request for explanation", c -> {
            boolean changed;
            try (PreparedStatement s = c.prepareStatement("UPDATE explanation_requests SET answer = ?, answered_by = ?,"
                    + " answered_at = ?, read_at = coalesce(read_at, ?) WHERE id = ? AND answered_at IS NULL")) {
                s.setString(1, answer);
                s.setString(2, actor);
                setInstant(s, 3, now);
                setInstant(s, 4, now);
                s.setLong(5, id);
                changed = s.executeUpdate() == 1;
            }
            if (changed) {
                event(c, id, "ANSWERED", actor, now, answer);
            }
            return find(c, id).map(r -> new Answered(r, changed));
        });
    }

    /**
     * Claims the unanswered requests past due that have raised no alert yet (marks them, with an
     * OVERDUE_ALERTED event by {@code actor}) and returns them; each is returned once, by one hub instance.
     */
    public List<ExplanationRequest> claimOverdue(String actor, int limit) {
        Instant now = clock.instant();
        return inTransaction("claim overdue requests for explanation", c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("UPDATE explanation_requests SET overdue_alerted_at = ?"
                    + " WHERE id IN (SELECT id FROM explanation_requests WHERE answered_at IS NULL AND due_at < ?"
                    + " AND overdue_alerted_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING id")) {
                setInstant(s, 1, now);
                setInstant(s, 2, now);
                s.setInt(3, limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            List<ExplanationRequest> claimed = new ArrayList<>();
            for (long id : ids) {
                event(c, id, "OVERDUE_ALERTED", actor, now, null);
                find(c, id).ifPresent(claimed::add);
            }
            return claimed;
        });
    }

    /** The request's audit trail, oldest first. */
    public List<ExplanationEvent> events(long requestId) {
        return inTransaction("read a request's audit trail", c -> {
            List<ExplanationEvent> events = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, request_id, type, actor, at, text"
                    + " FROM explanation_request_events WHERE request_id = ? ORDER BY id")) {
                s.setLong(1, requestId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        events.add(new ExplanationEvent(
                                rs.getLong(1),
                                rs.getLong(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getTimestamp(5).toInstant(),
                                rs.getString(6)));
                    }
                }
            }
            return events;
        });
    }

    /** @throws IllegalArgumentException when {@code cursor} is not one this store returned */
    public static long decodeCursor(String cursor) {
        try {
            long id = Long.parseLong(cursor);
            if (id <= 0) {
                throw new IllegalArgumentException("cursor is malformed");
            }
            return id;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cursor is malformed", e);
        }
    }

    private Optional<ExplanationRequest> find(Connection c, long id) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("SELECT " + COLUMNS + " FROM explanation_requests WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(row(rs, clock.instant())) : Optional.empty();
            }
        }
    }

    private static void event(Connection c, long id, String type, String actor, Instant at, String text)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO explanation_request_events (request_id, type, actor, at, text) VALUES (?, ?, ?, ?, ?)")) {
            s.setLong(1, id);
            s.setString(2, type);
            s.setString(3, actor);
            setInstant(s, 4, at);
            s.setString(5, text);
            s.executeUpdate();
        }
    }

    private static ExplanationRequest row(ResultSet rs, Instant now) throws SQLException {
        SortedMap<String, String> labels;
        try {
            labels = Json.mapper().readValue(rs.getString(7), new TypeReference<TreeMap<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new StoreException("stored labels of request " + rs.getLong(1) + " are unreadable", e);
        }
        Instant dueAt = instant(rs, 14);
        Instant answeredAt = instant(rs, 20);
        return new ExplanationRequest(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                labels,
                rs.getString(8),
                instant(rs, 9),
                doubleOrNull(rs, 10),
                doubleOrNull(rs, 11),
                rs.getString(12),
                rs.getString(13),
                dueAt,
                rs.getString(15),
                instant(rs, 16),
                instant(rs, 17),
                rs.getString(18),
                rs.getString(19),
                answeredAt,
                instant(rs, 21),
                ExplanationRequest.statusAt(answeredAt, dueAt, now));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Double doubleOrNull(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static void setInstant(PreparedStatement s, int index, Instant value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setTimestamp(index, Timestamp.from(value));
        }
    }

    private static void setDouble(PreparedStatement s, int index, Double value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.DOUBLE);
        } else {
            s.setDouble(index, value);
        }
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T inTransaction(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw StoreException.wrap(what, e);
        }
    }
}
