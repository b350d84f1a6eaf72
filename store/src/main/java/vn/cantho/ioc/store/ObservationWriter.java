package vn.cantho.ioc.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Writes raw observations, one row per reading in {@code readings} (read back one row per value through the view
 * {@code observations}): per call one transaction and one statement, {@code INSERT ... SELECT FROM unnest(arrays)},
 * with each column of the batch sent as one array parameter.
 *
 * <p>The values of one device at one time are one reading. A reading is immutable, so a redelivered copy changes
 * nothing and the sink may retry a batch freely. Values of the same device and time that arrive apart (two messages,
 * or a feed that sends one metric per record) are merged: metrics the stored row lacks are appended, a metric it
 * already has keeps its first value ({@code ON CONFLICT DO UPDATE ... WHERE} the new metrics are not all stored).
 *
 * <p>How the batch travels: device, time, domain, area and receive time as one array each; each reading's metric
 * names as one PostgreSQL array literal (names may contain any character, and {@code text::text[]} parses it
 * exactly); all values as one {@code float8[]} that each reading slices by position (slicing a fixed-width array is
 * constant time). Times travel as integer microseconds since the epoch, PostgreSQL's own resolution: formatting and
 * parsing ISO-8601 text was the largest cost of the sink's thread at 60,000 rows/s (docs/benchmarks.md).
 */
public final class ObservationWriter {

    static final String INSERT = """
            INSERT INTO readings AS stored (device_id, ts, domain, area_code, received_at, metrics, metric_values)
            SELECT batch.device_id, timestamptz 'epoch' + batch.ts_us * interval '1 microsecond', batch.domain,
                   batch.area_code, timestamptz 'epoch' + batch.received_us * interval '1 microsecond',
                   batch.metrics::text[], flat.all_values[batch.first_value:batch.last_value]
            FROM (SELECT ?::float8[] AS all_values) AS flat,
                 unnest(?::text[], ?::int8[], ?::text[], ?::text[], ?::int8[], ?::text[], ?::int4[], ?::int4[])
                 AS batch (device_id, ts_us, domain, area_code, received_us, metrics, first_value, last_value)
            ORDER BY 1, 2
            ON CONFLICT (device_id, ts) DO UPDATE
            SET (metrics, metric_values) = (
                SELECT stored.metrics || array_agg(added.metric ORDER BY added.position),
                       stored.metric_values || array_agg(added.value ORDER BY added.position)
                FROM unnest(excluded.metrics, excluded.metric_values) WITH ORDINALITY AS added (metric, value, position)
                WHERE added.metric <> ALL (stored.metrics))
            WHERE NOT (excluded.metrics <@ stored.metrics)
            """;

    private final DataSource dataSource;

    public ObservationWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores the values that are not stored yet, all or nothing.
     *
     * @return readings inserted or given metrics they lacked (values already stored are not counted)
     * @throws IllegalArgumentException when a row lacks device, metric, time or domain, or its value is not finite
     * @throws StoreException           when the database fails ({@link StoreUnavailableException} when unreachable);
     *                                  nothing was written, retry the same batch
     */
    public int insert(Collection<ObservationRow> observations) {
        List<GroupedReading> readings = readings(observations);
        if (readings.isEmpty()) {
            return 0;
        }
        int n = readings.size();
        String[] devices = new String[n];
        Long[] times = new Long[n];
        String[] domains = new String[n];
        String[] areas = new String[n];
        Long[] received = new Long[n];
        String[] metrics = new String[n];
        Integer[] first = new Integer[n];
        Integer[] last = new Integer[n];
        List<Double> values = new ArrayList<>(n * 4);
        for (int i = 0; i < n; i++) {
            GroupedReading reading = readings.get(i);
            ObservationRow row = reading.first();
            devices[i] = row.deviceId();
            times[i] = reading.micros();
            domains[i] = row.domain();
            areas[i] = row.areaCode();
            received[i] = row.receivedAt() == null ? null : micros(row.receivedAt());
            metrics[i] = arrayLiteral(reading.values().keySet());
            first[i] = values.size() + 1;
            values.addAll(reading.values().values());
            last[i] = values.size();
        }
        Double[] allValues = values.toArray(Double[]::new);
        return BatchWrite.executeOnce(
                dataSource,
                INSERT,
                (statement, connection) -> {
                    statement.setArray(1, connection.createArrayOf("float8", allValues));
                    statement.setArray(2, connection.createArrayOf("text", devices));
                    statement.setArray(3, connection.createArrayOf("int8", times));
                    statement.setArray(4, connection.createArrayOf("text", domains));
                    statement.setArray(5, connection.createArrayOf("text", areas));
                    statement.setArray(6, connection.createArrayOf("int8", received));
                    statement.setArray(7, connection.createArrayOf("text", metrics));
                    statement.setArray(8, connection.createArrayOf("int4", first));
                    statement.setArray(9, connection.createArrayOf("int4", last));
                },
                "inserting " + n + " readings (" + allValues.length + " values)");
    }

    /**
     * The values of one device at one time ({@code micros}, the time as stored); {@code first} carries its domain, area
     * and receive time.
     */
    record GroupedReading(ObservationRow first, long micros, Map<String, Double> values) {}

    /** Keyed as the table keys a reading: two times within the same microsecond are the same row there. */
    private record ReadingKey(String deviceId, long micros) {}

    /**
     * The rows grouped into readings by device and time, in the table's key order (the same lock order for concurrent
     * writers), metrics in order of arrival, the first value of a metric kept: the first occurrence of a row is the
     * one that came first.
     */
    static List<GroupedReading> readings(Collection<ObservationRow> observations) {
        Map<ReadingKey, GroupedReading> byKey = new HashMap<>();
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
            byKey.computeIfAbsent(
                            new ReadingKey(row.deviceId(), micros(row.ts())),
                            key -> new GroupedReading(row, key.micros(), new LinkedHashMap<>()))
                    .values()
                    .putIfAbsent(row.metric(), row.value());
            index++;
        }
        List<GroupedReading> readings = new ArrayList<>(byKey.values());
        readings.sort(Comparator.comparing((GroupedReading r) -> r.first().deviceId())
                .thenComparingLong(GroupedReading::micros));
        return readings;
    }

    /** A PostgreSQL array literal of the names, each quoted, so any character in a name survives. */
    static String arrayLiteral(Collection<String> names) {
        StringBuilder literal = new StringBuilder(names.size() * 10).append('{');
        for (String name : names) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"');
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c == '"' || c == '\\') {
                    literal.append('\\');
                }
                literal.append(c);
            }
            literal.append('"');
        }
        return literal.append('}').toString();
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
