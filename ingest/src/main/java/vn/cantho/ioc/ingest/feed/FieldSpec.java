package vn.cantho.ioc.ingest.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One field of a feed's schema.
 *
 * @param name      field name in JSON records and CSV headers: lower case, digits and {@code _}
 * @param type      value type
 * @param label     Vietnamese label for people
 * @param unit      unit of a numeric field (e.g. {@code tỷ đồng}, {@code %}, {@code vụ}); may be null
 * @param required  whether every record must give a (non-empty) value
 * @param text      whether this is free Vietnamese text that may come in a legacy encoding: it is
 *                  converted to Unicode NFC and the conversion is reported (string fields only)
 * @param metric    metric id this numeric field's value is published as; null for none
 * @param min       smallest accepted value of a numeric field; null for no bound
 * @param max       largest accepted value of a numeric field; null for no bound
 * @param maxLength longest accepted string (characters); null for {@value #DEFAULT_MAX_LENGTH}
 * @param values    the only accepted values of a string field (codes); null or empty for any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldSpec(
        String name,
        FieldType type,
        String label,
        String unit,
        boolean required,
        boolean text,
        String metric,
        Double min,
        Double max,
        Integer maxLength,
        List<String> values) {

    public static final int DEFAULT_MAX_LENGTH = 1000;

    public FieldSpec {
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** The longest string accepted. */
    public int effectiveMaxLength() {
        return maxLength == null ? DEFAULT_MAX_LENGTH : maxLength;
    }
}
