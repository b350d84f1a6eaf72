package vn.cantho.ioc.model.stage;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.StringJoiner;

/**
 * One stage of the hub as the launcher sees it: a name (its component under {@code GET /health}) and the parts
 * that make it up, started in order and closed in reverse. It is up when every part is up. The launcher only
 * wires stages; what a stage is made of is decided by the module that owns it. A stage is itself a part, so the
 * launcher starts and stops stages and lone parts alike.
 */
public final class Stage implements Part {

    private final String name;
    private final List<Part> parts;
    private final Deque<Part> started = new ArrayDeque<>();

    private Stage(String name, List<Part> parts) {
        this.name = name;
        this.parts = parts;
    }

    /** A stage of {@code parts}, in start order. */
    public static Stage of(String name, Part... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("stage " + name + " has no parts");
        }
        return new Stage(name, List.of(parts));
    }

    /** A stage of {@code parts}, in start order. */
    public static Stage of(String name, List<? extends Part> parts) {
        return of(name, parts.toArray(Part[]::new));
    }

    public String name() {
        return name;
    }

    /** Starts the parts in order; if one fails, the ones already started stay for {@link #close()} to stop. */
    public synchronized void start() throws Exception {
        for (Part part : parts) {
            started.push(part);
            part.start();
        }
    }

    @Override
    public Status check() {
        boolean up = true;
        StringJoiner detail = new StringJoiner("; ");
        for (Part part : parts) {
            Status status = part.check();
            up &= status.up();
            detail.add(status.detail());
        }
        return new Status(up, detail.toString());
    }

    /** Stops the started parts, newest first; each is stopped even if another fails to. */
    @Override
    public synchronized void close() {
        RuntimeException failure = null;
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
