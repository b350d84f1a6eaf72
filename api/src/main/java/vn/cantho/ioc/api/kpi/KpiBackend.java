package vn.cantho.ioc.api.kpi;

import java.util.List;
import vn.cantho.ioc.store.kpi.KpiHistoryPage;
import vn.cantho.ioc.store.kpi.KpiHistoryQuery;
import vn.cantho.ioc.store.kpi.KpiQueries;
import vn.cantho.ioc.store.kpi.KpiValue;

/**
 * What the KPI routes (and requests for explanation, which quote a KPI's latest value) need from storage. Owned
 * by the API so its routes can be tested with an in-memory fake; production reads PostgreSQL through
 * {@link KpiQueries}.
 */
public interface KpiBackend {

    /** The latest value of every KPI series, narrowed by whichever of the arguments is not null. */
    List<KpiValue> latest(String domain, String entityId, String areaCode);

    /** One page of one KPI's stored values, oldest first, with the cursor of the next page (null on the last). */
    KpiHistoryPage history(KpiHistoryQuery query);

    /** The stored KPI values. */
    static KpiBackend of(KpiQueries queries) {
        return new KpiBackend() {
            @Override
            public List<KpiValue> latest(String domain, String entityId, String areaCode) {
                return queries.latest(domain, entityId, areaCode);
            }

            @Override
            public KpiHistoryPage history(KpiHistoryQuery query) {
                return queries.history(query);
            }
        };
    }
}
