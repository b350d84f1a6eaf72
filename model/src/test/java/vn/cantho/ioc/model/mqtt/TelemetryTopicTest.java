package vn.cantho.ioc.model.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TelemetryTopicTest {

    @Test
    void device_id_round_trips_through_the_topic() {
        assertThat(TelemetryTopic.deviceId(TelemetryTopic.of("aq-ninh-kieu-01")))
                .hasValue("aq-ninh-kieu-01");
    }

    @Test
    void topics_outside_the_contract_have_no_device_id() {
        assertThat(TelemetryTopic.deviceId("ioc/v1/devices/telemetry")).isEmpty();
        assertThat(TelemetryTopic.deviceId("ioc/v2/devices/a/telemetry")).isEmpty();
        assertThat(TelemetryTopic.deviceId("ioc/v1/devices/a/b/telemetry")).isEmpty();
        assertThat(TelemetryTopic.deviceId("ioc/v1/devices/' OR 1=1 --/telemetry"))
                .isEmpty();
    }
}
