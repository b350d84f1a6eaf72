package vn.cantho.ioc.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.cantho.ioc.model.DeadLetterReason;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.mqtt.TelemetryTopic;
import vn.cantho.ioc.model.registry.DeviceRegistry;

/** SenML JSON (RFC 8428) payloads: the RFC's examples adapted to hub devices, and the bad cases. */
class SenmlReadingParserTest {

    private static final Instant NOW = Instant.parse("2026-11-23T03:00:30Z");
    /** {@link #NOW} in SenML's absolute time: seconds since the epoch. */
    private static final long NOW_S = NOW.getEpochSecond();

    private static final String AIR = TelemetryTopic.of("aq-ninh-kieu-01");
    private static final String TRAFFIC = TelemetryTopic.of("tc-tran-hung-dao");
    private static final String GAUGE = TelemetryTopic.of("wl-can-tho");

    private final ReadingParser parser =
            new ReadingParser(DeviceRegistry.builtIn(), Duration.ofDays(7), Duration.ofMinutes(5));

    @Test
    void rfc_single_datapoint_with_the_device_in_the_name_is_one_reading_now() {
        // RFC 8428 §5.1.1: [{"n":"urn:dev:ow:10e2073a01080063","u":"Cel","v":23.1}]
        List<Reading> readings = accepted(AIR, """
                [{"n":"urn:dev:ioc:aq-ninh-kieu-01:pm25","u":"ug/m3","v":23.1}]""");

        assertThat(readings).hasSize(1);
        Reading reading = readings.get(0);
        assertThat(reading.deviceId()).isEqualTo("aq-ninh-kieu-01");
        assertThat(reading.ts()).isEqualTo(NOW);
        assertThat(reading.values()).containsExactlyEntriesOf(Map.of("pm25", 23.1));
        assertThat(reading.receivedAt()).isEqualTo(NOW);
        assertThat(reading.source()).isEqualTo(AIR);
    }

    @Test
    void rfc_multiple_datapoints_under_a_base_name_are_one_reading() {
        // RFC 8428 §5.1.2: a base name ending in ':' and one record per measured quantity.
        List<Reading> readings = accepted(AIR, """
                [{"bn":"urn:dev:ioc:aq-ninh-kieu-01:","n":"pm25","u":"ug/m3","v":35.2},
                 {"n":"pm10","u":"ug/m3","v":61},
                 {"n":"no2","u":"µg/m³","v":40.5}]""");

        assertThat(readings).singleElement().satisfies(reading -> {
            assertThat(reading.ts()).isEqualTo(NOW);
            assertThat(reading.values())
                    .containsOnly(Map.entry("pm25", 35.2), Map.entry("pm10", 61.0), Map.entry("no2", 40.5));
        });
    }

    @Test
    void rfc_multiple_measurements_with_base_time_and_relative_times_become_one_reading_per_time() {
        // RFC 8428 §5.1.3: absolute base time, a base unit, bver 5, then records 5..1 s before it.
        List<Reading> readings = accepted(TRAFFIC, """
                [{"bn":"tc-tran-hung-dao:","bt":%d.001,"bu":"count","bver":5,"n":"mean_speed","u":"km/h","v":32.5},
                 {"n":"vehicle_count","t":-5,"v":41},
                 {"n":"vehicle_count","t":-4,"v":43},
                 {"n":"vehicle_count","t":-3,"v":38},
                 {"n":"vehicle_count","t":-2,"v":40},
                 {"n":"vehicle_count","t":-1,"v":44},
                 {"n":"vehicle_count","v":39}]""".formatted(NOW_S - 30));

        Instant bt = Instant.ofEpochSecond(NOW_S - 30).plusMillis(1);
        assertThat(readings)
                .extracting(Reading::ts)
                .containsExactly(
                        bt.minusSeconds(5),
                        bt.minusSeconds(4),
                        bt.minusSeconds(3),
                        bt.minusSeconds(2),
                        bt.minusSeconds(1),
                        bt);
        assertThat(readings.get(0).values()).containsExactlyEntriesOf(Map.of("vehicle_count", 41.0));
        assertThat(readings.get(5).values())
                .containsOnly(Map.entry("mean_speed", 32.5), Map.entry("vehicle_count", 39.0));
        assertThat(readings)
                .allMatch(r ->
                        r.deviceId().equals("tc-tran-hung-dao") && r.source().equals(TRAFFIC));
    }

