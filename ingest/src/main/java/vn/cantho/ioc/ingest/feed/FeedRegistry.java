package vn.cantho.ioc.ingest.feed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.model.registry.Domain;
import vn.cantho.ioc.model.registry.Metric;

/**
 * The departments and their feeds, loaded from reference data ({@code feeds.json}) rather than code,
 * and checked when loaded: unique ids, known departments and domains, key and time fields that exist
 * and are required, metric ids unique and not clashing with sensor metrics. Immutable.
 */
public final class FeedRegistry {

    /** The file name looked for in a registry directory. */
    public static final String FILE = "feeds.json";

    private static final String BUILT_IN = "/feeds/" + FILE;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern FIELD_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final Pattern METRIC_ID = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final Set<String> LEGACY_ENCODINGS = Set.of("TCVN3", "VNI_WINDOWS", "WINDOWS_1258");
    /** Strict: a misspelt property in the registry file is an error, not silently ignored. */
    private static final ObjectMapper STRICT =
            Json.mapper().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The file's shape. */
    record File(int version, List<Department> departments, List<FeedDefinition> feeds) {}

    private final Map<String, Department> departments;
    private final Map<String, FeedDefinition> feeds;

    public FeedRegistry(List<Department> departments, List<FeedDefinition> feeds) {
        this.departments = new LinkedHashMap<>();
        for (Department department : nonNull(departments)) {
            require(
                    department.id() != null && ID.matcher(department.id()).matches(),
                    "department id '" + department.id() + "' must be 1-64 of a-z, 0-9 and -");
            require(
                    department.name() != null && !department.name().isBlank(),
                    "department " + department.id() + ": name is empty");
            require(
                    this.departments.put(department.id(), department) == null,
                    "duplicate department " + department.id());
        }
        this.feeds = new LinkedHashMap<>();
        Map<String, String> metricOwners = new HashMap<>();
        for (FeedDefinition feed : nonNull(feeds)) {
            validate(feed, metricOwners);
            require(this.feeds.put(feed.id(), feed) == null, "duplicate feed " + feed.id());
        }
    }

