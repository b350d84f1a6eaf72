package vn.cantho.ioc.api.registry;

import vn.cantho.ioc.model.registry.Area;

/** An area as the API shows it. */
public record AreaView(String code, String name, double lat, double lon) {

    static AreaView of(Area area) {
        return new AreaView(area.code(), area.name(), area.lat(), area.lon());
    }
}
