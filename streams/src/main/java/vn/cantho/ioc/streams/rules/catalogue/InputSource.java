package vn.cantho.ioc.streams.rules.catalogue;

import vn.cantho.ioc.model.kafka.Topics;

/** Where a rule's observations come from; each is one input topic of the rule processor. */
public enum InputSource {
    /** A sensor metric per device, from {@link Topics#TELEMETRY}. */
    TELEMETRY,
    /** The 1-minute mean of a metric per area, from {@link Topics#AGGREGATES_1M}. */
    AGGREGATE,
    /** Derived indicators and KPIs (VN_AQI, flood level, on-time rates), from {@link Topics#INDICATORS}. */
    INDICATOR,
    /** Department feed records (metrics, 1022 reports, SOC incidents), from {@link Topics#FEED_RECORDS}. */
    FEED
}
