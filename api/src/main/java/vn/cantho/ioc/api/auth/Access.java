package vn.cantho.ioc.api.auth;

import io.javalin.security.RouteRole;
import java.util.EnumSet;
import java.util.Set;
import vn.cantho.ioc.store.token.TokenRole;

/**
 * What a route under {@code /api/v1} requires. Every such route declares one; a route that declares
 * none is refused to everybody (fail closed), so a forgotten declaration cannot open a hole.
 */
public enum Access implements RouteRole {
    /** Reading alerts, reference data and aggregates. */
    READ,
    /** Acting on alerts and silences. */
    ACT,
    /** Administration of the hub. */
    ADMIN;

    /**
     * What each token role grants. Department tokens push their own feeds on the feed API and get
     * nothing here: the query API would show them every department's data.
     */
    public static Set<Access> grantedTo(TokenRole role) {
        return switch (role) {
            case LEADER -> EnumSet.of(READ);
            case OPERATOR -> EnumSet.of(READ, ACT);
            case ADMIN -> EnumSet.allOf(Access.class);
            case DEPARTMENT -> EnumSet.noneOf(Access.class);
        };
    }
}
