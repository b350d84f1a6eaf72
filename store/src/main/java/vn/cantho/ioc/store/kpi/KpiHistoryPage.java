package vn.cantho.ioc.store.kpi;

import java.util.List;

/** One page of a KPI's history; {@code nextCursor} is null on the last page. */
public record KpiHistoryPage(List<KpiValue> items, String nextCursor) {}
