package vn.cantho.ioc.api.registry;

import java.util.List;
import vn.cantho.ioc.model.registry.Device;

/** A device as the API shows it. */
public record DeviceView(
        String id,
        String name,
        String type,
        String domain,
        String areaCode,
        double lat,
        double lon,
        String owner,
        List<String> metrics) {

    static DeviceView of(Device device) {
        return new DeviceView(
                device.id(),
                device.name(),
                device.type(),
                device.domain().id(),
                device.areaCode(),
                device.lat(),
                device.lon(),
                device.owner(),
                List.copyOf(device.metrics()));
    }
}
