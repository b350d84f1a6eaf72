package vn.cantho.ioc.model.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.model.Aggregate;
import vn.cantho.ioc.model.DeadLetter;
import vn.cantho.ioc.model.DeadLetterReason;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.Scope;

class TopicsTest {

    @Test
    void topic_names_are_unique_and_versioned() {
        assertThat(Topics.all())
                .extracting(Topic::name)
                .doesNotHaveDuplicates()
                .allMatch(n -> n.matches("ioc\\..+\\.v\\d+"));
    }

    @Test
    void reading_round_trips_through_its_serde() {
        Reading reading = new Reading(
                Reading.SCHEMA_VERSION,
                "aq-1",
                Instant.parse("2026-11-23T03:00:00Z"),
                Map.of("pm25", 35.5),
                Instant.parse("2026-11-23T03:00:01Z"),
                "ioc/v1/devices/aq-1/telemetry");

        byte[] bytes = Topics.TELEMETRY.valueSerde().serializer().serialize("t", reading);

        assertThat(Topics.TELEMETRY.valueSerde().deserializer().deserialize("t", bytes))
                .isEqualTo(reading);
    }

    @Test
    void aggregate_json_carries_its_average_and_scope_id() {
        Aggregate aggregate = new Aggregate(
                1,
                Scope.AREA,
                "cai-rang",
                "pm10",
                "environment",
                "cai-rang",
                Instant.parse("2026-11-23T03:00:00Z"),
                Instant.parse("2026-11-23T03:01:00Z"),
                4,
                100,
                10,
                40,
                30);

        String json = new String(Topics.AGGREGATES_1M.valueSerde().serializer().serialize("t", aggregate));

        assertThat(json).contains("\"avg\":25.0").contains("\"scope\":\"area\"");
        assertThat(Topics.AGGREGATES_1M.valueSerde().deserializer().deserialize("t", json.getBytes()))
                .isEqualTo(aggregate);
        assertThat(aggregate.key())
                .isEqualTo("area|cai-rang|pm10|"
                        + Instant.parse("2026-11-23T03:00:00Z").toEpochMilli());
    }

    @Test
    void dead_letter_keeps_the_original_bytes() {
        byte[] original = {(byte) 0xff, 0x00, '{'};
        DeadLetter letter = DeadLetter.of(
                DeadLetterReason.BAD_JSON, "not JSON", "ioc/v1/devices/a/telemetry", original, Instant.EPOCH);

        DeadLetter back = Topics.DEAD_LETTER
                .valueSerde()
                .deserializer()
                .deserialize("t", Topics.DEAD_LETTER.valueSerde().serializer().serialize("t", letter));

        assertThat(back.payload()).isEqualTo(original);
        assertThat(back.reason()).isEqualTo(DeadLetterReason.BAD_JSON);
    }
}