    /** The registry shipped with the hub: Cần Thơ's department-fed domains. */
    public static FeedRegistry builtIn() {
        try (InputStream in = FeedRegistry.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("missing built-in feed registry " + BUILT_IN);
            }
            return of(STRICT.readValue(in, File.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in feed registry " + BUILT_IN + ": " + e.getMessage(), e);
        }
    }

    /** Loads {@code feeds.json} from {@code dir}. */
    public static FeedRegistry fromDirectory(Path dir) {
        Path file = dir.resolve(FILE);
        try (InputStream in = Files.newInputStream(file)) {
            return of(STRICT.readValue(in, File.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read feed registry " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("feed registry " + file + ": " + e.getMessage(), e);
        }
    }

    private static FeedRegistry of(File file) {
        require(file.version() == 1, "unsupported feed registry version " + file.version() + "; expected 1");
        return new FeedRegistry(file.departments(), file.feeds());
    }

    public Optional<FeedDefinition> feed(String id) {
        return Optional.ofNullable(feeds.get(id));
    }

    public Optional<Department> department(String id) {
        return Optional.ofNullable(departments.get(id));
    }

    public Collection<FeedDefinition> feeds() {
        return Collections.unmodifiableCollection(feeds.values());
    }

    public Collection<Department> departments() {
        return Collections.unmodifiableCollection(departments.values());
    }

    public List<FeedDefinition> feedsOf(String departmentId) {
        return feeds.values().stream()
                .filter(f -> f.department().equals(departmentId))
                .toList();
    }

    private void validate(FeedDefinition feed, Map<String, String> metricOwners) {
        require(
                feed.id() != null && ID.matcher(feed.id()).matches(),
                "feed id '" + feed.id() + "' must be 1-64 of a-z, 0-9 and -");
        String where = "feed " + feed.id() + ": ";
        require(feed.name() != null && !feed.name().isBlank(), where + "name is empty");
        require(
                feed.department() != null && departments.containsKey(feed.department()),
                where + "unknown department " + feed.department());
        try {
            Domain.of(feed.domain());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
        require(feed.cadence() != null, where + "cadence is missing");
        require(feed.maxRows() >= 1, where + "maxRows must be at least 1");
        require(
                feed.legacyEncoding() == null || LEGACY_ENCODINGS.contains(feed.legacyEncoding()),
                where + "legacyEncoding must be one of " + LEGACY_ENCODINGS);
        require(!feed.fields().isEmpty(), where + "no fields");
        Set<String> names = new HashSet<>();
        for (FieldSpec field : feed.fields()) {
            validate(feed, field, metricOwners);
            require(names.add(field.name()), where + "duplicate field " + field.name());
        }
        require(!feed.key().isEmpty(), where + "no key fields");
        require(new HashSet<>(feed.key()).size() == feed.key().size(), where + "a key field is listed twice");
        for (String keyField : feed.key()) {
            FieldSpec field = feed.field(keyField)
                    .orElseThrow(
                            () -> new IllegalArgumentException(where + "key field " + keyField + " is not a field"));
            require(field.required(), where + "key field " + keyField + " must be required");
            require(
                    field.type() != FieldType.NUMBER && field.type() != FieldType.BOOL,
                    where + "key field " + keyField + " must be a string, int, date or datetime");
        }
        FieldSpec time = feed.field(String.valueOf(feed.time()))
                .orElseThrow(
                        () -> new IllegalArgumentException(where + "time field " + feed.time() + " is not a field"));
        require(
                time.type().isTime() && time.required(),
                where + "time field " + time.name() + " must be a required date or datetime");
        require(
                feed.cadence() != Cadence.HOURLY || time.type() == FieldType.DATETIME,
                where + "an hourly feed needs a datetime time field");
        if (feed.area() != null) {
            FieldSpec area = feed.field(feed.area())
                    .orElseThrow(() ->
                            new IllegalArgumentException(where + "area field " + feed.area() + " is not a field"));
            require(
                    area.type() == FieldType.STRING && !area.text(),
                    where + "area field " + area.name() + " must be a string code field");
        }
    }

    private static void validate(FeedDefinition feed, FieldSpec field, Map<String, String> metricOwners) {
        String where = "feed " + feed.id() + ", field " + field.name() + ": ";
        require(
                field.name() != null && FIELD_NAME.matcher(field.name()).matches(),
                "feed " + feed.id() + ": field name '" + field.name()
                        + "' must be 1-64 of a-z, 0-9 and _, starting with a letter");
        require(field.type() != null, where + "type is missing");
        require(!field.text() || field.type() == FieldType.STRING, where + "only string fields can be text");
        require(field.values().isEmpty() || field.type() == FieldType.STRING, where + "only string fields have values");
        require(
                field.maxLength() == null || field.type() == FieldType.STRING && field.maxLength() >= 1,
                where + "maxLength applies to string fields and must be at least 1");
        require(
                field.min() == null && field.max() == null || field.type().isNumeric(),
                where + "min and max apply to int and number fields");
        require(field.min() == null || field.max() == null || field.min() <= field.max(), where + "min > max");
        if (field.metric() != null) {
            require(field.type().isNumeric(), where + "only int and number fields map to metrics");
            require(
                    METRIC_ID.matcher(field.metric()).matches(),
                    where + "metric id '" + field.metric() + "' must be 1-64 of a-z, 0-9 and _");
            require(
                    Metric.byId(field.metric()).isEmpty(),
                    where + "metric " + field.metric() + " is already a sensor metric");
            String owner = metricOwners.putIfAbsent(field.metric(), feed.id() + "." + field.name());
            require(owner == null, where + "metric " + field.metric() + " is already published by " + owner);
        }
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
