package vn.cantho.ioc.streams.aggregate;

import vn.cantho.ioc.model.Reading;

/**
 * A reading the device's windows counted: neither a redelivered copy nor later than the grace behind its device. The
 * hourly indicators take exactly these, so telemetry is read, decoded and deduplicated once for both.
 */
public record CountedReading(Reading reading) implements DeviceOutput {}
