package vn.cantho.ioc.streams.rules.catalogue;

import java.util.List;

/** A rule catalogue that cannot be used; the message lists every fault of every rule, one a line. */
public final class InvalidCatalogueException extends RuntimeException {

    private final List<String> problems;

    public InvalidCatalogueException(String source, List<String> problems) {
        super("invalid rule catalogue " + source + " (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
