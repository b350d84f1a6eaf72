package vn.cantho.ioc.api.alert;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.cantho.ioc.alerting.AlertAction;
import vn.cantho.ioc.alerting.BulkTarget;
import vn.cantho.ioc.alerting.Command;
import vn.cantho.ioc.alerting.CommandResult;
import vn.cantho.ioc.api.auth.Access;
import vn.cantho.ioc.api.auth.AuthFilter;
import vn.cantho.ioc.api.http.ApiException;
import vn.cantho.ioc.api.http.EntityTags;
import vn.cantho.ioc.api.http.ErrorCode;
import vn.cantho.ioc.api.http.ListResponse;
import vn.cantho.ioc.api.http.QueryParams;
import vn.cantho.ioc.api.http.RequestBody;
import vn.cantho.ioc.store.alert.Alert;
import vn.cantho.ioc.store.alert.AlertPage;

/**
 * Alerts under {@code /api/v1/alerts}: the filtered, paged list, one alert (with an {@code ETag} of its
 * version), its audit trail, and the operator commands, each as {@code POST /api/v1/alerts/{id}/{action}}
 * plus a bulk form. The actor of every command is the token's identity, never a field of the body.
 * Commands are idempotent (a repeat answers 200 with {@code "outcome":"UNCHANGED"}) and honour
 * {@code If-Match: "<version>"} (412 {@code VERSION_MISMATCH} when someone changed the alert first).
 */
public final class AlertRoutes {

    static final String BASE = "/api/v1/alerts";
    private static final Set<String> COMMAND_FIELDS = Set.of("comment");
    private static final Set<String> ASSIGN_FIELDS = Set.of("comment", "assignee");
    private static final Set<String> SNOOZE_FIELDS = Set.of("comment", "until");
    private static final Set<String> BULK_FIELDS = Set.of("action", "alerts", "comment", "assignee", "until");

    private final AlertBackend alerts;
    private final AlertQueryParser parser = new AlertQueryParser();

    public AlertRoutes(AlertBackend alerts) {
        this.alerts = alerts;
    }

    /** Registers the routes; the live stream ({@link AlertStream}) registers its own before these. */
    public void register(JavalinDefaultRouting router) {
        router.get(BASE, this::list, Access.READ);
        router.post(BASE + "/bulk", this::bulk, Access.ACT);
        router.get(BASE + "/{id}", this::get, Access.READ);
        router.get(BASE + "/{id}/events", this::events, Access.READ);
        router.post(BASE + "/{id}/ack", ctx -> command(ctx, COMMAND_FIELDS, body -> new AlertAction.Ack()), Access.ACT);
        router.post(
                BASE + "/{id}/unack", ctx -> command(ctx, COMMAND_FIELDS, body -> new AlertAction.Unack()), Access.ACT);
        router.post(BASE + "/{id}/assign", ctx -> command(ctx, ASSIGN_FIELDS, AlertRoutes::assign), Access.ACT);
        router.post(
                BASE + "/{id}/comment",
                ctx -> command(ctx, COMMAND_FIELDS, body -> new AlertAction.Comment()),
                Access.ACT);
        router.post(
                BASE + "/{id}/resolve",
                ctx -> command(ctx, COMMAND_FIELDS, body -> new AlertAction.Resolve()),
                Access.ACT);
        router.post(BASE + "/{id}/snooze", ctx -> command(ctx, SNOOZE_FIELDS, AlertRoutes::snooze), Access.ACT);
        router.post(
                BASE + "/{id}/unsnooze",
                ctx -> command(ctx, COMMAND_FIELDS, body -> new AlertAction.Unsnooze()),
                Access.ACT);
    }

    private void list(Context ctx) {
        AlertPage page;
        try {
            page = alerts.list(parser.parse(QueryParams.of(ctx)));
        } catch (IllegalArgumentException e) {
            // The store refuses a cursor it did not make.
            throw ApiException.badParameter("cursor", e.getMessage());
        }
        ctx.json(new AlertListResponse(page.items(), page.nextCursor()));
    }

    private void get(Context ctx) {
        Alert alert = alerts.get(id(ctx)).orElseThrow(() -> unknown(ctx));
        String etag = EntityTags.etag(alert.version());
        ctx.header("ETag", etag);
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.json(alert);
    }

    private void events(Context ctx) {
        long id = id(ctx);
        if (alerts.get(id).isEmpty()) {
            throw unknown(ctx);
        }
        ctx.json(new ListResponse<>(alerts.events(id)));
    }

