package vn.cantho.ioc.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cantho.ioc.model.registry.Domain;

class FeedRegistryTest {

    private static final Department CONG_AN = new Department("cong-an", "Công an thành phố Cần Thơ");

    @Test
    void the_built_in_registry_covers_every_department_fed_domain() {
        // When
        FeedRegistry registry = FeedRegistry.builtIn();

        // Then
        Set<String> domains =
                registry.feeds().stream().map(FeedDefinition::domain).collect(Collectors.toSet());
        assertThat(domains)
                .containsExactlyInAnyOrder(
                        Domain.SOCIOECONOMIC.id(),
                        Domain.GOVERNMENT.id(),
                        Domain.CITIZEN_FEEDBACK.id(),
                        Domain.ONLINE_INFO.id(),
                        Domain.CYBERSECURITY.id(),
                        Domain.TOURISM.id(),
                        Domain.SECURITY_TRAFFIC.id());
        assertThat(registry.departments())
                .extracting(Department::id)
                .containsExactly(
                        "thong-ke", "trung-tam-phuc-vu-hcc", "tong-dai-1022", "so-khcn", "so-vhttdl", "cong-an");
        assertThat(registry.departments())
                .allSatisfy(d -> assertThat(registry.feedsOf(d.id())).isNotEmpty());
        assertThat(registry.feed("traffic-safety-daily")).get().satisfies(feed -> {
            assertThat(feed.department()).isEqualTo("cong-an");
            assertThat(feed.cadence()).isEqualTo(Cadence.DAILY);
            assertThat(feed.key()).containsExactly("date", "area_code");
            assertThat(feed.field("deaths").orElseThrow().metric()).isEqualTo("traffic_deaths");
        });
        assertThat(registry.feed("socioeconomic-quarterly").orElseThrow().cadence())
                .isEqualTo(Cadence.QUARTERLY);
        assertThat(registry.feed("social-listening-hourly").orElseThrow().cadence())
                .isEqualTo(Cadence.HOURLY);
        assertThat(registry.feed("hotline-1022-reports").orElseThrow().cadence())
                .isEqualTo(Cadence.EVENT);
        assertThat(registry.feed("hotline-1022-reports").orElseThrow().fields())
                .filteredOn(FieldSpec::text)
                .extracting(FieldSpec::name)
                .contains("summary", "ward");
    }

    @Test
    void a_registry_directory_replaces_the_built_in_feeds(@TempDir Path dir) throws Exception {
        // Given
        Files.writeString(dir.resolve("feeds.json"), """
                {"version": 1,
                 "departments": [{"id": "cong-an", "name": "Công an thành phố Cần Thơ"}],
                 "feeds": [{"id": "violations", "name": "Vi phạm", "department": "cong-an",
                   "domain": "security_traffic", "cadence": "daily", "key": ["date"], "time": "date", "maxRows": 10,
                   "fields": [{"name": "date", "type": "date", "label": "Ngày", "required": true},
                              {"name": "count", "type": "int", "label": "Số", "metric": "violations_test"}]}]}
                """, StandardCharsets.UTF_8);

        // When
        FeedRegistry registry = FeedRegistry.fromDirectory(dir);

        // Then
        assertThat(registry.feeds()).extracting(FeedDefinition::id).containsExactly("violations");
        assertThat(registry.department("cong-an")).contains(CONG_AN);
    }

    @Test
    void a_misspelt_property_in_the_registry_file_is_an_error_naming_it(@TempDir Path dir) throws Exception {
        // Given
        Files.writeString(dir.resolve("feeds.json"), """
                {"version": 1, "departments": [], "feeds": [], "feedz": []}
                """);

        // Then
        assertThatThrownBy(() -> FeedRegistry.fromDirectory(dir)).hasMessageContaining("feedz");
    }

    @Test
    void inconsistent_feed_definitions_are_refused_with_the_feed_and_field_named() {
        FieldSpec date = field("date", FieldType.DATE, true, null);
        FieldSpec count = field("count", FieldType.INT, false, "m_count");

        assertThatThrownBy(() -> registry(feed("f", "nobody", List.of("date"), "date", date)))
                .hasMessageContaining("feed f")
                .hasMessageContaining("unknown department nobody");
        assertThatThrownBy(() -> registry(feed("f", "cong-an", List.of("count"), "date", date, count)))
                .hasMessageContaining("key field count must be required");
        assertThatThrownBy(() -> registry(feed("f", "cong-an", List.of("date"), "count", date, count)))
                .hasMessageContaining("time field count must be a required date or datetime");
        assertThatThrownBy(() -> registry(
                        feed("f", "cong-an", List.of("date"), "date", date, count),
                        feed("g", "cong-an", List.of("date"), "date", date, count)))
                .hasMessageContaining("metric m_count is already published by f.count");
        assertThatThrownBy(() -> registry(feed(
                        "f", "cong-an", List.of("date"), "date", date, field("pm", FieldType.NUMBER, false, "pm25"))))
                .hasMessageContaining("pm25 is already a sensor metric");
        assertThatThrownBy(() -> registry(feed("F!", "cong-an", List.of("date"), "date", date)))
                .hasMessageContaining("feed id 'F!'");
        assertThatThrownBy(() -> registry(feed("f", "cong-an", List.of("date"), "date", date, date)))
                .hasMessageContaining("duplicate field date");
        assertThatThrownBy(() -> registry(feed(
                        "f",
                        "cong-an",
                        List.of("date"),
                        "date",
                        date,
                        new FieldSpec("t", FieldType.INT, "x", null, false, true, null, null, null, null, null))))
                .hasMessageContaining("only string fields can be text");
    }

    private static FeedRegistry registry(FeedDefinition... feeds) {
        return new FeedRegistry(List.of(CONG_AN), List.of(feeds));
    }

    private static FeedDefinition feed(
            String id, String department, List<String> key, String time, FieldSpec... fields) {
        return new FeedDefinition(
                id,
                "Feed " + id,
                department,
                "security_traffic",
                Cadence.DAILY,
                null,
                key,
                time,
                null,
                10,
                null,
                List.of(fields));
    }

    private static FieldSpec field(String name, FieldType type, boolean required, String metric) {
        return new FieldSpec(name, type, name, null, required, false, metric, null, null, null, null);
    }
}
