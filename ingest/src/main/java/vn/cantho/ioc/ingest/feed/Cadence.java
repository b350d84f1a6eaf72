package vn.cantho.ioc.ingest.feed;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDateTime;
import java.util.Locale;

/**
 * How often a feed is expected to report. Periodic feeds report each period by its start (in Vietnam
 * time), so their records carry a period label; {@link #EVENT} feeds report individual events.
 */
public enum Cadence {
    HOURLY,
    DAILY,
    MONTHLY,
    QUARTERLY,
    /** Individual events (a 1022 report, a security incident) as they happen. */
    EVENT;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Cadence of(String id) {
        for (Cadence cadence : values()) {
            if (cadence.id().equals(id)) {
                return cadence;
            }
        }
        throw new IllegalArgumentException(
                "unknown cadence '" + id + "'; expected hourly, daily, monthly, quarterly" + " or event");
    }

    /** The period label of a period start: {@code 2026-10-31T14}, {@code 2026-10-31}, {@code 2026-10}, {@code 2026-Q4}; null for events. */
    public String period(LocalDateTime start) {
        return switch (this) {
            case HOURLY -> String.format(Locale.ROOT, "%sT%02d", start.toLocalDate(), start.getHour());
            case DAILY -> start.toLocalDate().toString();
            case MONTHLY -> String.format(Locale.ROOT, "%04d-%02d", start.getYear(), start.getMonthValue());
            case QUARTERLY -> start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
            case EVENT -> null;
        };
    }

    /** Whether {@code time} is the start of a period of this cadence (always true for events). */
    public boolean isPeriodStart(LocalDateTime time) {
        boolean midnight = time.toLocalTime().equals(java.time.LocalTime.MIDNIGHT);
        return switch (this) {
            case HOURLY -> time.getMinute() == 0 && time.getSecond() == 0 && time.getNano() == 0;
            case DAILY -> midnight;
            case MONTHLY -> midnight && time.getDayOfMonth() == 1;
            case QUARTERLY -> midnight && time.getDayOfMonth() == 1 && (time.getMonthValue() - 1) % 3 == 0;
            case EVENT -> true;
        };
    }

    /** How a period start is written, for error messages. */
    String periodStartHint() {
        return switch (this) {
            case HOURLY -> "the start of the hour, e.g. 2026-10-31T14:00:00+07:00";
            case DAILY -> "the day, e.g. 2026-10-31";
            case MONTHLY -> "the first day of the month, e.g. 2026-10-01";
            case QUARTERLY -> "the first day of the quarter, e.g. 2026-10-01 for Q4";
            case EVENT -> "the event's time";
        };
    }
}