    @Test
    void rfc_resolved_records_with_absolute_times_are_accepted_as_they_are() {
        // RFC 8428 §5.1.4: the resolved form of §5.1.3.
        List<Reading> readings = accepted(AIR, """
                [{"n":"urn:dev:ioc:aq-ninh-kieu-01:pm25","u":"ug/m3","v":20.5,"t":%d},
                 {"n":"urn:dev:ioc:aq-ninh-kieu-01:pm25","u":"ug/m3","v":21.5,"t":%d}]""".formatted(NOW_S - 120, NOW_S - 60));

        assertThat(readings)
                .extracting(Reading::ts)
                .containsExactly(Instant.ofEpochSecond(NOW_S - 120), Instant.ofEpochSecond(NOW_S - 60));
        assertThat(readings).extracting(r -> r.values().get("pm25")).containsExactly(20.5, 21.5);
    }

    @Test
    void rfc_collection_of_resources_with_a_slash_separated_base_name() {
        // RFC 8428 §5.1.6: base name "2001:db8::2/" with resource names; here ioc/{deviceId}/.
        List<Reading> readings = accepted(TelemetryTopic.of("wq-song-can-tho"), """
                [{"bn":"ioc/wq-song-can-tho/","bt":%d,"n":"ph","u":"pH","v":7.1},
                 {"n":"dissolved_oxygen","u":"mg/L","v":4.6},
                 {"n":"turbidity","u":"NTU","v":48}]""".formatted(NOW_S - 60));

        assertThat(readings).singleElement().satisfies(reading -> {
            assertThat(reading.ts()).isEqualTo(Instant.ofEpochSecond(NOW_S - 60));
            assertThat(reading.values())
                    .containsOnly(
                            Map.entry("ph", 7.1), Map.entry("dissolved_oxygen", 4.6), Map.entry("turbidity", 48.0));
        });
    }

    @Test
    void plain_metric_names_without_a_base_name_mean_the_topic_device() {
        List<Reading> readings = accepted(GAUGE, "[{\"n\":\"water_level\",\"v\":1.42}]");

        assertThat(readings).singleElement().satisfies(r -> {
            assertThat(r.deviceId()).isEqualTo("wl-can-tho");
            assertThat(r.values()).containsExactlyEntriesOf(Map.of("water_level", 1.42));
        });
    }

    @Test
    void base_value_is_added_to_each_value_and_stands_in_for_a_missing_one() {
        List<Reading> readings = accepted(GAUGE, """
                [{"bn":"wl-can-tho:","bv":1.5,"bu":"m","n":"water_level","v":0.25,"t":-120},
                 {"n":"water_level","v":-0.5,"t":-60},
                 {"n":"water_level"}]""");

        assertThat(readings).extracting(r -> r.values().get("water_level")).containsExactly(1.75, 1.0, 1.5);
        assertThat(readings).extracting(Reading::ts).containsExactly(NOW.minusSeconds(120), NOW.minusSeconds(60), NOW);
    }

    @Test
    void base_fields_apply_until_a_later_record_replaces_them() {
        List<Reading> readings = accepted(AIR, """
                [{"bn":"aq-ninh-kieu-01:","bt":%d,"n":"pm25","v":30},
                 {"bt":%d,"n":"pm25","v":31},
                 {"n":"pm10","v":50}]""".formatted(NOW_S - 120, NOW_S - 60));

        assertThat(readings).hasSize(2);
        assertThat(readings.get(1).values()).containsOnly(Map.entry("pm25", 31.0), Map.entry("pm10", 50.0));
    }

    @Test
    void times_below_2_pow_28_are_relative_to_the_receive_time_and_fractions_keep_milliseconds() {
        assertThat(accepted(AIR, "[{\"n\":\"pm25\",\"v\":1,\"t\":-90.25}]")
                        .get(0)
                        .ts())
                .isEqualTo(NOW.minusMillis(90_250));
        assertThat(accepted(AIR, "[{\"n\":\"pm25\",\"v\":1,\"t\":60}]").get(0).ts())
                .isEqualTo(NOW.plusSeconds(60));
        assertThat(accepted(AIR, "[{\"n\":\"pm25\",\"v\":1,\"bt\":" + NOW_S + ",\"t\":-0.5}]")
                        .get(0)
                        .ts())
                .isEqualTo(NOW.minusMillis(500));
        assertThat(accepted(AIR, "[{\"n\":\"pm25\",\"v\":1,\"bt\":1.7954028e9}]")
                        .get(0)
                        .ts())
                .isEqualTo(Instant.ofEpochSecond(1_795_402_800L));
    }

