package vn.cantho.ioc.api.explanation;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import vn.cantho.ioc.api.alert.JsonBody;
import vn.cantho.ioc.api.auth.Access;
import vn.cantho.ioc.api.auth.AuthFilter;
import vn.cantho.ioc.api.auth.Principal;
import vn.cantho.ioc.api.http.ApiException;
import vn.cantho.ioc.api.http.ErrorCode;
import vn.cantho.ioc.api.http.ListResponse;
import vn.cantho.ioc.api.http.QueryParams;
import vn.cantho.ioc.api.http.RequestBody;
import vn.cantho.ioc.api.kpi.KpiBackend;
import vn.cantho.ioc.api.kpi.PlanStatus;
import vn.cantho.ioc.model.registry.IndicatorDefinition;
import vn.cantho.ioc.model.registry.IndicatorRegistry;
import vn.cantho.ioc.store.explanation.ExplanationEvent;
import vn.cantho.ioc.store.explanation.ExplanationPage;
import vn.cantho.ioc.store.explanation.ExplanationRequest;
import vn.cantho.ioc.store.explanation.ExplanationRequest.Status;
import vn.cantho.ioc.store.explanation.ExplanationStore;
import vn.cantho.ioc.store.explanation.NewExplanationRequest;
import vn.cantho.ioc.store.kpi.KpiValue;
import vn.cantho.ioc.store.token.TokenRole;

/**
 * Requests for explanation (yêu cầu giải trình) under {@code /api/v1/explanations}: a leader sends one about a
 * KPI series' latest value to the responsible department; the department (its own requests only: others' are
 * 404, as if they did not exist) reads and answers; leaders, operators and admins read them all. Every step
 * is in the request's audit trail. See api/README.md and docs/kpis.md.
 */
public final class ExplanationRoutes {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_TEXT = 4000;
    static final Duration MAX_DUE = Duration.ofDays(366);
    private static final Pattern DEPARTMENT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Set<String> CREATE_FIELDS =
            Set.of("indicator", "entity", "labels", "department", "message", "dueAt");
    private static final Set<String> ANSWER_FIELDS = Set.of("answer");

    private final ExplanationBackend store;
    private final KpiBackend kpis;
    private final IndicatorRegistry indicators;
    private final OverdueExplanations overdue;
    private final Clock clock;

    public ExplanationRoutes(
            ExplanationBackend store,
            KpiBackend kpis,
            IndicatorRegistry indicators,
            OverdueExplanations overdue,
            Clock clock) {
        this.store = store;
        this.kpis = kpis;
        this.indicators = indicators;
        this.overdue = overdue;
        this.clock = clock;
    }

    public void register(JavalinDefaultRouting router) {
        router.post("/api/v1/explanations", this::create, Access.REQUEST_EXPLANATION);
        router.get("/api/v1/explanations", this::list, Access.READ_EXPLANATIONS);
        router.get("/api/v1/explanations/{id}", this::one, Access.READ_EXPLANATIONS);
        router.get("/api/v1/explanations/{id}/events", this::events, Access.READ_EXPLANATIONS);
        router.post("/api/v1/explanations/{id}/answer", this::answer, Access.ANSWER_EXPLANATION);
    }

    private void create(Context ctx) {
        JsonBody body = JsonBody.parse(RequestBody.bytes(ctx), CREATE_FIELDS);
        String indicator = required(body, "indicator");
        IndicatorDefinition definition = indicators
                .byId(indicator)
                .orElseThrow(() -> new ApiException(
                        ErrorCode.UNKNOWN_INDICATOR,
                        "no KPI '" + indicator + "'; GET /api/v1/kpis lists the KPIs with values"));
        String entity = required(body, "entity");
        SortedMap<String, String> labels = labels(body.node("labels"));
        String department = required(body, "department");
        if (!DEPARTMENT.matcher(department).matches()) {
            throw JsonBody.bad(
                    "department: '" + department + "' is not a department id (1-64 of a-z, 0-9, '.', '_', '-')");
        }
        String message = text(body, "message");
        Instant dueAt = body.instant("dueAt");
        if (dueAt == null) {
            throw JsonBody.bad("dueAt: required, when the answer is due (ISO-8601 instant)");
        }
        Instant now = clock.instant();
        if (!dueAt.isAfter(now) || dueAt.isAfter(now.plus(MAX_DUE))) {
            throw new ApiException(
                    ErrorCode.INVALID_COMMAND,
                    "dueAt: must lie in the future, at most " + MAX_DUE.toDays() + " days ahead");
        }
        // The request records the value the leader saw: the series' latest stored value and its plan status.
        KpiValue value = kpis.latest(null, entity, null).stream()
                .filter(v -> v.definition().id().equals(indicator) && v.labels().equals(labels))
                .findFirst()
                .orElseThrow(() -> new ApiException(
                        ErrorCode.UNKNOWN_INDICATOR,
                        "KPI '" + indicator + "' has no value for '" + entity + "'"
                                + (labels.isEmpty() ? "" : " with labels " + labels)));
        ExplanationRequest created = store.create(
                new NewExplanationRequest(
                        indicator,
                        value.scope().id(),
                        entity,
                        value.areaCode(),
                        definition.domain().id(),
                        labels,
                        department,
                        value.periodStart(),
                        value.value(),
                        definition.target(),
                        PlanStatus.of(definition, value.value(), value.periodEnd(), now)
                                .name(),
                        message,
                        dueAt),
                AuthFilter.principal(ctx).actor());
        ctx.status(201).json(view(created));
    }

