package vn.cantho.ioc.alerting;

/** One alert of a bulk command, with the version the actor saw (null = no check). */
public record BulkTarget(long alertId, Long expectedVersion) {}
