package vn.cantho.ioc.streams.rules.measure;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which records of an event feed a {@code MATCH} rule alerts on, and when the alert may end.
 *
 * @param fields       field name to accepted values; every listed field must hold one of its values
 * @param contains     field name to a text it must contain (case-insensitive), e.g. {@code ransomware}
 * @param stopStatuses values of the record's {@code status} field that close the item (e.g. {@code resolved})
 */
public record MatchSettings(Map<String, List<String>> fields, Map<String, String> contains, List<String> stopStatuses) {

    public MatchSettings {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        contains = contains == null ? Map.of() : Map.copyOf(contains);
        stopStatuses = stopStatuses == null ? List.of() : List.copyOf(stopStatuses);
    }

    /** 1 when the record matches and is not closed, else 0. */
    public double measure(Map<String, Object> record) {
        Object status = record.get("status");
        if (status != null && stopStatuses.contains(status.toString())) {
            return 0;
        }
        for (Map.Entry<String, List<String>> f : fields.entrySet()) {
            Object value = record.get(f.getKey());
            if (value == null || !f.getValue().contains(value.toString())) {
                return 0;
            }
        }
        for (Map.Entry<String, String> c : contains.entrySet()) {
            Object value = record.get(c.getKey());
            if (value == null
                    || !value.toString()
                            .toLowerCase(Locale.ROOT)
                            .contains(c.getValue().toLowerCase(Locale.ROOT))) {
                return 0;
            }
        }
        return 1;
    }
}
