package vn.cantho.ioc.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Writes raw observations to {@code observations}, the table every reading lands in: per call one transaction and one
 * statement, {@code INSERT ... SELECT FROM unnest(arrays) ... ON CONFLICT DO NOTHING}, with each column of the batch
 * sent as one array parameter. A reading is immutable, so a redelivered copy is simply ignored and the sink may
 * retry a batch freely. The batch travels as seven parameters instead of seven per row (the prepared-statement
 * batch this replaces bound, sent and planned every row's parameters); {@code COPY} would be as cheap but cannot
 * skip a row already stored without a staging table (docs/storage.md).
 */
public final class ObservationWriter {

    static final String INSERT = """
            INSERT INTO observations (device_id, metric, ts, value, domain, area_code, received_at)
            SELECT * FROM unnest(?::text[], ?::text[], ?::timestamptz[], ?::float8[], ?::text[], ?::text[],
                                 ?::timestamptz[])
            ORDER BY 1, 2, 3
            ON CONFLICT (device_id, metric, ts) DO NOTHING
            """;

    private static final Comparator<ObservationRow> ROW_ORDER = Comparator.comparing(ObservationRow::deviceId)
            .thenComparing(ObservationRow::metric)
            .thenComparing(ObservationRow::ts);

    private final DataSource dataSource;

    public ObservationWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Inserts the rows that are not stored yet, all or nothing.
     *
     * @return rows inserted (rows already stored are not counted)
     * @throws IllegalArgumentException when a row lacks device, metric, time or domain, or its value is not finite
     * @throws StoreException           when the database fails ({@link StoreUnavailableException} when unreachable);
     *                                  nothing was written, retry the same batch
     */
    public int insert(Collection<ObservationRow> observations) {
        List<ObservationRow> rows = distinct(observations);
        if (rows.isEmpty()) {
            return 0;
        }
        int n = rows.size();
        String[] devices = new String[n];
        String[] metrics = new String[n];
        String[] times = new String[n];
        Double[] values = new Double[n];
        String[] domains = new String[n];
        String[] areas = new String[n];
        String[] received = new String[n];
        for (int i = 0; i < n; i++) {
            ObservationRow row = rows.get(i);
            devices[i] = row.deviceId();
            metrics[i] = row.metric();
            times[i] = row.ts().toString();
            values[i] = row.value();
            domains[i] = row.domain();
            areas[i] = row.areaCode();
            received[i] = row.receivedAt() == null ? null : row.receivedAt().toString();
        }
        return BatchWrite.executeOnce(
                dataSource,
                INSERT,
                (statement, connection) -> {
                    statement.setArray(1, connection.createArrayOf("text", devices));
                    statement.setArray(2, connection.createArrayOf("text", metrics));
                    statement.setArray(3, connection.createArrayOf("text", times));
                    statement.setArray(4, connection.createArrayOf("float8", values));
                    statement.setArray(5, connection.createArrayOf("text", domains));
                    statement.setArray(6, connection.createArrayOf("text", areas));
                    statement.setArray(7, connection.createArrayOf("text", received));
                },
                "inserting " + n + " observations");
    }

    /** First occurrence per key, in one global order (same lock order for concurrent writers). */
    static List<ObservationRow> distinct(Collection<ObservationRow> observations) {
        Map<String, ObservationRow> byKey = new LinkedHashMap<>();
        int index = 0;
        for (ObservationRow row : observations) {
            if (row == null
                    || isBlank(row.deviceId())
                    || isBlank(row.metric())
                    || row.ts() == null
                    || isBlank(row.domain())
                    || !Double.isFinite(row.value())) {
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
}
