package vn.cantho.ioc.api.indicator;

import java.time.Instant;

/**
 * The current state of one water-level gauge; every field after {@code area} is {@code null} when the gauge has
 * not reported yet.
 *
 * @param hour              start of the latest hour with readings
 * @param level             the latest level, metres
 * @param levelAt           when it was measured
 * @param maxLevel          highest level of that hour, metres
 * @param alertLevel        0 below BĐ I, 1–3 for BĐ I–III, from the hour's highest level
 * @param alertLevelName    {@code dưới BĐ I}, {@code BĐ I}, {@code BĐ II} or {@code BĐ III}
 * @param thresholds        BĐ I, II, III in metres as used, e.g. {@code 1.80,1.90,2.00}
 * @param riseRateCmPerHour change of the hourly mean level from the previous hour with readings, cm/h
 * @param stale             the latest hour ended more than {@link CurrentConditions#STALE_AFTER} ago
 */
public record WaterLevel(
        String device,
        String name,
        String area,
        Instant hour,
        Double level,
        Instant levelAt,
        Double maxLevel,
        Integer alertLevel,
        String alertLevelName,
        String thresholds,
        Double riseRateCmPerHour,
        Boolean stale) {}
