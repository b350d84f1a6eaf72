package vn.cantho.ioc.ingest.feed;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A row that fits its feed's schema, typed.
 *
 * @param row         CSV line or JSON index
 * @param recordKey   the key fields' values joined by {@code |}
 * @param ts          event time (period start or event time)
 * @param period      period label, null for event feeds
 * @param areaCode    value of the feed's area field, or null
 * @param fields      typed values in schema order (absent optional fields left out)
 * @param metrics     metric id to value
 * @param conversions legacy-encoded text fields that were converted
 * @param original    the row's bytes as sent
 */
record ValidRow(
        int row,
        String recordKey,
        Instant ts,
        String period,
        String areaCode,
        Map<String, Object> fields,
        Map<String, Double> metrics,
        List<FieldConversion> conversions,
        byte[] original)
        implements RowOutcome {}
