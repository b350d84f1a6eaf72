package vn.cantho.ioc.streams.aggregate;

/** What the per-device step passes on: a device window's statistics, or a reading too late to count. */
public sealed interface DeviceOutput permits DeviceMinute, LateReading {}
