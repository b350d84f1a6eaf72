package vn.cantho.ioc.api.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of {@code GET /health}: overall status and one entry per component. Overall is UP only
 * when every component is.
 */
public record HealthReport(String status, Map<String, Component> components) {

    public static final String UP = "UP";
    public static final String DOWN = "DOWN";

    public HealthReport {
        components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
    }

    public boolean up() {
        return UP.equals(status);
    }

    /** One component's status and a short human detail. */
    public record Component(String status, String detail) {}
}
