package vn.cantho.ioc.api.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.cantho.ioc.model.json.Json;

/**
 * The areas' shapes for the console's district map: the same {@code areas.geojson} data file Grafana's map
 * serves (next to {@code areas.json}), read once and handed to browsers as it is, so replacing the file with
 * the city's GIS export changes both maps and no coordinates live in the page.
 */
public final class AreaShapes {

    static final String FILE = "areas.geojson";
    private static final String BUILT_IN = "/registry/" + FILE;

    private final byte[] geoJson;

    private AreaShapes(byte[] geoJson, String source) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(geoJson);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + " is not JSON: " + e.getMessage(), e);
        }
        if (root == null
                || !"FeatureCollection".equals(root.path("type").asText())
                || !root.path("features").isArray()) {
            throw new IllegalArgumentException(source + " is not a GeoJSON FeatureCollection");
        }
        this.geoJson = geoJson;
    }

    /** The schematic shapes of the nine districts shipped with the hub (model's {@code registry/areas.geojson}). */
    public static AreaShapes builtIn() {
        try (InputStream in = AreaShapes.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException(BUILT_IN + " missing from the classpath");
            }
            return new AreaShapes(in.readAllBytes(), BUILT_IN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code areas.geojson} of a registry directory ({@code REGISTRY_DIR}), else the built-in shapes. */
    public static AreaShapes fromDirectory(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return builtIn();
        }
        try {
            return new AreaShapes(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The GeoJSON document, byte for byte as stored. */
    public byte[] geoJson() {
        return geoJson.clone();
    }
}
