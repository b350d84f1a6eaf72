package vn.cantho.ioc.api.indicator;

import java.util.List;
import vn.cantho.ioc.model.Indicator;
import vn.cantho.ioc.store.indicator.IndicatorPage;
import vn.cantho.ioc.store.indicator.IndicatorQueries;
import vn.cantho.ioc.store.indicator.IndicatorQuery;

/**
 * What the indicator routes need from storage: filtered pages of indicator values and the latest value of one
 * indicator per entity. Owned by the API so its routes can be tested with an in-memory fake; production reads
 * PostgreSQL through {@link IndicatorQueries}.
 */
public interface IndicatorBackend {

    /** One page of values matching {@code query}, with the cursor of the next page (null on the last). */
    IndicatorPage find(IndicatorQuery query);

    /** The latest value of {@code indicator} for each entity, in {@code areaCode} (null: every area). */
    List<Indicator> latest(String indicator, String areaCode);

    /** The stored indicator values. */
    static IndicatorBackend of(IndicatorQueries queries) {
        return new IndicatorBackend() {
            @Override
            public IndicatorPage find(IndicatorQuery query) {
                return queries.find(query);
            }

            @Override
            public List<Indicator> latest(String indicator, String areaCode) {
                return queries.latest(indicator, areaCode);
            }
        };
    }
}
