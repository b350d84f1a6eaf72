package vn.cantho.ioc.api.aggregate;

import vn.cantho.ioc.model.registry.Metric;
import vn.cantho.ioc.store.AggregateQuery;

/** A validated aggregates request: the metric it is about and the store query that answers it. */
public record AggregateRequest(Metric metric, AggregateQuery query) {}
