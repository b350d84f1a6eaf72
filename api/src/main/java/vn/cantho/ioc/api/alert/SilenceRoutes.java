package vn.cantho.ioc.api.alert;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.cantho.ioc.alerting.Command;
import vn.cantho.ioc.alerting.CommandResult;
import vn.cantho.ioc.alerting.SilenceResult;
import vn.cantho.ioc.api.auth.Access;
import vn.cantho.ioc.api.auth.AuthFilter;
import vn.cantho.ioc.api.http.ApiException;
import vn.cantho.ioc.api.http.ErrorCode;
import vn.cantho.ioc.api.http.ListResponse;
import vn.cantho.ioc.api.http.QueryParams;
import vn.cantho.ioc.api.http.RequestBody;
import vn.cantho.ioc.store.alert.LabelMatcher;

/**
 * Silences under {@code /api/v1/silences}: list (active ones, or {@code ?all=true}), create (label
 * matchers, comment, start, end; the creator is the token's identity) and expire. Silences are never
 * deleted; expiring an expired silence answers 200 with it unchanged (idempotent).
 */
public final class SilenceRoutes {

    static final String BASE = "/api/v1/silences";
    /** Longest silence: a maintenance window, not a way to switch a rule off for good. */
    public static final Duration MAX_LENGTH = Duration.ofDays(30);

    public static final int MAX_MATCHERS = 20;
    private static final Set<String> CREATE_FIELDS = Set.of("matchers", "comment", "startsAt", "endsAt");

    private final AlertBackend alerts;
    private final Clock clock;

    public SilenceRoutes(AlertBackend alerts, Clock clock) {
        this.alerts = alerts;
        this.clock = clock;
    }

    public void register(JavalinDefaultRouting router) {
        router.get(BASE, this::list, Access.READ);
        router.post(BASE, this::create, Access.ACT);
        router.post(BASE + "/{id}/expire", this::expire, Access.ACT);
    }

    private void list(Context ctx) {
        boolean all = QueryParams.of(ctx)
                .get("all")
                .map(v -> switch (v) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw ApiException.badParameter("all", "must be true or false");
                })
                .orElse(false);
        ctx.json(new ListResponse<>(
                alerts.silences(all).stream().map(SilenceView::of).toList()));
    }

    private void create(Context ctx) {
        JsonBody body = JsonBody.parse(RequestBody.bytes(ctx), CREATE_FIELDS);
        List<LabelMatcher> matchers = matchers(body.node("matchers"));
        String comment = body.text("comment");
        if (comment == null || comment.isBlank()) {
            throw JsonBody.bad("comment: required, why alerts are silenced (e.g. the maintenance work)");
        }
        if (comment.length() > Command.MAX_COMMENT_LENGTH) {
            throw invalid("comment: longer than " + Command.MAX_COMMENT_LENGTH + " characters");
        }
        Instant startsAt = body.instant("startsAt");
        Instant endsAt = body.instant("endsAt");
        if (endsAt == null) {
            throw JsonBody.bad("endsAt: required, when the silence ends");
        }
        if (Duration.between(startsAt == null ? clock.instant() : startsAt, endsAt)
                        .compareTo(MAX_LENGTH)
                > 0) {
            throw invalid("endsAt: a silence lasts at most " + MAX_LENGTH.toDays() + " days");
        }
        SilenceResult result = alerts.createSilence(
                matchers, startsAt, endsAt, AuthFilter.principal(ctx).actor(), comment.strip());
        if (result.outcome() == CommandResult.Outcome.INVALID) {
            throw invalid(result.message());
        }
        ctx.status(201).json(SilenceView.of(result.silence()));
    }

    private void expire(Context ctx) {
        String text = ctx.pathParam("id");
        long id;
        try {
            id = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ApiException.badParameter("id", "'" + text + "' is not a silence id");
        }
        SilenceResult result =
                alerts.expireSilence(id, AuthFilter.principal(ctx).actor());
        switch (result.outcome()) {
            case CHANGED, UNCHANGED -> ctx.json(SilenceView.of(result.silence()));
            case NOT_FOUND -> throw new ApiException(ErrorCode.UNKNOWN_SILENCE, "no silence " + id);
            default -> throw new ApiException(ErrorCode.INVALID_COMMAND, result.message());
        }
    }

    /**
     * A well-formed silence that a rule refuses (too long, ending in the past, comment too long): the same
     * {@code INVALID_COMMAND} whichever rule it is, as for alert commands; BAD_BODY is for shape and types.
     */
    private static ApiException invalid(String message) {
        return new ApiException(ErrorCode.INVALID_COMMAND, message);
    }

    private static List<LabelMatcher> matchers(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw JsonBody.bad(
                    "matchers: required, a non-empty array such as [\"area=ninh-kieu\", \"rule=pm25-high\"]");
        }
        if (node.size() > MAX_MATCHERS) {
            throw JsonBody.bad("matchers: at most " + MAX_MATCHERS);
        }
        List<LabelMatcher> matchers = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            try {
                if (item.isTextual()) {
                    matchers.add(LabelMatcher.parse(item.asText()));
                } else if (item.isObject()
                        && item.path("label").isTextual()
                        && item.path("op").isTextual()
                        && item.path("value").isTextual()) {
                    matchers.add(LabelMatcher.parse(item.get("label").asText()
                            + item.get("op").asText() + "\"" + item.get("value").asText() + "\""));
                } else {
                    throw new IllegalArgumentException("must be \"label=value\" or {\"label\",\"op\",\"value\"}");
                }
            } catch (IllegalArgumentException e) {
                throw JsonBody.bad("matchers[" + i + "]: " + e.getMessage());
            }
        }
        return matchers;
    }
}