    @Test
    void unit_may_be_the_senml_symbol_the_registry_spelling_or_absent() {
        assertThat(accepted(AIR, "[{\"n\":\"pm25\",\"u\":\"ug/m3\",\"v\":1}]")).hasSize(1);
        assertThat(accepted(AIR, "[{\"n\":\"pm25\",\"u\":\"µg/m³\",\"v\":1}]")).hasSize(1);
        assertThat(accepted(AIR, "[{\"n\":\"pm25\",\"v\":1}]")).hasSize(1);
        assertThat(accepted(
                        TRAFFIC,
                        "[{\"n\":\"vehicle_count\",\"u\":\"count\",\"v\":12},"
                                + "{\"n\":\"mean_speed\",\"u\":\"km/h\",\"v\":35}]"))
                .hasSize(1);
        assertThat(accepted(TRAFFIC, "[{\"n\":\"vehicle_count\",\"u\":\"1\",\"v\":12}]"))
                .hasSize(1);
        assertThat(accepted(TRAFFIC, "[{\"n\":\"vehicle_count\",\"u\":\"vehicles\",\"v\":12}]"))
                .hasSize(1);
        assertThat(accepted(
                        TelemetryTopic.of("vc-ben-ninh-kieu"), "[{\"n\":\"visitor_count\",\"u\":\"count\",\"v\":7}]"))
                .hasSize(1);
    }

