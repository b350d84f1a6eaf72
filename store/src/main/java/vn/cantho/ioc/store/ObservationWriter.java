package vn.cantho.ioc.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/**
 * Writes raw observations to {@code observations}, the table every reading lands in: per call one transaction and one
 * statement, {@code INSERT ... SELECT FROM unnest(arrays) ... ON CONFLICT DO NOTHING}, with each column of the batch
 * sent as one array parameter. A reading is immutable, so a redelivered copy is simply ignored and the sink may
 * retry a batch freely. The batch travels as seven parameters instead of seven per row (the prepared-statement
 * batch this replaces bound, sent and planned every row's parameters); {@code COPY} would be as cheap but cannot
 * skip a row already stored without a staging table (docs/storage.md). Times travel as integer microseconds since
 * the epoch, PostgreSQL's own resolution: formatting and parsing ISO-8601 text twice per row was the largest cost of
 * the sink's thread at 60,000 rows/s (docs/benchmarks.md).
 */
public final class ObservationWriter {

    static final String INSERT = """
            INSERT INTO observations (device_id, metric, ts, value, domain, area_code, received_at)
            SELECT device_id, metric, timestamptz 'epoch' + ts_us * interval '1 microsecond', value, domain, area_code,
                   timestamptz 'epoch' + received_us * interval '1 microsecond'
            FROM unnest(?::text[], ?::text[], ?::int8[], ?::float8[], ?::text[], ?::text[], ?::int8[])
                 AS batch (device_id, metric, ts_us, value, domain, area_code, received_us)
            ORDER BY 1, 2, 3
            ON CONFLICT (device_id, metric, ts) DO NOTHING
            """;

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
        Long[] times = new Long[n];
        Double[] values = new Double[n];
        String[] domains = new String[n];
        String[] areas = new String[n];
        Long[] received = new Long[n];
        for (int i = 0; i < n; i++) {
            ObservationRow row = rows.get(i);
            devices[i] = row.deviceId();
            metrics[i] = row.metric();
            times[i] = micros(row.ts());
            values[i] = row.value();
            domains[i] = row.domain();
            areas[i] = row.areaCode();
            received[i] = row.receivedAt() == null ? null : micros(row.receivedAt());
        }
        return BatchWrite.executeOnce(
                dataSource,
                INSERT,
                (statement, connection) -> {
                    statement.setArray(1, connection.createArrayOf("text", devices));
                    statement.setArray(2, connection.createArrayOf("text", metrics));
                    statement.setArray(3, connection.createArrayOf("int8", times));
                    statement.setArray(4, connection.createArrayOf("float8", values));
                    statement.setArray(5, connection.createArrayOf("text", domains));
                    statement.setArray(6, connection.createArrayOf("text", areas));
                    statement.setArray(7, connection.createArrayOf("int8", received));
                },
                "inserting " + n + " observations");
    }

    /**
     * The rows in the table's key order (the same lock order for concurrent writers), the first occurrence of each key
     * kept: the sort is stable, so the first of a run of equal keys is the one that came first.
     */
    static List<ObservationRow> distinct(Collection<ObservationRow> observations) {
        List<ObservationRow> sorted = new ArrayList<>(observations.size());
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
            sorted.add(row);
            index++;
        }
        sorted.sort(ObservationRow::compareKeys);
        List<ObservationRow> rows = new ArrayList<>(sorted.size());
        for (ObservationRow row : sorted) {
            if (rows.isEmpty() || !rows.get(rows.size() - 1).sameKey(row)) {
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * Microseconds since the epoch, a finer time rounded half to even, as PostgreSQL rounds a time given as text (so
     * a row is keyed as it was when times travelled as text).
     */
    static long micros(Instant instant) {
        long micros = instant.getNano() / 1_000;
        int rest = instant.getNano() % 1_000;
        if (rest > 500 || (rest == 500 && (micros & 1) == 1)) {
            micros++;
        }
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), micros);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
