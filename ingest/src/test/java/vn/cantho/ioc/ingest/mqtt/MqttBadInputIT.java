package vn.cantho.ioc.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.ingest.IngestProducer;
import vn.cantho.ioc.model.DeadLetter;
import vn.cantho.ioc.model.DeadLetterReason;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.mqtt.TelemetryTopic;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.testkit.KafkaTail;
import vn.cantho.ioc.testkit.RawHttp;
import vn.cantho.ioc.testkit.SharedServers;

/**
 * The MQTT bad-input suite (issue 15): payloads and topics a faulty or hostile device might publish, each
 * with the dead-letter reason it must get. All are published with QoS 1 to the real broker in front of a
 * real bridge and Kafka; for every one the suite checks that its dead letter is in Kafka with that reason
 * and its original bytes, that no reading of the suite's device reached the telemetry topic, and that
 * the bridge forwarded nothing and stayed healthy (a good reading published last still gets through).
 */
@Tag("bad-input")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class MqttBadInputIT {

    private static final SharedServers SERVERS = SharedServers.get();
    /** A device no other test publishes for, so any reading of it in the telemetry topic came from this suite. */
    private static final String DEVICE = "aq-thoi-lai-01";

    private static final String TOPIC = TelemetryTopic.of(DEVICE);
    private static final int MAX_PAYLOAD = 65536;
    /** The bridge keeps this much of a TOO_LARGE payload in its dead letter. */
    private static final int KEPT_OF_TOO_LARGE = 1024;
    /** One timestamp for every case, so the cases are the same bytes however often they are built. */
    private static final long NOW =
            Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toEpochMilli();

    private static MqttKafkaBridge bridge;
    private static Instant started;
    private static final Map<String, DeadLetter> LETTERS = new HashMap<>();

    /** One message and the reason it must be dead-lettered with. */
    record Case(String says, String topic, byte[] payload, DeadLetterReason reason) {

        @Override
        public String toString() {
            return says + " -> " + reason;
        }

        /** The payload as its dead letter keeps it: whole, except a too-large one's first kilobyte. */
        byte[] kept() {
            return reason == DeadLetterReason.TOO_LARGE ? Arrays.copyOf(payload, KEPT_OF_TOO_LARGE) : payload;
        }

        String key() {
            return key(topic, kept());
        }

        static String key(String topic, byte[] payload) {
            return topic + "\n" + Arrays.toString(payload);
        }
    }

    @BeforeAll
    static void publishEveryCase() throws Exception {
        // Given a bridge between the real broker and Kafka
        SERVERS.ensureTopics();
        String clientId = SharedServers.uniqueName("bad-input-bridge");
        bridge = new MqttKafkaBridge(
                new BridgeOptions(SERVERS.mqttUrl(), clientId, "", 1000, Duration.ofHours(1), MAX_PAYLOAD),
                new ReadingParser(DeviceRegistry.builtIn(), Duration.ofDays(7), Duration.ofMinutes(5)),
                IngestProducer.create(SERVERS.kafkaBootstrap(), clientId),
                Clock.systemUTC());
        bridge.start();
        started = Instant.now();

        // When every case is published with QoS 1
        List<Case> cases = cases();
        try (DevicePublisher publisher = new DevicePublisher(SERVERS.mqttUrl())) {
            for (Case c : cases) {
                publisher.send(c.topic(), c.payload());
            }
            assertThat(publisher.awaitAcks(cases.size())).isEqualTo(cases.size());
        }
        Set<String> keys = new HashSet<>();
        cases.forEach(c -> keys.add(c.key()));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            try (KafkaTail<DeadLetter> tail = new KafkaTail<>(SERVERS.kafkaBootstrap(), Topics.DEAD_LETTER)) {
                for (DeadLetter letter : tail.valuesUpToEnd(l -> !l.receivedAt().isBefore(started))) {
                    String key = Case.key(letter.source(), letter.payload());
                    if (keys.contains(key)) {
                        LETTERS.put(key, letter);
                    }
                }
            }
            assertThat(LETTERS).hasSize(keys.size());
        });
    }

    @AfterAll
    static void stopBridge() {
        if (bridge != null) {
            bridge.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> every_bad_message_is_dead_lettered_with_its_reason_and_its_original_bytes() {
        return cases().stream()
                .map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
                    // Then
                    DeadLetter letter = LETTERS.get(c.key());
                    assertThat(letter).as(c.says()).isNotNull();
                    assertThat(letter.reason())
                            .as("%s: %s", c.says(), letter.detail())
                            .isEqualTo(c.reason());
                    assertThat(letter.payload()).isEqualTo(c.kept());
                    assertThat(letter.detail()).isNotBlank().doesNotContain("vn.cantho", "java.");
                }));
    }

    @Test
    void no_bad_message_became_a_reading_and_a_good_one_still_gets_through() throws Exception {
        // Given every bad message dead-lettered (publishEveryCase)
        assertThat(bridge.stats().forwarded()).isZero();
        assertThat(bridge.stats().deadLetteredTotal()).isEqualTo(cases().size());

        // When a well-formed reading follows them
        Instant ts = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        try (DevicePublisher publisher = new DevicePublisher(SERVERS.mqttUrl())) {
            publisher.send(
                    TOPIC, ("{\"ts\":\"" + ts + "\",\"values\":{\"pm25\":21.5}}").getBytes(StandardCharsets.UTF_8));
            publisher.awaitAcks(1);
        }

        // Then it is the only reading of the device since the suite started
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            try (KafkaTail<Reading> tail = new KafkaTail<>(SERVERS.kafkaBootstrap(), Topics.TELEMETRY)) {
                List<Reading> readings = tail.valuesUpToEnd(
                        r -> r.deviceId().equals(DEVICE) && !r.receivedAt().isBefore(started));
                assertThat(readings).singleElement().satisfies(r -> assertThat(r.ts())
                        .isEqualTo(ts));
            }
        });
        assertThat(bridge.check().up()).isTrue();
    }

    @Test
    void the_suite_has_at_least_one_hundred_cases_and_no_two_alike() {
        List<Case> cases = cases();

        assertThat(cases).hasSizeGreaterThanOrEqualTo(100);
        assertThat(cases.stream().map(Case::key).distinct()).hasSameSizeAs(cases);
    }

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        String now = "\"ts\":" + NOW;
        String reading = "{" + now + ",\"values\":{\"pm25\":35.5}}";
        String pack = "[{\"bn\":\"urn:dev:ioc:" + DEVICE + ":\",\"n\":\"pm25\",\"u\":\"ug/m3\",\"v\":42.5}]";

        // Content after the JSON value (the defect) and other malformed JSON
        for (String[] text : new String[][] {
            {"garbage after a reading", reading + "garbage"},
            {"two readings concatenated", reading + reading.replace("35.5", "36.5")},
            {"two readings separated by a newline", reading + "\n" + reading.replace("35.5", "37.5")},
            {"a number after a reading", reading + " 42"},
            {"a string after a reading", reading + "\"x\""},
            {"a closing bracket after a reading", reading + "]"},
            {"a closing brace after a reading", reading + "}"},
            {"two SenML packs concatenated", pack + pack.replace("42.5", "43.5")},
            {"garbage after a SenML pack", pack + "garbage"},
            {"a reading after a SenML pack", pack + reading},
            {"a SenML pack after a reading", reading + pack},
            {"null after a reading", reading + "null"},
            {"plain text", "pm25=35.5"},
            {"XML", "<reading><pm25>35.5</pm25></reading>"},
            {"a CSV line", "2026-11-23T03:00:00Z,35.5,60"},
            {"an empty payload", ""},
            {"only whitespace", " \r\n\t "},
            {"an object never closed", "{\"values\":{\"pm25\":1}"},
            {"an array never closed", "[{\"n\":\"pm25\",\"v\":1}"},
            {"single quotes", "{'values':{'pm25':1}}"},
            {"unquoted keys", "{values:{pm25:1}}"},
            {"a trailing comma", "{\"values\":{\"pm25\":1,}}"},
            {"a comment", "/* station */{\"values\":{\"pm25\":1}}"},
            {"a duplicated key", "{\"values\":{\"pm25\":1},\"values\":{\"pm25\":2}}"},
            {"a duplicated metric", "{\"values\":{\"pm25\":1,\"pm25\":2}}"},
            {"a duplicated SenML field", "[{\"n\":\"pm25\",\"n\":\"pm10\",\"v\":1}]"},
            {"a raw NUL in a string", "{\"values\":{\"pm25\":1},\"note\":\"a\0b\"}"},
            {"a raw newline in a string", "{\"values\":{\"pm25\":1},\"note\":\"a\nb\"}"},
            {"a bad escape", "{\"values\":{\"pm25\":1},\"note\":\"\\q\"}"},
            {"a leading plus on a number", "{\"values\":{\"pm25\":+1}}"},
            {"a hexadecimal number", "{\"values\":{\"pm25\":0x10}}"},
            {"a number with a leading zero", "{\"values\":{\"pm25\":012}}"},
            {"arrays nested 5000 deep", "[".repeat(5000) + "]".repeat(5000)},
            {"TRUE in capitals", "{\"values\":{\"pm25\":TRUE}}"},
        }) {
            cases.add(new Case(text[0], TOPIC, RawHttp.utf8(text[1]), DeadLetterReason.BAD_JSON));
        }
        for (Object[] bytes : new Object[][] {
            {"a Latin-1 byte", new byte[] {(byte) 0xE2}},
            {"a lone continuation byte", new byte[] {(byte) 0x80}},
            {"an overlong slash", new byte[] {(byte) 0xC0, (byte) 0xAF}},
            {"a UTF-16 surrogate", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}},
            {"a truncated three-byte character", new byte[] {(byte) 0xE1, (byte) 0xBB}},
            {"a byte that never occurs in UTF-8", new byte[] {(byte) 0xFF}},
        }) {
            cases.add(new Case(
                    "invalid UTF-8: " + bytes[0],
                    TOPIC,
                    RawHttp.concat(
                            RawHttp.utf8("{\"values\":{\"pm25\":1},\"note\":\""),
                            (byte[]) bytes[1],
                            RawHttp.utf8("\"}")),
                    DeadLetterReason.BAD_JSON));
        }
        cases.add(new Case(
                "UTF-16 instead of UTF-8",
                TOPIC,
                "{\"values\":{\"pm25\":1}}".getBytes(StandardCharsets.UTF_16),
                DeadLetterReason.BAD_JSON));

        // Valid JSON of the wrong shape
        for (String[] text : new String[][] {
            {"a bare number", "42"},
            {"a bare string", "\"pm25\""},
            {"true", "true"},
            {"JSON null", "null"},
            {"an empty SenML pack", "[]"},
            {"a pack of numbers", "[1,2,3]"},
            {"no values", "{" + now + "}"},
            {"empty values", "{\"values\":{}}"},
            {"values as an array", "{\"values\":[35]}"},
            {"values as a number", "{\"values\":35}"},
            {"values as a string", "{\"values\":\"pm25=35\"}"},
            {"a SenML string value", "[{\"n\":\"pm25\",\"vs\":\"35\"}]"},
            {"a SenML boolean value", "[{\"n\":\"pm25\",\"vb\":true}]"},
            {"a SenML data value", "[{\"n\":\"pm25\",\"vd\":\"AQID\"}]"},
            {"a SenML sum", "[{\"n\":\"pm25\",\"s\":35}]"},
            {"a SenML base sum", "[{\"n\":\"pm25\",\"bs\":1,\"v\":35}]"},
            {"SenML version 11", "[{\"bver\":11,\"n\":\"pm25\",\"v\":35}]"},
            {"a must-understand SenML field", "[{\"n\":\"pm25\",\"v\":35,\"crit_\":1}]"},
            {"a SenML record that is not an object", "[{\"n\":\"pm25\",\"v\":35},7]"},
            {"a SenML record without a name", "[{\"v\":35}]"},
            {"a SenML name with a space", "[{\"n\":\"pm 25\",\"v\":35}]"},
            {"a SenML name starting with a dash", "[{\"n\":\"-pm25\",\"v\":35}]"},
            {"a SenML name of another device", "[{\"bn\":\"urn:dev:ioc:aq-ninh-kieu-01:\",\"n\":\"pm25\",\"v\":35}]"},
            {"a SenML name ending in a separator", "[{\"bn\":\"" + DEVICE + ":\",\"v\":35}]"},
            {"a SenML record without a value", "[{\"n\":\"pm25\"}]"},
            {"the same metric twice at one time in a pack", "[{\"n\":\"pm25\",\"v\":35},{\"n\":\"pm25\",\"v\":36}]"},
            {"a SenML name that is a number", "[{\"n\":25,\"v\":35}]"},
            {"a SenML unit that is a number", "[{\"n\":\"pm25\",\"u\":3,\"v\":35}]"},
        }) {
            cases.add(new Case(text[0], TOPIC, RawHttp.utf8(text[1]), DeadLetterReason.BAD_PAYLOAD));
        }

        // Values that are not finite numbers
        for (String[] text : new String[][] {
            {"NaN", "{\"values\":{\"pm25\":NaN}}"},
            {"Infinity", "{\"values\":{\"pm25\":Infinity}}"},
            {"-Infinity", "{\"values\":{\"pm25\":-Infinity}}"},
            {"a number in a string", "{\"values\":{\"pm25\":\"35.5\"}}"},
            {"null as a value", "{\"values\":{\"pm25\":null}}"},
            {"true as a value", "{\"values\":{\"pm25\":true}}"},
            {"an object as a value", "{\"values\":{\"pm25\":{\"v\":1}}}"},
            {"an array as a value", "{\"values\":{\"pm25\":[1]}}"},
            {"an empty string as a value", "{\"values\":{\"pm25\":\"\"}}"},
            {"a number beyond a double", "{\"values\":{\"pm25\":1e400}}"},
            {"SenML NaN", "[{\"n\":\"pm25\",\"v\":NaN}]"},
            {"SenML value in a string", "[{\"n\":\"pm25\",\"v\":\"35\"}]"},
            {"SenML base value NaN", "[{\"n\":\"pm25\",\"bv\":NaN,\"v\":1}]"},
            {"SenML value null", "[{\"n\":\"pm25\",\"v\":null}]"},
        }) {
            cases.add(new Case(text[0], TOPIC, RawHttp.utf8(text[1]), DeadLetterReason.NON_FINITE));
        }

        // Values outside the metric's range
        for (String[] text : new String[][] {
            {"a negative PM2.5", "{\"values\":{\"pm25\":-3}}"},
            {"PM2.5 of 1e300", "{\"values\":{\"pm25\":1e300}}"},
            {"PM2.5 just above its range", "{\"values\":{\"pm25\":1000.001}}"},
            {"a good PM2.5 with an impossible PM10", "{\"values\":{\"pm25\":10,\"pm10\":99999}}"},
            {"SenML value below range", "[{\"n\":\"pm25\",\"v\":-0.5}]"},
            {"SenML base value pushing a value out of range", "[{\"n\":\"pm25\",\"bv\":999,\"v\":5}]"},
        }) {
            cases.add(new Case(text[0], TOPIC, RawHttp.utf8(text[1]), DeadLetterReason.OUT_OF_RANGE));
        }

        // Metrics the device does not report
        for (String[] text : new String[][] {
            {"radon", "{\"values\":{\"radon\":1}}"},
            {"ozone, which this station has not", "{\"values\":{\"o3\":40}}"},
            {"SQL as a metric", "{\"values\":{\"pm25; DROP TABLE metric_agg_1m; --\":1}}"},
            {"an empty metric name", "{\"values\":{\"\":1}}"},
            {"a metric name with an escaped NUL", "{\"values\":{\"pm25\\u0000\":1}}"},
            {"a metric name of 10,000 characters", "{\"values\":{\"" + "m".repeat(10_000) + "\":1}}"},
            {"a metric in capitals", "{\"values\":{\"PM25\":1}}"},
            {"SenML unknown metric", "[{\"n\":\"co2\",\"v\":400}]"},
            {
                "SenML name with a path to an unknown metric",
                "[{\"bn\":\"urn:dev:ioc:" + DEVICE + ":\",\"n\":\"noise\",\"v\":1}]"
            },
        }) {
            cases.add(new Case(text[0], TOPIC, RawHttp.utf8(text[1]), DeadLetterReason.UNKNOWN_METRIC));
        }

        // Timestamps that are not instants, or far from now
        for (String[] text : new String[][] {
            {"ts yesterday in words", "{\"ts\":\"yesterday\",\"values\":{\"pm25\":1}}"},
            {"ts true", "{\"ts\":true,\"values\":{\"pm25\":1}}"},
            {"ts an object", "{\"ts\":{\"s\":1},\"values\":{\"pm25\":1}}"},
            {"ts a fraction", "{\"ts\":1.5,\"values\":{\"pm25\":1}}"},
            {"ts in 2030", "{\"ts\":\"2030-01-01T00:00:00Z\",\"values\":{\"pm25\":1}}"},
            {"ts in 1999", "{\"ts\":\"1999-01-01T00:00:00Z\",\"values\":{\"pm25\":1}}"},
            {"ts in year 999999999", "{\"ts\":\"+999999999-12-31T23:59:59Z\",\"values\":{\"pm25\":1}}"},
            {"ts epoch -1", "{\"ts\":-1,\"values\":{\"pm25\":1}}"},
            {"ts epoch milliseconds near the end of time", "{\"ts\":9223372036854775807,\"values\":{\"pm25\":1}}"},
            {"ts month 13", "{\"ts\":\"2026-13-01T00:00:00Z\",\"values\":{\"pm25\":1}}"},
            {"ts without a zone", "{\"ts\":\"2026-11-23T03:00:00\",\"values\":{\"pm25\":1}}"},
            {"ts with an escaped NUL", "{\"ts\":\"2026-11-23T03:00:00Z\\u0000\",\"values\":{\"pm25\":1}}"},
            {"SenML time NaN", "[{\"n\":\"pm25\",\"t\":NaN,\"v\":1}]"},
            {"SenML base time a string", "[{\"bt\":\"now\",\"n\":\"pm25\",\"v\":1}]"},
            {"SenML time 1e20 seconds", "[{\"n\":\"pm25\",\"t\":1e20,\"v\":1}]"},
            {"SenML time in 1999", "[{\"n\":\"pm25\",\"t\":915148800,\"v\":1}]"},
            {"SenML time an hour ahead", "[{\"n\":\"pm25\",\"t\":3600,\"v\":1}]"},
        }) {
            cases.add(new Case(text[0], TOPIC, RawHttp.utf8(text[1]), DeadLetterReason.BAD_TIMESTAMP));
        }

        // Units that are not the metric's
        for (String[] text : new String[][] {
            {"PM2.5 in ppm", "[{\"n\":\"pm25\",\"u\":\"ppm\",\"v\":1}]"},
            {"a base unit in kelvin", "[{\"bu\":\"K\",\"n\":\"pm25\",\"v\":1}]"},
            {"a unit with an escaped NUL", "[{\"n\":\"pm25\",\"u\":\"ug/m3\\u0000\",\"v\":1}]"},
        }) {
            cases.add(new Case(text[0], TOPIC, RawHttp.utf8(text[1]), DeadLetterReason.BAD_UNIT));
        }

        // Topics of devices the registry does not know, and topics that are not telemetry topics
        String good = "{\"values\":{\"pm25\":1}}";
        for (String device :
                new String[] {"aq-atlantis-01", "AQ-THOI-LAI-01", "aq-thoi-lai-01.", "x".repeat(64), "0", "_"}) {
            cases.add(new Case(
                    "unknown device " + device,
                    TelemetryTopic.of(device),
                    RawHttp.utf8(good),
                    DeadLetterReason.UNKNOWN_DEVICE));
        }
        for (String device : new String[] {"x".repeat(65), "aq thoi lai", "aq'; DROP TABLE--", "trạm-01", "a,b", ""}) {
            cases.add(new Case(
                    "a topic whose device id is '" + abbreviate(device) + "'",
                    TelemetryTopic.of(device),
                    RawHttp.utf8(good),
                    DeadLetterReason.BAD_TOPIC));
        }

        // Too large
        cases.add(new Case(
                "a payload over the size limit",
                TOPIC,
                RawHttp.utf8("{\"values\":{\"pm25\":1},\"pad\":\"" + "p".repeat(MAX_PAYLOAD) + "\"}"),
                DeadLetterReason.TOO_LARGE));
        return cases;
    }

    private static String abbreviate(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "…";
    }
}