    private void list(Context ctx) {
        QueryParams params = QueryParams.of(ctx);
        Principal principal = AuthFilter.principal(ctx);
        String department = params.get("department").orElse(null);
        if (principal.role() == TokenRole.DEPARTMENT) {
            if (department != null && !department.equals(principal.department())) {
                throw new ApiException(
                        ErrorCode.FORBIDDEN, "a department token sees its own department's requests only");
            }
            department = principal.department();
        }
        Status status = params.get("status").map(ExplanationRoutes::status).orElse(null);
        int limit = params.limit(ExplanationStore.MAX_LIMIT).orElse(DEFAULT_LIMIT);
        String cursor = params.get("cursor").orElse(null);
        if (cursor != null) {
            try {
                ExplanationStore.decodeCursor(cursor);
            } catch (IllegalArgumentException e) {
                throw ApiException.badParameter("cursor", "is not a cursor this API returned");
            }
        }
        ExplanationPage page = store.list(department, status, limit, cursor);
        ctx.json(new Page(page.items().stream().map(this::view).toList(), page.nextCursor()));
    }

    /** A page of requests, newest first. */
    public record Page(List<ExplanationView> items, String nextCursor) {}

    private void one(Context ctx) {
        Principal principal = AuthFilter.principal(ctx);
        ExplanationRequest request = visible(ctx, principal);
        if (principal.role() == TokenRole.DEPARTMENT && request.readAt() == null) {
            request = store.markRead(request.id(), principal.actor()).orElseThrow();
        }
        ctx.json(view(request));
    }

    private void events(Context ctx) {
        ExplanationRequest request = visible(ctx, AuthFilter.principal(ctx));
        List<ExplanationEvent> events = store.events(request.id());
        ctx.json(new ListResponse<>(events));
    }

    /** The outcome of an answer: CHANGED when this answered it, UNCHANGED when it had been answered before. */
    public record AnswerResponse(String outcome, ExplanationView request) {}

    private void answer(Context ctx) {
        Principal principal = AuthFilter.principal(ctx);
        ExplanationRequest request = visible(ctx, principal);
        JsonBody body = JsonBody.parse(RequestBody.bytes(ctx), ANSWER_FIELDS);
        String answer = text(body, "answer");
        ExplanationStore.Answered result =
                store.answer(request.id(), answer, principal.actor()).orElseThrow();
        if (result.changed()) {
            overdue.answered(result.request());
        }
        ctx.json(new AnswerResponse(result.changed() ? "CHANGED" : "UNCHANGED", view(result.request())));
    }

    /** The request of the path, if the principal may see it: a department only its own (others are 404). */
    private ExplanationRequest visible(Context ctx, Principal principal) {
        String text = ctx.pathParam("id");
        long id;
        try {
            id = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ApiException.badParameter("id", "'" + text + "' is not a request id");
        }
        return store.get(id)
                .filter(r -> principal.role() != TokenRole.DEPARTMENT
                        || Objects.equals(r.department(), principal.department()))
                .orElseThrow(() ->
                        new ApiException(ErrorCode.UNKNOWN_EXPLANATION_REQUEST, "no request for explanation " + id));
    }

    private ExplanationView view(ExplanationRequest r) {
        IndicatorDefinition d = indicators.byId(r.indicator()).orElse(null);
        return ExplanationView.of(r, d == null ? r.indicator() : d.label(), d == null ? null : d.unit());
    }

    private static String required(JsonBody body, String field) {
        String value = body.text(field);
        if (value == null || value.isBlank()) {
            throw JsonBody.bad(field + ": required");
        }
        if (value.length() > 200) {
            throw JsonBody.bad(field + ": at most 200 characters");
        }
        return value;
    }

    private static String text(JsonBody body, String field) {
        String value = body.text(field);
        if (value == null) {
            throw JsonBody.bad(field + ": required");
        }
        if (value.isBlank() || value.length() > MAX_TEXT) {
            throw new ApiException(
                    ErrorCode.INVALID_COMMAND, field + ": needs text, at most " + MAX_TEXT + " characters");
        }
        return value.strip();
    }

    private static SortedMap<String, String> labels(JsonNode node) {
        SortedMap<String, String> labels = new TreeMap<>();
        if (node == null || node.isNull()) {
            return labels;
        }
        if (!node.isObject()) {
            throw JsonBody.bad("labels: must be an object of strings, e.g. {\"channel\":\"facebook\"}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw JsonBody.bad("labels." + e.getKey() + ": must be a string");
            }
            labels.put(e.getKey(), e.getValue().asText());
        }
        return labels;
    }

    private static Status status(String text) {
        try {
            return Status.valueOf(text.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("status", "one of OPEN, ANSWERED, OVERDUE");
        }
    }
}
