package vn.cantho.ioc.api.registry;

import vn.cantho.ioc.model.registry.Area;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.store.registry.RegistryEditor;
import vn.cantho.ioc.store.registry.RegistryVersion;
import vn.cantho.ioc.store.registry.VersionConflictException;

/**
 * What the registry admin routes need: admins' changes, each stored as a new version on top of the version the
 * admin saw and put in force at once. Owned by the API so its routes can be tested with an in-memory fake;
 * production stores versions in PostgreSQL through {@link RegistryEditor}.
 *
 * <p>Every change throws {@link VersionConflictException} when {@code basedOn} is not the version in force, and
 * {@link IllegalArgumentException} when the registry would become invalid (unknown area, unknown device, ...).
 */
public interface RegistryBackend {

    /** Adds {@code device}, or replaces the device with its id. */
    RegistryVersion putDevice(long basedOn, Device device, String actor);

    /** Removes device {@code id}. */
    RegistryVersion removeDevice(long basedOn, String id, String actor);

    /** Adds {@code area}, or replaces the area with its code. */
    RegistryVersion putArea(long basedOn, Area area, String actor);

    /** Changes stored in the database and put in force in this process. */
    static RegistryBackend of(RegistryEditor editor) {
        return new RegistryBackend() {
            @Override
            public RegistryVersion putDevice(long basedOn, Device device, String actor) {
                return editor.putDevice(basedOn, device, actor);
            }

            @Override
            public RegistryVersion removeDevice(long basedOn, String id, String actor) {
                return editor.removeDevice(basedOn, id, actor);
            }

            @Override
            public RegistryVersion putArea(long basedOn, Area area, String actor) {
                return editor.putArea(basedOn, area, actor);
            }
        };
    }
}
