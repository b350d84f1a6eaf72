package vn.cantho.ioc.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Writes raw observations to {@code observations}: one transaction and one prepared statement run as a
 * JDBC batch per call, {@code ON CONFLICT DO NOTHING}. A reading is immutable, so a redelivered copy is
 * simply ignored and the sink may retry a batch freely.
 */
public final class ObservationWriter {

    static final String INSERT = """
            INSERT INTO observations (device_id, metric, ts, value, domain, area_code, received_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (device_id, metric, ts) DO NOTHING
            """;

    private static final Comparator<ObservationRow> ROW_ORDER = Comparator.comparing(ObservationRow::deviceId)
            .thenComparing(ObservationRow::metric).thenComparing(ObservationRow::ts);

    private final DataSource dataSource;

    public ObservationWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Inserts the rows that are not stored yet, all or nothing.
     *
     * @return rows inserted (with {@code reWriteBatchedInserts=true}: rows sent in statements that inserted any)
     * @throws IllegalArgumentException when a row lacks device, metric, time or domain, or its value is not finite
     * @throws StoreException           when the database fails ({@link StoreUnavailableException} when unreachable)
     */
    public int insert(Collection<ObservationRow> observations) {
        List<ObservationRow> rows = distinct(observations);
        if (rows.isEmpty()) {
            return 0;
        }
        return BatchWrite.execute(dataSource, INSERT, rows, ObservationWriter::bind,
                "inserting " + rows.size() + " observations");
    }

    /** First occurrence per key, in one global order (same lock order for concurrent writers). */
    static List<ObservationRow> distinct(Collection<ObservationRow> observations) {
        Map<String, ObservationRow> byKey = new LinkedHashMap<>();
        int index = 0;
        for (ObservationRow row : observations) {
            if (row == null || isBlank(row.deviceId()) || isBlank(row.metric()) || row.ts() == null
                    || isBlank(row.domain()) || !Double.isFinite(row.value())) {
                throw new IllegalArgumentException("observation #" + index
                        + " lacks device, metric, ts or domain, or has a non-finite value: " + row);
            }
            byKey.putIfAbsent(row.key(), row);
            index++;
        }
        List<ObservationRow> rows = new ArrayList<>(byKey.values());
        rows.sort(ROW_ORDER);
        return rows;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static void bind(PreparedStatement statement, ObservationRow row) throws SQLException {
        statement.setString(1, row.deviceId());
        statement.setString(2, row.metric());
        statement.setObject(3, utc(row.ts()));
        statement.setDouble(4, row.value());
        statement.setString(5, row.domain());
        if (row.areaCode() == null) {
            statement.setNull(6, Types.VARCHAR);
        } else {
            statement.setString(6, row.areaCode());
        }
        if (row.receivedAt() == null) {
            statement.setNull(7, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(7, utc(row.receivedAt()));
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
