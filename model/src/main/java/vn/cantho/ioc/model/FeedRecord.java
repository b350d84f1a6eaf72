package vn.cantho.ioc.model;

import java.time.Instant;
import java.util.Map;

/**
 * One record a department pushed to one of its registered feeds, as accepted by the feed API: typed
 * fields checked against the feed's schema, plus the metric values its numeric fields map to.
 * Value of {@link vn.cantho.ioc.model.kafka.Topics#FEED_RECORDS}, keyed by {@link #key()}.
 *
 * <p>A record with the same key as an earlier one is a correction: it replaces the earlier version
 * (the topic is compacted; consumers upsert by key).
 *
 * @param schemaVersion contract version of this record ({@link #SCHEMA_VERSION})
 * @param feed          feed id from the feed registry, e.g. {@code traffic-safety-daily}
 * @param department    department that owns the feed and pushed the record, e.g. {@code cong-an}
 * @param domain        IOC domain id, e.g. {@code security_traffic}
 * @param recordKey     the record's identity within the feed: its key fields' values joined by {@code |}
 *                      ({@code |} and {@code %} inside a value are percent-encoded)
 * @param ts            event time: the start of the reported period or the event's time
 * @param period        the reported period in the feed's cadence, in Vietnam time ({@code 2026-10},
 *                      {@code 2026-Q3}, {@code 2026-10-31}, {@code 2026-10-31T14}); null for event feeds
 * @param areaCode      the area (district) the record is about, when the feed has an area field; else null
 * @param fields        field name to typed value: string, integer (long), number (double), boolean,
 *                      date ({@code YYYY-MM-DD}) or datetime (ISO-8601 instant in UTC); absent optional
 *                      fields are left out
 * @param metrics       metric id to value, for the fields the feed maps to metrics; finite numbers only
 * @param receivedAt    when the hub received the push
 * @param source        where it came from: {@code feeds/{feed}/token/{tokenId}}
 * @param conversions   text field name to the legacy encoding it was converted from (e.g. {@code TCVN3});
 *                      empty when every text field was already Unicode
 */
public record FeedRecord(
        int schemaVersion,
        String feed,
        String department,
        String domain,
        String recordKey,
        Instant ts,
        String period,
        String areaCode,
        Map<String, Object> fields,
        Map<String, Double> metrics,
        Instant receivedAt,
        String source,
        Map<String, String> conversions) {

    public static final int SCHEMA_VERSION = 1;

    /** The Kafka key: {@code feed|recordKey}, so one partition holds every version of a record, in order. */
    public String key() {
        return feed + "|" + recordKey;
    }
}
