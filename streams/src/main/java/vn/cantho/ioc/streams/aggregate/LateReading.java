package vn.cantho.ioc.streams.aggregate;

import vn.cantho.ioc.model.Reading;

/** A reading whose window had already closed for its device; {@code detail} says by how much it was late. */
public record LateReading(Reading reading, String detail) implements DeviceOutput {}
