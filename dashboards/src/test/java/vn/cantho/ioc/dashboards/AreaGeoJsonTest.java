package vn.cantho.ioc.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.model.registry.Area;
import vn.cantho.ioc.model.registry.DeviceRegistry;

/**
 * The district layer of the map ({@code model/src/main/resources/registry/areas.geojson}, next to the area
 * registry): valid GeoJSON (RFC 7946), one feature per registry area keyed by its code, each centroid inside its
 * own shape, marked schematic, and the path the map panel loads it from.
 */
class AreaGeoJsonTest {

    static final Path GEOJSON = Path.of("model", "src", "main", "resources", "registry", "areas.geojson");
    private static final JsonNode LAYER =
            GrafanaProvisioning.json(GrafanaProvisioning.repositoryRoot().resolve(GEOJSON));

    @Test
    void theLayerIsAFeatureCollectionOfClosedCounterClockwisePolygonsInWgs84() {
        assertThat(LAYER.path("type").asText()).isEqualTo("FeatureCollection");
        for (JsonNode feature : LAYER.path("features")) {
            assertThat(feature.path("type").asText()).isEqualTo("Feature");
            JsonNode geometry = feature.path("geometry");
            assertThat(geometry.path("type").asText()).isIn("Polygon", "MultiPolygon");
            JsonNode ring = geometry.path("coordinates").path(0);
            assertThat(ring.size()).as(feature.path("id").asText()).isGreaterThanOrEqualTo(4);
            assertThat(ring.get(0)).isEqualTo(ring.get(ring.size() - 1));
            for (JsonNode position : ring) {
                assertThat(position.get(0).asDouble()).isBetween(-180.0, 180.0);
                assertThat(position.get(1).asDouble()).isBetween(-90.0, 90.0);
            }
            // RFC 7946 §3.1.6: exterior rings are counterclockwise.
            assertThat(signedArea(ring)).as(feature.path("id").asText()).isPositive();
        }
    }

    @Test
    void everyRegistryAreaHasExactlyOneFeatureWhoseShapeHoldsItsCentroid() {
        // Given the area registry and the layer
        Map<String, JsonNode> byCode = new HashMap<>();
        for (JsonNode feature : LAYER.path("features")) {
            // Grafana's gazetteer looks markers up by the feature id; the code property says the same for GIS tools.
            assertThat(feature.path("id").asText())
                    .isEqualTo(feature.path("properties").path("code").asText());
            assertThat(byCode.put(feature.path("id").asText(), feature))
                    .as("duplicate " + feature.path("id"))
                    .isNull();
        }
        // Then each area has its feature, with the registry's name, holding the registry's centroid
        assertThat(byCode.keySet())
                .containsExactlyInAnyOrderElementsOf(DeviceRegistry.builtIn().areas().stream()
                        .map(Area::code)
                        .toList());
        for (Area area : DeviceRegistry.builtIn().areas()) {
            JsonNode feature = byCode.get(area.code());
            assertThat(feature.path("properties").path("name").asText()).isEqualTo(area.name());
            assertThat(contains(feature.path("geometry").path("coordinates").path(0), area.lon(), area.lat()))
                    .as(area.code() + " centroid inside its shape")
                    .isTrue();
        }
    }

    @Test
    void schematicShapesSaySoInTheFileAndInEveryFeature() {
        // The shapes are derived from the centroids, not surveyed: a leader must not take them for boundaries.
        if (LAYER.path("schematic").asBoolean(false)) {
            assertThat(LAYER.path("description").asText()).contains("SCHEMATIC").contains("NOT official");
            for (JsonNode feature : LAYER.path("features")) {
                assertThat(feature.path("properties").path("schematic").asBoolean())
                        .isTrue();
                assertThat(feature.path("properties").path("source").asText()).contains("SCHEMATIC");
            }
        }
    }

    @Test
    void theMapPanelLoadsTheLayerFromThePathGrafanaServesItAt() {
        JsonNode map = GrafanaProvisioning.dashboards().stream()
                .filter(d -> d.uid().equals("ioc-district-map"))
                .findFirst()
                .orElseThrow()
                .panels()
                .stream()
                .filter(p -> p.path("type").asText().equals("geomap"))
                .findFirst()
                .orElseThrow();
        JsonNode options = map.path("options");
        // No internet tiles: the base layer is the GeoJSON itself.
        assertThat(options.path("basemap").path("type").asText()).isEqualTo("geojson");
        assertThat(options.path("basemap").path("config").path("src").asText())
                .isEqualTo(ComposeFile.GRAFANA_GEOJSON_URL);
        for (JsonNode layer : options.path("layers")) {
            assertThat(layer.path("type").asText()).isNotIn("xyz", "carto", "osm-standard", "esri-xyz");
            assertThat(layer.path("location").path("gazetteer").asText()).isEqualTo(ComposeFile.GRAFANA_GEOJSON_URL);
        }
    }

    private static double signedArea(JsonNode ring) {
        double sum = 0;
        for (int i = 0; i + 1 < ring.size(); i++) {
            sum += ring.get(i).get(0).asDouble() * ring.get(i + 1).get(1).asDouble()
                    - ring.get(i + 1).get(0).asDouble() * ring.get(i).get(1).asDouble();
        }
        return sum / 2;
    }

    private static boolean contains(JsonNode ring, double x, double y) {
        boolean inside = false;
        for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            double xi = ring.get(i).get(0).asDouble(), yi = ring.get(i).get(1).asDouble();
            double xj = ring.get(j).get(0).asDouble(), yj = ring.get(j).get(1).asDouble();
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                inside = !inside;
            }
        }
        return inside;
    }
}
