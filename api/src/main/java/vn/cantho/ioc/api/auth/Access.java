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
    ADMIN,
    /** Sending requests for explanation about a KPI to the responsible unit (leaders). */
    REQUEST_EXPLANATION,
    /** Reading requests for explanation: all of them, or a department's own (the routes filter). */
    READ_EXPLANATIONS,
    /** Answering a request for explanation addressed to one's department. */
    ANSWER_EXPLANATION;

    /**
     * What each token role grants. Department tokens push their own feeds on the feed API; here they only
     * read and answer the requests for explanation addressed to them: the query API would show them every
     * department's data.
     */
    public static Set<Access> grantedTo(TokenRole role) {
        return switch (role) {
            case LEADER -> EnumSet.of(READ, REQUEST_EXPLANATION, READ_EXPLANATIONS);
            case OPERATOR -> EnumSet.of(READ, ACT, READ_EXPLANATIONS);
            case ADMIN -> EnumSet.allOf(Access.class);
            case DEPARTMENT -> EnumSet.of(READ_EXPLANATIONS, ANSWER_EXPLANATION);
        };
    }
}
