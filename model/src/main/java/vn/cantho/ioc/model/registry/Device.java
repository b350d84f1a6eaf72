package vn.cantho.ioc.model.registry;

import java.util.List;

/**
 * A registered sensor. Reference data from {@code devices.json}.
 *
 * @param id       stable id, also the MQTT topic segment
 * @param type     device type, e.g. {@code air_station}
 * @param domain   IOC domain its readings belong to
 * @param areaCode area it stands in
 * @param owner    department that owns it
 * @param metrics  metric ids it reports
 */
public record Device(
        String id,
        String name,
        String type,
        Domain domain,
        String areaCode,
        double lat,
        double lon,
        String owner,
        List<String> metrics) {}
