package vn.cantho.ioc.streams.rules.measure;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import vn.cantho.ioc.model.calendar.WorkingCalendar;

/** The measure of an {@code SLA} rule: how long an item has waited, from its record's fields. */
public final class SlaClock {

    private SlaClock() {}

    /** When the item's clock started; empty if the record lacks a readable start field. */
    public static Optional<Instant> start(SlaSettings sla, Map<String, Object> fields) {
        Object value = fields.get(sla.start());
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.toString()));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Whether the step the rule waits for has happened (a stop field present or a stop status). */
    public static boolean stopped(SlaSettings sla, Map<String, Object> fields) {
        for (String field : sla.stopFields()) {
            if (fields.get(field) != null) {
                return true;
            }
        }
        Object status = fields.get("status");
        return status != null && sla.stopStatuses().contains(status.toString());
    }

    /** Time waited at {@code now} in the rule's unit (working days by {@code calendar}); 0 once stopped. */
    public static double elapsed(
            SlaSettings sla, WorkingCalendar calendar, Instant start, boolean stopped, Instant now) {
        if (stopped) {
            return 0;
        }
        return switch (sla.unit()) {
            case HOURS -> Math.max(0, Duration.between(start, now).toMillis() / 3_600_000.0);
            case WORKING_DAYS -> calendar.workingDays(start, now);
        };
    }
}
