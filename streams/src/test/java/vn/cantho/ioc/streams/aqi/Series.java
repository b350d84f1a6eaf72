package vn.cantho.ioc.streams.aqi;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Test helpers that build {@link HourlySeries} the way the decision's tables are written. */
final class Series {

    private Series() {}

    /** {@code hours} equal hourly means. */
    static HourlySeries steady(double mean, int hours) {
        Double[] values = new Double[hours];
        Arrays.fill(values, mean);
        return HourlySeries.newestFirst(values);
    }

    /** The decision prints hours oldest first (left to right); HourlySeries wants newest first. */
    static HourlySeries oldestFirst(Double... values) {
        List<Double> list = Arrays.asList(values.clone());
        Collections.reverse(list);
        return HourlySeries.newestFirst(list.toArray(Double[]::new));
    }
}
