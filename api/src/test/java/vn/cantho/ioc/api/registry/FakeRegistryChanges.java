package vn.cantho.ioc.api.registry;

import java.time.Instant;
import java.util.function.UnaryOperator;
import vn.cantho.ioc.model.registry.Area;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.LiveRegistry;
import vn.cantho.ioc.store.registry.RegistryVersion;
import vn.cantho.ioc.store.registry.VersionConflictException;

/**
 * Registry changes kept in memory: each is checked by the registry itself, numbered one above the version in force
 * and put in force at once, and refused with a conflict when based on another version than the one in force — the
 * contract of {@link RegistryBackend} without the database.
 */
public final class FakeRegistryChanges implements RegistryBackend {

    private static final Instant CHANGED_AT = Instant.parse("2026-11-23T03:00:00Z");

    private final LiveRegistry live;

    public FakeRegistryChanges(LiveRegistry live) {
        this.live = live;
    }

    @Override
    public RegistryVersion putDevice(long basedOn, Device device, String actor) {
        return change(basedOn, registry -> registry.withDevice(device), actor, "put device " + device.id());
    }

    @Override
    public RegistryVersion removeDevice(long basedOn, String id, String actor) {
        return change(
                basedOn,
                registry -> {
                    if (registry.device(id).isEmpty()) {
                        throw new IllegalArgumentException("no device '" + id + "'");
                    }
                    return registry.withoutDevice(id);
                },
                actor,
                "remove device " + id);
    }

    @Override
    public RegistryVersion putArea(long basedOn, Area area, String actor) {
        return change(basedOn, registry -> registry.withArea(area), actor, "put area " + area.code());
    }

    private synchronized RegistryVersion change(
            long basedOn, UnaryOperator<DeviceRegistry> edit, String actor, String what) {
        if (basedOn != live.version()) {
            throw new VersionConflictException(basedOn, live.version());
        }
        RegistryVersion saved = new RegistryVersion(basedOn + 1, edit.apply(live.get()), actor, what, CHANGED_AT);
        live.offer(saved.version(), saved.registry());
        return saved;
    }
}
