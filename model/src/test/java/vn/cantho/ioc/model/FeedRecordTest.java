package vn.cantho.ioc.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.model.kafka.Topics;

class FeedRecordTest {

    @Test
    void a_feed_record_round_trips_through_its_topic_serde_with_typed_fields() throws Exception {
        // Given
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("date", "2026-10-31");
        fields.put("area_code", "ninh-kieu");
        fields.put("accidents", 3L);
        fields.put("fines", 12.5);
        fields.put("verified", true);
        FeedRecord record = new FeedRecord(
                FeedRecord.SCHEMA_VERSION,
                "traffic-safety-daily",
                "cong-an",
                "security_traffic",
                "2026-10-31|ninh-kieu",
                Instant.parse("2026-10-30T17:00:00Z"),
                "2026-10-31",
                "ninh-kieu",
                fields,
                Map.of("traffic_accidents", 3.0),
                Instant.parse("2026-11-01T01:00:00Z"),
                "feeds/traffic-safety-daily/token/1",
                Map.of("note", "TCVN3"));

        // When
        byte[] bytes = Topics.FEED_RECORDS.valueSerde().serializer().serialize("t", record);
        FeedRecord back = Topics.FEED_RECORDS.valueSerde().deserializer().deserialize("t", bytes);

        // Then
        JsonNode json = Json.mapper().readTree(bytes);
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.get("ts").asText()).isEqualTo("2026-10-30T17:00:00Z");
        assertThat(json.get("fields").get("accidents").isIntegralNumber()).isTrue();
        assertThat(back.key()).isEqualTo("traffic-safety-daily|2026-10-31|ninh-kieu");
        assertThat(back.metrics()).containsEntry("traffic_accidents", 3.0);
        assertThat(back.conversions()).containsEntry("note", "TCVN3");
        assertThat(((Number) back.fields().get("accidents")).longValue()).isEqualTo(3L);
        assertThat(back.fields().get("verified")).isEqualTo(true);
    }

    @Test
    void the_feed_records_topic_is_registered_and_compacted() {
        assertThat(Topics.all()).contains(Topics.FEED_RECORDS);
        assertThat(Topics.FEED_RECORDS.name()).isEqualTo("ioc.feed-records.v1");
        assertThat(Topics.FEED_RECORDS.compacted()).isTrue();
    }
}
