package vn.cantho.ioc.streams.indicator;

import java.time.Instant;

/** A new version of one station's statistics of one hour (UTC hour starting at {@code hour}). */
record HourChange(Instant hour, HourStats stats) {}