    @Test
    void ignorable_fields_are_ignored() {
        assertThat(accepted(AIR, "[{\"n\":\"pm25\",\"v\":1,\"ut\":60,\"vendor\":\"x\",\"bver\":10}]"))
                .hasSize(1);
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            []                                                                   | BAD_PAYLOAD
            [1]                                                                  | BAD_PAYLOAD
            [{"n":"pm25","v":1},"pm10"]                                          | BAD_PAYLOAD
            [{"n":"pm25"}]                                                       | BAD_PAYLOAD
            [{"bn":"aq-ninh-kieu-01:pm25"}]                                      | BAD_PAYLOAD
            [{"v":1}]                                                            | BAD_PAYLOAD
            [{"n":"pm25","vs":"high"}]                                           | BAD_PAYLOAD
            [{"n":"pm25","vb":true}]                                             | BAD_PAYLOAD
            [{"n":"pm25","vd":"AAE"}]                                            | BAD_PAYLOAD
            [{"n":"pm25","v":1,"vs":"1"}]                                        | BAD_PAYLOAD
            [{"n":"pm25","v":1},{"n":"pm10","vs":"high"}]                        | BAD_PAYLOAD
            [{"n":"pm25","s":100}]                                               | BAD_PAYLOAD
            [{"bs":10,"n":"pm25","v":1}]                                         | BAD_PAYLOAD
            [{"n":"pm25","v":1,"crc_":"ab"}]                                     | BAD_PAYLOAD
            [{"bver":11,"n":"pm25","v":1}]                                       | BAD_PAYLOAD
            [{"bver":"10","n":"pm25","v":1}]                                     | BAD_PAYLOAD
            [{"bn":5,"n":"pm25","v":1}]                                          | BAD_PAYLOAD
            [{"n":25,"v":1}]                                                     | BAD_PAYLOAD
            [{"n":"pm25","u":5,"v":1}]                                           | BAD_PAYLOAD
            [{"n":"-pm25","v":1}]                                                | BAD_PAYLOAD
            [{"n":"pm 25","v":1}]                                                | BAD_PAYLOAD
            [{"n":"aq-ninh-kieu-01:","v":1}]                                     | BAD_PAYLOAD
            [{"n":"aq-cai-rang-01:pm25","v":1}]                                  | BAD_PAYLOAD
            [{"bn":"urn:dev:mac:0024befffe804ff1:","n":"pm25","v":1}]            | BAD_PAYLOAD
            [{"bn":"urn:dev:ioc:","n":"pm25","v":1}]                             | BAD_PAYLOAD
            [{"n":"pm25","v":1},{"n":"pm25","v":2}]                              | BAD_PAYLOAD
            [{"n":"radon","v":1}]                                                | UNKNOWN_METRIC
            [{"n":"aq-ninh-kieu-01:radon","v":1}]                                | UNKNOWN_METRIC
            [{"n":"water_level","v":1}]                                          | UNKNOWN_METRIC
            [{"n":"aq-ninh-kieu-01.pm25","v":1}]                                 | UNKNOWN_METRIC
            [{"n":"pm25","u":"mg/m3","v":1}]                                     | BAD_UNIT
            [{"n":"pm25","u":"ppm","v":1}]                                       | BAD_UNIT
            [{"bu":"Cel","n":"pm25","v":1}]                                      | BAD_UNIT
            [{"bu":"ug/m3","n":"pm25","v":1},{"n":"pm10","u":"UG/M3","v":1}]     | BAD_UNIT
            [{"n":"pm25","v":"35"}]                                              | NON_FINITE
            [{"n":"pm25","v":null}]                                              | NON_FINITE
            [{"n":"pm25","v":NaN}]                                               | NON_FINITE
            [{"n":"pm25","v":-Infinity}]                                         | NON_FINITE
            [{"bv":"1","n":"pm25","v":1}]                                        | NON_FINITE
            [{"n":"pm25","v":-1}]                                                | OUT_OF_RANGE
            [{"bv":999,"n":"pm25","v":2}]                                        | OUT_OF_RANGE
            [{"n":"pm25","v":1},{"n":"pm10","v":1e9}]                            | OUT_OF_RANGE
            [{"n":"pm25","v":1,"t":"now"}]                                       | BAD_TIMESTAMP
            [{"bt":"2026-11-23T03:00:00Z","n":"pm25","v":1}]                     | BAD_TIMESTAMP
            [{"n":"pm25","v":1,"t":NaN}]                                         | BAD_TIMESTAMP
            [{"bt":1e300,"n":"pm25","v":1}]                                      | BAD_TIMESTAMP
            [{"n":"pm25","v":1,"t":600}]                                         | BAD_TIMESTAMP
            [{"n":"pm25","v":1,"t":-864000}]                                     | BAD_TIMESTAMP
            [{"n":"pm25","v":1,"t":946684800}]                                   | BAD_TIMESTAMP
            [{"n":"pm25","v":1},{"n":"pm25","v":1}                               | BAD_JSON
            [{"n":"pm25","v":1,"v":2}]                                           | BAD_JSON
            """)
    void bad_pack_is_rejected_whole_with_its_reason(String payload, DeadLetterReason reason) {
        ParseResult result = parser.parse(AIR, payload.getBytes(StandardCharsets.UTF_8), NOW);

        assertThat(result).isInstanceOfSatisfying(ParseResult.Rejected.class, rejected -> {
            assertThat(rejected.deadLetter().reason())
                    .as(rejected.deadLetter().detail())
                    .isEqualTo(reason);
            assertThat(rejected.deadLetter().payload()).isEqualTo(payload.getBytes(StandardCharsets.UTF_8));
            assertThat(rejected.deadLetter().source()).isEqualTo(AIR);
            assertThat(rejected.deadLetter().detail()).isNotBlank();
        });
    }

    @Test
    void a_unit_mismatch_names_the_accepted_units() {
        ParseResult result = parse(TRAFFIC, "[{\"n\":\"mean_speed\",\"u\":\"m/s\",\"v\":10}]");

        assertThat(result).isInstanceOfSatisfying(ParseResult.Rejected.class, rejected -> {
            assertThat(rejected.deadLetter().reason()).isEqualTo(DeadLetterReason.BAD_UNIT);
            assertThat(rejected.deadLetter().detail()).contains("m/s", "mean_speed", "km/h");
        });
    }

    @Test
    void unknown_device_is_checked_before_the_pack() {
        ParseResult result = parse(TelemetryTopic.of("ghost-01"), "[{\"n\":\"pm25\",\"v\":1}]");

        assertThat(result).isInstanceOfSatisfying(ParseResult.Rejected.class, r -> assertThat(
                        r.deadLetter().reason())
                .isEqualTo(DeadLetterReason.UNKNOWN_DEVICE));
    }

    private List<Reading> accepted(String topic, String payload) {
        ParseResult result = parse(topic, payload);
        assertThat(result)
                .as(() -> result instanceof ParseResult.Rejected r
                        ? r.deadLetter().reason() + ": " + r.deadLetter().detail()
                        : "accepted")
                .isInstanceOf(ParseResult.Accepted.class);
        return ((ParseResult.Accepted) result).readings();
    }

    private ParseResult parse(String topic, String payload) {
        return parser.parse(topic, payload.getBytes(StandardCharsets.UTF_8), NOW);
    }
}
