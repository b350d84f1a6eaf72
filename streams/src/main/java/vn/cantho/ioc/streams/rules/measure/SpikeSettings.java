package vn.cantho.ioc.streams.rules.measure;

/**
 * How a {@code SPIKE} rule measures a value against its baseline.
 *
 * @param method  {@link SpikeMethod#RATIO}: the current hour's mean divided by the median of the same
 *                hour on the past {@code days} days; {@link SpikeMethod#SIGMA}: how many standard
 *                deviations the current hour's mean lies above the mean of those hours
 * @param days    how many past days form the baseline (7 for "the 7-day median for that hour")
 * @param minDays how many of those days must have data before the rule measures anything, so a
 *                freshly installed station does not alert on its first busy hour
 */
public record SpikeSettings(SpikeMethod method, int days, int minDays) {

    public enum SpikeMethod {
        RATIO,
        SIGMA
    }
}
