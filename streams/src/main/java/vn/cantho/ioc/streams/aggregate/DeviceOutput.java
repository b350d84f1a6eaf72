package vn.cantho.ioc.streams.aggregate;

/**
 * What the per-device step passes on: a device window's statistics, a reading too late to count, or a reading it
 * counted (for the steps that reuse its deduplication and lateness verdict).
 */
public sealed interface DeviceOutput permits DeviceMinute, LateReading, CountedReading {}
