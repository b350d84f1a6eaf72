package vn.cantho.ioc.store.registry;

import java.time.Instant;
import vn.cantho.ioc.model.registry.DeviceRegistry;

/**
 * One stored version of the device registry.
 *
 * @param version   1, 2, ... ; 0 stands for the shipped files, before any change through the API
 * @param registry  the areas and devices of this version
 * @param changedBy who made it (token label or id)
 * @param change    what changed, e.g. {@code put device wl-can-tho-02}
 * @param changedAt when
 */
public record RegistryVersion(
        long version, DeviceRegistry registry, String changedBy, String change, Instant changedAt) {}
