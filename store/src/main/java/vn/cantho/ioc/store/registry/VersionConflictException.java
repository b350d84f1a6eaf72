package vn.cantho.ioc.store.registry;

/** A registry change was based on a version that is no longer the newest. */
public final class VersionConflictException extends RuntimeException {

    private final long current;

    public VersionConflictException(long basedOn, long current) {
        super("the registry changed meanwhile: the change was based on version " + basedOn + ", the newest is "
                + current);
        this.current = current;
    }

    /** The newest version at the time of the conflict. */
    public long current() {
        return current;
    }
}
