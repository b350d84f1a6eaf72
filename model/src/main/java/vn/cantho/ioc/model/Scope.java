package vn.cantho.ioc.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What an aggregate is computed over: one device, or every device of one area. */
public enum Scope {
    DEVICE("device"),
    AREA("area");

    private final String id;

    Scope(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static Scope of(String id) {
        for (Scope scope : values()) {
            if (scope.id.equals(id)) {
                return scope;
            }
        }
        throw new IllegalArgumentException("unknown scope '" + id + "' (expected device or area)");
    }
}
