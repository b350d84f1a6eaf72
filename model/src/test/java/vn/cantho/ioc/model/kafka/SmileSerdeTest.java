package vn.cantho.ioc.model.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.model.Reading;

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
    void null_stays_null_and_garbage_is_a_serialization_error_naming_the_type() {
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
        assertThatThrownBy(() ->
                        serde.deserializer().deserialize("t", ":)\n\u0000garbage".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Reading");
    }
}
