package vn.cantho.ioc.streams.rules.measure;

import java.util.List;

/**
 * What an {@code SLA} rule times on the records of an event feed (e.g. 1022 reports).
 *
 * @param start        datetime field the clock starts at (e.g. {@code received_at})
 * @param unit         what the measure counts: calendar hours or working days
 * @param stopFields   fields whose presence stops the clock (e.g. {@code acknowledged_at})
 * @param stopStatuses values of the record's {@code status} field that stop the clock too
 */
public record SlaSettings(String start, SlaUnit unit, List<String> stopFields, List<String> stopStatuses) {

    public SlaSettings {
        stopFields = stopFields == null ? List.of() : List.copyOf(stopFields);
        stopStatuses = stopStatuses == null ? List.of() : List.copyOf(stopStatuses);
    }

    public enum SlaUnit {
        HOURS,
        WORKING_DAYS
    }
}
