package vn.cantho.ioc.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.cantho.ioc.model.DeadLetterReason;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.mqtt.TelemetryTopic;
import vn.cantho.ioc.model.registry.DeviceRegistry;

class ReadingParserTest {

    private static final Instant NOW = Instant.parse("2026-11-23T03:00:30Z");
    private static final String TOPIC = TelemetryTopic.of("aq-ninh-kieu-01");

    private final ReadingParser parser =
            new ReadingParser(DeviceRegistry.builtIn(), Duration.ofDays(7), Duration.ofMinutes(5));

    @Test
    void valid_payload_becomes_a_reading_of_that_device() {
        ParseResult result = parse(TOPIC, "{\"ts\":\"2026-11-23T03:00:00Z\",\"values\":{\"pm25\":35.5,\"pm10\":60}}");

        assertThat(result).isInstanceOfSatisfying(ParseResult.Accepted.class, accepted -> {
            assertThat(accepted.readings()).hasSize(1);
            Reading reading = accepted.readings().get(0);
            assertThat(reading.deviceId()).isEqualTo("aq-ninh-kieu-01");
            assertThat(reading.ts()).isEqualTo(Instant.parse("2026-11-23T03:00:00Z"));
            assertThat(reading.values()).containsEntry("pm25", 35.5).containsEntry("pm10", 60.0);
            assertThat(reading.receivedAt()).isEqualTo(NOW);
            assertThat(reading.source()).isEqualTo(TOPIC);
        });
    }

    @Test
    void epoch_millis_timestamp_is_accepted_and_a_missing_one_means_the_receive_time() {
        long millis = Instant.parse("2026-11-23T03:00:00Z").toEpochMilli();

        assertThat(parse(TOPIC, "{\"ts\":" + millis + ",\"values\":{\"pm25\":1}}"))
                .isInstanceOfSatisfying(
                        ParseResult.Accepted.class,
                        a -> assertThat(a.readings().get(0).ts().toEpochMilli()).isEqualTo(millis));
        assertThat(parse(TOPIC, "{\"values\":{\"pm25\":1}}"))
                .isInstanceOfSatisfying(
                        ParseResult.Accepted.class,
                        a -> assertThat(a.readings().get(0).ts()).isEqualTo(NOW));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            not json at all                                            | BAD_JSON
            {"values":{"pm25":1}                                       | BAD_JSON
            ''                                                         | BAD_JSON
            [1,2,3]                                                    | BAD_PAYLOAD
            "pm25"                                                     | BAD_PAYLOAD
            42                                                         | BAD_PAYLOAD
            {"ts":"2026-11-23T03:00:00Z"}                              | BAD_PAYLOAD
            {"values":{}}                                              | BAD_PAYLOAD
            {"values":[35]}                                            | BAD_PAYLOAD
            {"values":{"pm25":1},"values":{"pm25":2}}                  | BAD_JSON
            {"values":{"radon":1}}                                     | UNKNOWN_METRIC
            {"values":{"pm25":"35"}}                                   | NON_FINITE
            {"values":{"pm25":NaN}}                                    | NON_FINITE
            {"values":{"pm25":Infinity}}                               | NON_FINITE
            {"values":{"pm25":-Infinity}}                              | NON_FINITE
            {"values":{"pm25":null}}                                   | NON_FINITE
            {"values":{"pm25":-3}}                                     | OUT_OF_RANGE
            {"values":{"pm25":1e300}}                                  | OUT_OF_RANGE
            {"values":{"pm25":10, "pm10":99999}}                       | OUT_OF_RANGE
            {"ts":"yesterday","values":{"pm25":1}}                     | BAD_TIMESTAMP
            {"ts":true,"values":{"pm25":1}}                            | BAD_TIMESTAMP
            {"ts":"2030-01-01T00:00:00Z","values":{"pm25":1}}          | BAD_TIMESTAMP
            {"ts":"1999-01-01T00:00:00Z","values":{"pm25":1}}          | BAD_TIMESTAMP
            {"values":{"pm25; DROP TABLE metric_agg_1m; --":1}}        | UNKNOWN_METRIC
            """)
    void bad_payload_is_rejected_with_its_reason_and_original_bytes(String payload, DeadLetterReason reason) {
        ParseResult result = parse(TOPIC, payload);

        assertThat(result).isInstanceOfSatisfying(ParseResult.Rejected.class, rejected -> {
            assertThat(rejected.deadLetter().reason()).isEqualTo(reason);
            assertThat(rejected.deadLetter().payload()).isEqualTo(payload.getBytes(StandardCharsets.UTF_8));
            assertThat(rejected.deadLetter().source()).isEqualTo(TOPIC);
            assertThat(rejected.deadLetter().detail()).isNotBlank();
        });
    }

    @ParameterizedTest(name = "{0} -> BAD_JSON")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"ts":"2026-11-23T03:00:00Z","values":{"pm25":1}}garbage
            {"ts":"2026-11-23T03:00:00Z","values":{"pm25":1}}{"ts":"2026-11-23T03:00:01Z","values":{"pm25":2}}
            {"values":{"pm25":1}} {"values":{"pm25":2}}
            {"values":{"pm25":1}}]
            {"values":{"pm25":1}}"x"
            {"values":{"pm25":1}} 42
            [{"n":"pm25","v":1}][{"n":"pm25","v":2}]
            [{"n":"pm25","v":1}]garbage
            [{"n":"pm25","v":1}]}
            """)
    void content_after_the_json_value_is_bad_json_and_nothing_of_it_is_read(String payload) {
        // When a device publishes one JSON value followed by anything else (garbage, a second reading)
        ParseResult result = parse(TOPIC, payload);

        // Then the whole message is dead-lettered rather than half read
        assertThat(reason(result)).isEqualTo(DeadLetterReason.BAD_JSON);
    }

    @Test
    void unknown_device_and_foreign_topic_are_rejected() {
        assertThat(reason(parse(TelemetryTopic.of("aq-nowhere-99"), "{\"values\":{\"pm25\":1}}")))
                .isEqualTo(DeadLetterReason.UNKNOWN_DEVICE);
        assertThat(reason(parse("ioc/v1/devices/aq-ninh-kieu-01/status", "{\"values\":{\"pm25\":1}}")))
                .isEqualTo(DeadLetterReason.BAD_TOPIC);
    }

    @Test
    void invalid_utf8_is_bad_json() {
        byte[] latin1 = "{\"values\":{\"pm25\":1},\"note\":\"C\u00e2n\"}".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(reason(parser.parse(TOPIC, latin1, NOW))).isEqualTo(DeadLetterReason.BAD_JSON);
    }

    private ParseResult parse(String topic, String payload) {
        return parser.parse(topic, payload.getBytes(StandardCharsets.UTF_8), NOW);
    }

    private static DeadLetterReason reason(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Rejected.class);
        return ((ParseResult.Rejected) result).deadLetter().reason();
    }
}
