package vn.cantho.ioc.api.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AreaShapesTest {

    @Test
    void the_built_in_shapes_are_the_model_s_areas_geojson_byte_for_byte() throws IOException {
        byte[] shipped =
                Files.readAllBytes(Path.of("..", "model", "src", "main", "resources", "registry", "areas.geojson"));

        assertThat(AreaShapes.builtIn().geoJson()).isEqualTo(shipped);
    }

    @Test
    void a_registry_directory_s_own_file_replaces_them_and_one_without_keeps_the_built_in(@TempDir Path dir)
            throws IOException {
        // Given: a directory without areas.geojson
        assertThat(AreaShapes.fromDirectory(dir).geoJson())
                .isEqualTo(AreaShapes.builtIn().geoJson());

        // When: the city drops its export there
        String city = "{\"type\":\"FeatureCollection\",\"features\":[]}";
        Files.writeString(dir.resolve("areas.geojson"), city);

        // Then
        assertThat(new String(AreaShapes.fromDirectory(dir).geoJson(), StandardCharsets.UTF_8))
                .isEqualTo(city);
    }

    @Test
    void a_file_that_is_not_a_feature_collection_is_refused_at_start_naming_it(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("areas.geojson"), "{\"type\":\"Feature\"}");
        assertThatThrownBy(() -> AreaShapes.fromDirectory(dir))
                .hasMessageContaining("areas.geojson")
                .hasMessageContaining("FeatureCollection");

        Files.writeString(dir.resolve("areas.geojson"), "{not json");
        assertThatThrownBy(() -> AreaShapes.fromDirectory(dir)).hasMessageContaining("is not JSON");
    }
}
