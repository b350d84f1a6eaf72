package vn.cantho.ioc.model.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.cantho.ioc.model.json.Json;

/**
 * The registry of derived indicators and department KPIs (VN_AQI, flood alert level, on-time rate of
 * dossiers, ...), loaded from {@code indicators.json} and checked when loaded: unique ids, every
 * required field present, a target only with a polarity. Measured sensor metrics are in {@link Metric}.
 * Immutable.
 */
public final class IndicatorRegistry {

    static final String FILE = "indicators.json";
    private static final String BUILT_IN = "/registry/" + FILE;

    private final Map<String, IndicatorDefinition> byId = new LinkedHashMap<>();

    public IndicatorRegistry(List<IndicatorDefinition> definitions) {
        List<String> problems = new ArrayList<>();
        for (IndicatorDefinition d : definitions) {
            String name = d.id() == null || d.id().isBlank() ? "(indicator without id)" : "indicator " + d.id();
            if (d.id() != null && byId.putIfAbsent(d.id(), d) != null) {
                problems.add("duplicate indicator id " + d.id());
            }
            requirePresent(problems, name, "label", d.label());
            requirePresent(problems, name, "unit", d.unit());
            requirePresent(problems, name, "domain", d.domain());
            requirePresent(problems, name, "scope", d.scope());
            requirePresent(problems, name, "granularity", d.granularity());
            requirePresent(problems, name, "aggregation", d.aggregation());
            requirePresent(problems, name, "source", d.source());
            if (d.target() != null && (d.polarity() == null || !Double.isFinite(d.target()))) {
                problems.add(name + ": a target needs a polarity and must be a finite number");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid indicator registry: " + String.join("; ", problems));
        }
    }

    private static void requirePresent(List<String> problems, String name, String field, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            problems.add(name + ": missing " + field);
        }
    }

    /** The definitions shipped with the hub. */
    public static IndicatorRegistry builtIn() {
        try (InputStream in = IndicatorRegistry.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("missing built-in registry file " + BUILT_IN);
            }
            return parse(Json.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in registry file " + BUILT_IN, e);
        }
    }

    /** Loads {@code indicators.json} from {@code dir}. */
    public static IndicatorRegistry fromDirectory(Path dir) {
        Path file = dir.resolve(FILE);
        try (InputStream in = Files.newInputStream(file)) {
            return parse(Json.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read registry file " + file + ": " + e.getMessage(), e);
        }
    }

    private static IndicatorRegistry parse(JsonNode root) throws IOException {
        List<IndicatorDefinition> definitions = new ArrayList<>();
        for (JsonNode node : root.path("indicators")) {
            definitions.add(Json.mapper().treeToValue(node, IndicatorDefinition.class));
        }
        return new IndicatorRegistry(definitions);
    }

    public Optional<IndicatorDefinition> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The definition of {@code id}; for code that names a shipped indicator, so a missing one is a bug. */
    public IndicatorDefinition require(String id) {
        return byId(id).orElseThrow(() -> new IllegalStateException("indicator " + id + " is not in the registry"));
    }

    public Collection<IndicatorDefinition> all() {
        return Collections.unmodifiableCollection(byId.values());
    }

    public List<IndicatorDefinition> forDomain(Domain domain) {
        return byId.values().stream().filter(d -> d.domain() == domain).toList();
    }
}
