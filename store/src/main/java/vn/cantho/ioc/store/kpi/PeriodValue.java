package vn.cantho.ioc.store.kpi;

import java.time.Instant;

/** A KPI's value for one period: the previous period's or last year's beside the latest one. */
public record PeriodValue(Instant periodStart, double value) {}
