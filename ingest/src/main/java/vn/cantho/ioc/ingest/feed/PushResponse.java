package vn.cantho.ioc.ingest.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The 202 body of a push. Every row of the body is counted exactly once: {@code accepted + rejected +
 * duplicates} is the number of rows.
 *
 * @param feed               the feed id
 * @param accepted           rows forwarded to Kafka: new records and corrections
 * @param rejected           rows with errors; each is listed in {@code errors} and dead-lettered
 * @param duplicates         rows identical (same key, same content) to a record the feed already received;
 *                           not forwarded again
 * @param corrections        of the accepted rows, those that replace an earlier record with the same key
 * @param errors             per-row errors in row order (at most {@value #MAX_LISTED})
 * @param conversions        text fields converted from a legacy encoding (at most {@value #MAX_LISTED})
 * @param errorsOmitted      errors beyond the listed ones; left out of the JSON when 0
 * @param conversionsOmitted conversions beyond the listed ones; left out of the JSON when 0
 */
public record PushResponse(
        String feed,
        int accepted,
        int rejected,
        int duplicates,
        int corrections,
        List<RowError> errors,
        List<FieldConversion> conversions,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) int errorsOmitted,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) int conversionsOmitted) {

    /** The most errors (and conversions) one response lists, so a bad 50,000-row file gets a readable answer. */
    public static final int MAX_LISTED = 1000;
}
