package vn.cantho.ioc.model.health;

/** A component's answer to "are you working?", polled by {@code GET /health}. Must return quickly. */
@FunctionalInterface
public interface HealthCheck {

    /** Current status; never throws. */
    Status check();

    /** Whether the component is up, with a short human detail. */
    record Status(boolean up, String detail) {

        public static Status up(String detail) {
            return new Status(true, detail);
        }

        public static Status down(String detail) {
            return new Status(false, detail);
        }
    }
}
