package vn.cantho.ioc.embedded;

/**
 * Unregistering a JVM shutdown hook from code that may itself run during shutdown: a server's or a benchmark's
 * {@code close()} is called both on the normal path and by the hook that stops it when the JVM exits.
 */
public final class ShutdownHooks {

    private ShutdownHooks() {}

    /**
     * Removes {@code hook}; false if it was not registered (removed before) or the JVM is already exiting, in which
     * case the hook runs (or is running) anyway.
     */
    public static boolean remove(Thread hook) {
        try {
            return Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException exiting) {
            return false;
        }
    }
}
