package vn.cantho.ioc.store.registry;

import java.util.function.UnaryOperator;
import vn.cantho.ioc.model.registry.Area;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.LiveRegistry;

/**
 * Admin changes to the device registry: each change is checked like any registry file (unknown area,
 * unknown metric, bad id or coordinates are refused with {@link IllegalArgumentException}), stored as a
 * new version on top of the version the admin saw, and put in force in this process at once; other
 * processes pick it up through their {@link RegistryRefresher}.
 */
public final class RegistryEditor {

    private final RegistryStore store;
    private final LiveRegistry live;

    public RegistryEditor(RegistryStore store, LiveRegistry live) {
        this.store = store;
        this.live = live;
    }

    /** Adds {@code device}, or replaces the device with its id. */
    public RegistryVersion putDevice(long basedOn, Device device, String actor) {
        return change(basedOn, registry -> registry.withDevice(device), actor, "put device " + device.id());
    }

    /**
     * Removes device {@code id}; its readings are dead-lettered as UNKNOWN_DEVICE from then on, and what it
     * sent before stays stored.
     *
     * @throws IllegalArgumentException if there is no such device
     */
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

    /** Adds {@code area}, or replaces the area with its code. */
    public RegistryVersion putArea(long basedOn, Area area, String actor) {
        return change(basedOn, registry -> registry.withArea(area), actor, "put area " + area.code());
    }

    private RegistryVersion change(long basedOn, UnaryOperator<DeviceRegistry> edit, String actor, String what) {
        if (basedOn != live.version()) {
            // This process already knows a newer version (or an older one is asked for): the admin must re-read.
            throw new VersionConflictException(basedOn, live.version());
        }
        DeviceRegistry next = edit.apply(live.get());
        RegistryVersion saved = store.save(basedOn, next, actor, what);
        live.offer(saved.version(), saved.registry());
        return saved;
    }
}
