package vn.cantho.ioc.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The length of the period an {@link Indicator} value covers. Calendar periods (day and longer) are
 * days, months, quarters and years of Vietnam time (UTC+7), the way the city reports them.
 */
public enum Granularity {
    /** A value at one instant, e.g. the open 1022 backlog when a report changed. */
    INSTANT("instant"),
    HOUR("hour"),
    DAY("day"),
    MONTH("month"),
    QUARTER("quarter"),
    YEAR("year");

    private final String id;

    Granularity(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static Granularity of(String id) {
        for (Granularity g : values()) {
            if (g.id.equals(id)) {
                return g;
            }
        }
        throw new IllegalArgumentException(
                "unknown granularity '" + id + "' (expected instant, hour, day, month, quarter or year)");
    }
}
