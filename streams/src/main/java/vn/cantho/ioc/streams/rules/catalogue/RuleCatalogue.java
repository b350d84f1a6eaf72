package vn.cantho.ioc.streams.rules.catalogue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.IndicatorRegistry;

/**
 * The rules the hub evaluates, read from a JSON file ({@code rules/rules.json} on the class path, or
 * the file {@code RULES_FILE} names) and checked as a whole before anything runs: a rule that cannot
 * be read, an unknown property, a bad level, an unknown metric, device, indicator or feed — every
 * fault of every rule is reported at once, naming the rule and the field. Immutable.
 *
 * <p>The file is {@code {"version": 1, "defaults": {...}, "rules": [...]}}; a property given in
 * {@code defaults} applies to every rule that does not give it. See {@code docs/rules.md}.
 */
public final class RuleCatalogue {

    public static final String BUILT_IN = "/rules/rules.json";

    /** Strict: a misspelt property is a fault to report, not something to ignore silently. */
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    private final Map<String, CatalogueRule> byId;
    private final String source;

    private RuleCatalogue(List<CatalogueRule> rules, String source) {
        Map<String, CatalogueRule> map = new LinkedHashMap<>();
        rules.forEach(r -> map.put(r.id(), r));
        this.byId = Collections.unmodifiableMap(map);
        this.source = source;
    }

    /** The catalogue shipped with the hub. */
    public static RuleCatalogue builtIn(DeviceRegistry devices, IndicatorRegistry indicators, Set<String> feeds) {
        try (InputStream in = RuleCatalogue.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("missing built-in rule catalogue " + BUILT_IN);
            }
            return parse(in.readAllBytes(), "built-in " + BUILT_IN, devices, indicators, feeds);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in rule catalogue " + BUILT_IN, e);
        }
    }

    /** The catalogue in {@code file}. */
    public static RuleCatalogue fromFile(
            Path file, DeviceRegistry devices, IndicatorRegistry indicators, Set<String> feeds) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidCatalogueException(file.toString(), List.of("cannot read the file: " + e));
        }
        return parse(bytes, file.toString(), devices, indicators, feeds);
    }

    /**
     * Reads and checks a catalogue.
     *
     * @param feeds the feed ids of the feed registry, which rules on {@code feed} input must name
     * @throws InvalidCatalogueException listing every fault
     */
    public static RuleCatalogue parse(
            byte[] json, String source, DeviceRegistry devices, IndicatorRegistry indicators, Set<String> feeds) {
        JsonNode root;
        try {
            root = STRICT.readTree(json);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new InvalidCatalogueException(source, List.of("not valid JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InvalidCatalogueException(source, List.of("not valid JSON: " + e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject() || !root.path("rules").isArray()) {
            throw new InvalidCatalogueException(source, List.of("expected {\"version\": 1, \"rules\": [...]}"));
        }
        if (root.path("version").asInt() != 1) {
            problems.add("version: must be 1, was " + root.path("version"));
        }
        JsonNode defaults = root.path("defaults");
        List<CatalogueRule> rules = new ArrayList<>();
        int index = 0;
        for (JsonNode node : root.path("rules")) {
            String name = node.path("id").isTextual() ? "'" + node.path("id").asText() + "'" : "#" + index;
            index++;
            if (!node.isObject()) {
                problems.add("rule " + name + ": must be an object");
                continue;
            }
            ObjectNode merged = ((ObjectNode) node).deepCopy();
            defaults.fields().forEachRemaining(d -> {
                if (!merged.has(d.getKey())) {
                    merged.set(d.getKey(), d.getValue());
                }
            });
            try {
                rules.add(STRICT.treeToValue(merged, CatalogueRule.class));
            } catch (com.fasterxml.jackson.core.JacksonException e) {
                problems.add("rule " + name + ": cannot be read: "
                        + e.getOriginalMessage().replace('\n', ' ') + pathOf(e));
            }
        }
        problems.addAll(new CatalogueValidation(devices, indicators, feeds).problems(rules));
        if (!problems.isEmpty()) {
            throw new InvalidCatalogueException(source, problems);
        }
        return new RuleCatalogue(rules, source);
    }

    private static String pathOf(com.fasterxml.jackson.core.JacksonException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m
                && !m.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder(" (at ");
            for (var ref : m.getPath()) {
                path.append(ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]");
            }
            return path.append(')').toString();
        }
        return "";
    }

    public List<CatalogueRule> rules() {
        return List.copyOf(byId.values());
    }

    public Optional<CatalogueRule> rule(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Where the catalogue was read from, for logs. */
    public String source() {
        return source;
    }
}
