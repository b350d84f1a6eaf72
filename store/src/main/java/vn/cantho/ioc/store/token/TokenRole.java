package vn.cantho.ioc.store.token;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a bearer token may do. Stable ids, stored in {@code api_token.role}. Only {@link #DEPARTMENT}
 * is used so far (feed pushes); the others are reserved for the query API's roles.
 */
public enum TokenRole {
    /** Pushes the feeds of its own department, nothing else. */
    DEPARTMENT,
    /** Reads dashboards and the API. */
    LEADER,
    /** Reads, and acts on alerts. */
    OPERATOR,
    /** Everything, including registry changes and token administration. */
    ADMIN;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static TokenRole of(String id) {
        for (TokenRole role : values()) {
            if (role.id().equals(id)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + id + "'; expected department, leader, operator or admin");
    }
}