    private void command(Context ctx, Set<String> fields, java.util.function.Function<JsonBody, AlertAction> action) {
        long id = id(ctx);
        JsonBody body = JsonBody.parse(RequestBody.bytes(ctx), fields);
        Command command = new Command(
                AuthFilter.principal(ctx).actor(), body.text("comment"), EntityTags.ifMatch(ctx.header("If-Match")));
        CommandResult result = alerts.apply(id, action.apply(body), command);
        switch (result.outcome()) {
            case CHANGED, UNCHANGED -> {
                ctx.header("ETag", EntityTags.etag(result.alert().version()));
                ctx.json(new CommandResponse(result.outcome().name(), result.alert(), result.message()));
            }
            case CONFLICT -> {
                ctx.header("ETag", EntityTags.etag(result.alert().version()));
                throw new ApiException(ErrorCode.VERSION_MISMATCH, result.message());
            }
            case NOT_FOUND -> throw unknown(ctx);
            case INVALID -> throw new ApiException(ErrorCode.INVALID_COMMAND, result.message());
            default -> throw new IllegalStateException("unexpected outcome " + result.outcome());
        }
    }

    private void bulk(Context ctx) {
        JsonBody body = JsonBody.parse(RequestBody.bytes(ctx), BULK_FIELDS);
        String name = body.text("action");
        if (name == null) {
            throw JsonBody.bad("action: required (ack, unack, assign, comment, resolve, snooze or unsnooze)");
        }
        AlertAction action =
                switch (name) {
                    case "ack" -> new AlertAction.Ack();
                    case "unack" -> new AlertAction.Unack();
                    case "assign" -> assign(body);
                    case "comment" -> new AlertAction.Comment();
                    case "resolve" -> new AlertAction.Resolve();
                    case "snooze" -> snooze(body);
                    case "unsnooze" -> new AlertAction.Unsnooze();
                    default -> throw JsonBody.bad("action: unknown action '" + name + "'");
                };
        List<BulkTarget> targets = targets(body);
        Command command = new Command(AuthFilter.principal(ctx).actor(), body.text("comment"), null);
        List<BulkResponse.Item> items = new ArrayList<>();
        for (CommandResult result : alerts.bulk(targets, action, command)) {
            items.add(new BulkResponse.Item(
                    result.alertId(),
                    result.outcome().name(),
                    result.alert() == null ? null : result.alert().version(),
                    result.message()));
        }
        ctx.json(new BulkResponse(items));
    }

    private static List<BulkTarget> targets(JsonBody body) {
        com.fasterxml.jackson.databind.JsonNode list = body.node("alerts");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw JsonBody.bad("alerts: required, a non-empty array of {\"id\": n, \"version\": v}");
        }
        if (list.size() > AlertBackend.MAX_BULK) {
            throw JsonBody.bad(
                    "alerts: at most " + AlertBackend.MAX_BULK + " alerts per bulk command, got " + list.size());
        }
        List<BulkTarget> targets = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            com.fasterxml.jackson.databind.JsonNode item = list.get(i);
            if (!item.isObject()
                    || !item.path("id").canConvertToExactIntegral()
                    || !item.path("id").isIntegralNumber()) {
                throw JsonBody.bad("alerts[" + i + "]: must be {\"id\": n} with an optional \"version\"");
            }
            com.fasterxml.jackson.databind.JsonNode version = item.get("version");
            if (version != null && !version.isNull() && !version.isIntegralNumber()) {
                throw JsonBody.bad("alerts[" + i + "].version: must be a whole number");
            }
            targets.add(new BulkTarget(
                    item.get("id").asLong(), version == null || version.isNull() ? null : version.asLong()));
        }
        return targets;
    }

    private static AlertAction assign(JsonBody body) {
        if (!body.has("assignee")) {
            throw JsonBody.bad("assignee: required (a name, or null to unassign)");
        }
        String assignee = body.text("assignee");
        if (assignee != null && assignee.length() > 200) {
            throw JsonBody.bad("assignee: longer than 200 characters");
        }
        return new AlertAction.Assign(assignee);
    }

    private static AlertAction snooze(JsonBody body) {
        java.time.Instant until = body.instant("until");
        if (until == null) {
            throw JsonBody.bad("until: required, the instant the snooze ends (at most 7 days ahead)");
        }
        return new AlertAction.Snooze(until);
    }

    private static long id(Context ctx) {
        String text = ctx.pathParam("id");
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badParameter("id", "'" + text + "' is not an alert id (a positive whole number)");
    }

    private static ApiException unknown(Context ctx) {
        return new ApiException(ErrorCode.UNKNOWN_ALERT, "no alert " + ctx.pathParam("id"));
    }
}
