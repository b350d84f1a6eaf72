package vn.cantho.ioc.model.registry;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.cantho.ioc.model.json.Json;

/**
 * Areas and devices, loaded from reference-data files ({@code areas.json}, {@code devices.json})
 * rather than code, and checked for consistency when loaded: unique ids, every device in a known
 * area, every metric in the {@link Metric} registry. Immutable.
 */
public final class DeviceRegistry {

    static final String AREAS_FILE = "areas.json";
    static final String DEVICES_FILE = "devices.json";
    private static final String BUILT_IN = "/registry/";

    /** Ids appear in MQTT topics and URLs: no separators, wildcards or spaces. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Map<String, Area> areas;
    private final Map<String, Device> devices;

    public DeviceRegistry(List<Area> areas, List<Device> devices) {
        this.areas = index(areas, Area::code, "area");
        this.devices = index(devices, Device::id, "device");
        for (Area area : areas) {
            requireId("area", area.code());
            if (area.name() == null || area.name().isBlank()) {
                throw new IllegalArgumentException("area " + area.code() + ": no name");
            }
            requireCoordinates("area " + area.code(), area.lat(), area.lon());
        }
        for (Device device : devices) {
            requireId("device", device.id());
            if (device.name() == null
                    || device.name().isBlank()
                    || device.type() == null
                    || device.type().isBlank()
                    || device.domain() == null) {
                throw new IllegalArgumentException("device " + device.id() + ": name, type and domain are required");
            }
            requireCoordinates("device " + device.id(), device.lat(), device.lon());
            if (!this.areas.containsKey(device.areaCode())) {
                throw new IllegalArgumentException("device " + device.id() + ": unknown area " + device.areaCode());
            }
            if (device.metrics() == null || device.metrics().isEmpty()) {
                throw new IllegalArgumentException("device " + device.id() + ": no metrics");
            }
            for (String metric : device.metrics()) {
                if (Metric.byId(metric).isEmpty()) {
                    throw new IllegalArgumentException("device " + device.id() + ": unknown metric " + metric);
                }
            }
        }
    }

    private static void requireId(String kind, String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(kind + " id '" + id
                    + "' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    private static void requireCoordinates(String what, double lat, double lon) {
        if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException(what + ": coordinates " + lat + ", " + lon + " are not on Earth");
        }
    }

    /** This registry with {@code device} added, or replacing the device with its id; checked like any registry. */
    public DeviceRegistry withDevice(Device device) {
        Map<String, Device> next = new LinkedHashMap<>(devices);
        next.put(device.id(), device);
        return new DeviceRegistry(List.copyOf(areas.values()), List.copyOf(next.values()));
    }

    /** This registry without the device {@code id} (readings from it are rejected from then on). */
    public DeviceRegistry withoutDevice(String id) {
        Map<String, Device> next = new LinkedHashMap<>(devices);
        next.remove(id);
        return new DeviceRegistry(List.copyOf(areas.values()), List.copyOf(next.values()));
    }

    /** This registry with {@code area} added, or replacing the area with its code. */
    public DeviceRegistry withArea(Area area) {
        Map<String, Area> next = new LinkedHashMap<>(areas);
        next.put(area.code(), area);
        return new DeviceRegistry(List.copyOf(next.values()), List.copyOf(devices.values()));
    }

    /** The registry shipped with the hub: the nine historical districts of central Cần Thơ. */
    public static DeviceRegistry builtIn() {
        return new DeviceRegistry(
                read(BUILT_IN + AREAS_FILE, new TypeReference<>() {}),
                read(BUILT_IN + DEVICES_FILE, new TypeReference<>() {}));
    }

    /** Loads {@code areas.json} and {@code devices.json} from {@code dir}. */
    public static DeviceRegistry fromDirectory(Path dir) {
        return new DeviceRegistry(
                read(dir.resolve(AREAS_FILE), new TypeReference<>() {}),
                read(dir.resolve(DEVICES_FILE), new TypeReference<>() {}));
    }

    public Optional<Device> device(String id) {
        return Optional.ofNullable(devices.get(id));
    }

    public Optional<Area> area(String code) {
        return Optional.ofNullable(areas.get(code));
    }

    public Collection<Device> devices() {
        return Collections.unmodifiableCollection(devices.values());
    }

    public Collection<Area> areas() {
        return Collections.unmodifiableCollection(areas.values());
    }

    private static <T> Map<String, T> index(List<T> items, java.util.function.Function<T, String> id, String kind) {
        Map<String, T> byId = new LinkedHashMap<>();
        for (T item : items) {
            String key = id.apply(item);
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException(kind + " without an id: " + item);
            }
            if (byId.put(key, item) != null) {
                throw new IllegalArgumentException("duplicate " + kind + " id " + key);
            }
        }
        return byId;
    }

    private static <T> T read(String resource, TypeReference<T> type) {
        try (InputStream in = DeviceRegistry.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing built-in registry file " + resource);
            }
            return Json.mapper().readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in registry file " + resource, e);
        }
    }

    private static <T> T read(Path file, TypeReference<T> type) {
        try (InputStream in = Files.newInputStream(file)) {
            return Json.mapper().readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read registry file " + file + ": " + e.getMessage(), e);
        }
    }
}
