package vn.cantho.ioc.simulator;

import java.time.Instant;
import java.time.LocalDateTime;

/** Test helper: instants written as Cần Thơ local time. */
final class Local {

    private Local() {}

    /** {@code 2026-03-10T07:15} in Cần Thơ. */
    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CityTime.ZONE).toInstant();
    }
}
