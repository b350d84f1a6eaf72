package vn.cantho.ioc.ingest.feed;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A registered feed: who pushes it, which domain it feeds, its schema and its cadence.
 *
 * @param id             stable id used in the push URL, e.g. {@code traffic-safety-daily}
 * @param name           Vietnamese name
 * @param department     id of the department that owns it (only its tokens may push)
 * @param domain         IOC domain id
 * @param cadence        expected reporting rhythm
 * @param description    what the feed carries, for people
 * @param key            the field(s) whose values identify a record; a record pushed again with the
 *                       same key replaces the earlier one
 * @param time           the date/datetime field giving the record's event time (the period start for
 *                       periodic feeds)
 * @param area           optional string field holding the area (district) code the record is about
 * @param maxRows        the most rows one push may carry
 * @param legacyEncoding the legacy encoding the department's system is known to use for text
 *                       ({@code TCVN3}, {@code VNI_WINDOWS}, {@code WINDOWS_1258}); a hint for ambiguous
 *                       text, null if unknown
 * @param fields         the schema
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedDefinition(
        String id,
        String name,
        String department,
        String domain,
        Cadence cadence,
        String description,
        List<String> key,
        String time,
        String area,
        int maxRows,
        String legacyEncoding,
        List<FieldSpec> fields) {

    public FeedDefinition {
        key = key == null ? List.of() : List.copyOf(key);
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** Fields by name, in schema order. */
    @JsonIgnore
    public Map<String, FieldSpec> fieldsByName() {
        Map<String, FieldSpec> byName = new LinkedHashMap<>();
        for (FieldSpec field : fields) {
            byName.put(field.name(), field);
        }
        return byName;
    }

    public Optional<FieldSpec> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
