package vn.cantho.ioc.store.indicator;

import java.util.List;
import vn.cantho.ioc.model.Indicator;

/**
 * One page of indicator values, ordered by period start, indicator, scope, entity, labels and granularity.
 *
 * @param nextCursor pass to the next query to continue; {@code null} when this is the last page
 */
public record IndicatorPage(List<Indicator> items, String nextCursor) {

    public IndicatorPage {
        items = List.copyOf(items);
    }
}
