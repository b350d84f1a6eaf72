package vn.cantho.ioc.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a value is about: one device, every device of one area, one agency (department feeds per
 * agency, e.g. dossiers), or the whole city. Aggregates use only {@link #DEVICE} and {@link #AREA}.
 */
public enum Scope {
    DEVICE("device"),
    AREA("area"),
    AGENCY("agency"),
    CITY("city");

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
        throw new IllegalArgumentException("unknown scope '" + id + "' (expected device, area, agency or city)");
    }
}
