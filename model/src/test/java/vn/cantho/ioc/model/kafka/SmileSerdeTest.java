package vn.cantho.ioc.model.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.json.Json;

class SmileSerdeTest {

    private static final Reading READING = new Reading(
            1,
            "aq-ninh-kieu-01",
            Instant.parse("2026-12-06T02:30:00.250Z"),
            Map.of("pm25", 41.5, "pm10", 63.0, "no2", 18.25),
            Instant.parse("2026-12-06T02:30:01Z"),
            "mqtt");

    private final SmileSerde<Reading> serde = new SmileSerde<>(Reading.class);

    @Test
    void a_record_written_as_smile_reads_back_equal_and_is_smaller_than_its_json() {
        // When
        byte[] smile = serde.serializer().serialize("t", READING);
        byte[] json = new JsonSerde<>(Reading.class).serializer().serialize("t", READING);

        // Then
        assertThat(SmileSerde.isSmile(smile)).isTrue();
        assertThat(serde.deserializer().deserialize("t", smile)).isEqualTo(READING);
        assertThat(smile.length).isLessThan(json.length);
    }

    @Test
    void json_text_written_before_the_switch_still_reads() {
        // Given a changelog record from before state stores were Smile
        byte[] json = new JsonSerde<>(Reading.class).serializer().serialize("t", READING);

        // Then
        assertThat(SmileSerde.isSmile(json)).isFalse();
        assertThat(serde.deserializer().deserialize("t", json)).isEqualTo(READING);
    }

    @Test
    void instants_are_written_as_epoch_nanoseconds_and_read_back_exactly() throws Exception {
        // Given an instant with nanoseconds, as an ISO timestamp from a device may carry
        Reading precise = at(Instant.parse("2026-12-06T02:30:00.123456789Z"));

        // When
        byte[] smile = serde.serializer().serialize("t", precise);

        // Then
        JsonNode tree = Json.smileMapper().readTree(smile);
        assertThat(tree.get("ts").isIntegralNumber()).isTrue();
        assertThat(tree.get("ts").longValue()).isEqualTo(1_796_524_200_123_456_789L);
        assertThat(serde.deserializer().deserialize("t", smile)).isEqualTo(precise);
    }

    @Test
    void smile_written_with_iso_instants_before_the_switch_still_reads() throws Exception {
        // Given state written when Smile still carried instants as ISO text
        ObjectMapper before = new ObjectMapper(new SmileFactory())
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        byte[] old = before.writeValueAsBytes(READING);

        // Then
        assertThat(Json.smileMapper().readTree(old).get("ts").isTextual()).isTrue();
        assertThat(serde.deserializer().deserialize("t", old)).isEqualTo(READING);
    }

    @Test
    void instants_beyond_the_nanosecond_range_are_written_as_text_and_read_back() {
        for (String ts : new String[] {"2300-01-01T00:00:00Z", "1677-09-21T00:12:43.5Z", "1600-01-01T00:00:00Z"}) {
            // Given
            Reading outside = at(Instant.parse(ts));

            // Then
            assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", outside)))
                    .isEqualTo(outside);
        }
    }

    @Test
    void null_stays_null_and_garbage_is_a_serialization_error_naming_the_type() {
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
        assertThatThrownBy(() ->
                        serde.deserializer().deserialize("t", ":)\n\u0000garbage".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Reading");
    }

    private static Reading at(Instant ts) {
        return new Reading(
                READING.schemaVersion(), READING.deviceId(), ts, READING.values(), READING.receivedAt(), "mqtt");
    }
}
