package vn.cantho.ioc.hub;

import static vn.cantho.ioc.hub.HubSettings.FLOOD_ALERT_LEVELS;
import static vn.cantho.ioc.hub.HubSettings.INDICATORS_APP_ID;
import static vn.cantho.ioc.hub.HubSettings.INDICATOR_GRACE;
import static vn.cantho.ioc.hub.HubSettings.INDICATOR_SINK_GROUP_ID;

import java.time.Duration;

import vn.cantho.ioc.model.config.Config;
import vn.cantho.ioc.streams.indicator.FloodAlertLevels;

/**
 * Configuration of the derived environmental indicators (VN_AQI, flood alert level, rise rate), checked at start.
 *
 * @param appId       {@code INDICATORS_APP_ID}, the Kafka Streams application id of the indicator topology
 * @param grace       {@code INDICATOR_GRACE}, how late a reading may still change its hour
 * @param floodLevels {@code FLOOD_ALERT_LEVELS}, BĐ I/II/III of the water-level gauges
 * @param sinkGroupId {@code INDICATOR_SINK_GROUP_ID}, consumer group of the sink into {@code indicator_values}
 */
public record IndicatorConfig(String appId, Duration grace, FloodAlertLevels floodLevels, String sinkGroupId) {

    public static IndicatorConfig from(Config config) {
        return new IndicatorConfig(config.get(INDICATORS_APP_ID), config.get(INDICATOR_GRACE),
                config.get(FLOOD_ALERT_LEVELS), config.get(INDICATOR_SINK_GROUP_ID));
    }
}
