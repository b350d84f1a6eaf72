package vn.cantho.ioc.api.alertmanager;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import vn.cantho.ioc.alerting.Command;
import vn.cantho.ioc.alerting.CommandResult;
import vn.cantho.ioc.alerting.SilenceResult;
import vn.cantho.ioc.api.alert.AlertBackend;
import vn.cantho.ioc.api.alert.SilenceRoutes;
import vn.cantho.ioc.api.auth.Access;
import vn.cantho.ioc.api.auth.AuthFilter;
import vn.cantho.ioc.api.http.ApiException;
import vn.cantho.ioc.api.http.ErrorCode;
import vn.cantho.ioc.api.http.RequestBody;
import vn.cantho.ioc.model.alert.ConditionStatus;
import vn.cantho.ioc.model.json.StrictJson;
import vn.cantho.ioc.store.alert.Alert;
import vn.cantho.ioc.store.alert.AlertPage;
import vn.cantho.ioc.store.alert.AlertQuery;
import vn.cantho.ioc.store.alert.LabelMatcher;
import vn.cantho.ioc.store.alert.Silence;

/**
 * A subset of the Alertmanager API v2 under {@value #BASE}, so Grafana's Alertmanager data source and
 * {@code amtool} show the hub's alerts and silences without a plugin (api/README.md, "Alertmanager API").
 * Data source URL / {@code --alertmanager.url}: {@code http://<hub>:8080/am}. Everything here is a view of,
 * or a command on, the hub's own alerts and silences: the same validation, audit trail and actor (the
 * bearer token) as {@code /api/v1}. Only the paths Grafana and amtool use exist; anything else under
 * {@value #PREFIX} is 404, in particular {@code /am/alertmanager/api/v2/status}, which Grafana's health
 * check tries first to detect Mimir.
 */
public final class AlertmanagerRoutes {

    /** Protected like {@code /api/v1/} ({@link AuthFilter}): leader reads, operator silences and posts. */
    public static final String PREFIX = AuthFilter.ALERTMANAGER_PREFIX;

    public static final String BASE = PREFIX + "api/v2";
    /** Open alerts the list endpoints look at, at most; a city has tens, a storm hundreds. */
    static final int MAX_ALERTS = 5000;

    private static final Set<ConditionStatus> OPEN =
            Set.of(ConditionStatus.FIRING, ConditionStatus.RECOVERING, ConditionStatus.NO_DATA);
    private static final Set<String> SILENCE_FIELDS =
            Set.of("id", "matchers", "startsAt", "endsAt", "createdBy", "comment");
    private static final Set<String> MATCHER_FIELDS = Set.of("name", "value", "isRegex", "isEqual");

    private final AlertBackend alerts;
    private final Clock clock;
    private final Instant startedAt;
    private final String version;

    public AlertmanagerRoutes(AlertBackend alerts, Clock clock) {
        this.alerts = alerts;
        this.clock = clock;
        this.startedAt = clock.instant();
        String implementation = AlertmanagerRoutes.class.getPackage().getImplementationVersion();
        this.version = implementation == null ? "dev" : implementation;
    }

    public void register(JavalinDefaultRouting router) {
        router.get(BASE + "/status", this::status, Access.READ);
        router.get(BASE + "/receivers", ctx -> ctx.json(List.of(new AmAlert.Receiver(AmAlert.RECEIVER))), Access.READ);
        router.get(BASE + "/alerts", this::alerts, Access.READ);
        router.post(BASE + "/alerts", this::post, Access.ACT);
        router.get(BASE + "/alerts/groups", this::groups, Access.READ);
        router.get(BASE + "/silences", this::silences, Access.READ);
        router.post(BASE + "/silences", this::postSilence, Access.ACT);
        router.get(BASE + "/silence/{silenceID}", this::silence, Access.READ);
        router.delete(BASE + "/silence/{silenceID}", this::deleteSilence, Access.ACT);
    }

    private void status(Context ctx) {
        ctx.json(AmStatus.of(startedAt, version));
    }

    private void alerts(Context ctx) {
        ctx.json(selected(ctx));
    }

    /** Alertmanager's grouping by the route's {@code group_by}: one group per (domain, area). */
    private void groups(Context ctx) {
        Map<Map<String, String>, List<AmAlert>> groups = new LinkedHashMap<>();
        for (AmAlert alert : selected(ctx)) {
            Map<String, String> key = new TreeMap<>();
            for (String label : List.of("domain", "area")) {
                if (alert.labels().containsKey(label)) {
                    key.put(label, alert.labels().get(label));
                }
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(alert);
        }
        List<AmAlertGroup> answer = new ArrayList<>();
        groups.forEach((labels, members) ->
                answer.add(new AmAlertGroup(labels, new AmAlert.Receiver(AmAlert.RECEIVER), members)));
        ctx.json(answer);
    }

    record AmAlertGroup(Map<String, String> labels, AmAlert.Receiver receiver, List<AmAlert> alerts) {}

    /** The open alerts that pass the request's filter matchers, receiver regex and state flags. */
    private List<AmAlert> selected(Context ctx) {
        List<LabelMatcher> filters = AmMatchers.filters(ctx.queryParams("filter"));
        boolean active = flag(ctx, "active");
        boolean silenced = flag(ctx, "silenced");
        boolean inhibited = flag(ctx, "inhibited");
        flag(ctx, "unprocessed"); // the hub processes every alert it stores: none is ever unprocessed
        String receiver = ctx.queryParam("receiver");
        if (receiver != null && !receiver.isEmpty()) {
            try {
                if (!Pattern.compile(receiver).matcher(AmAlert.RECEIVER).matches()) {
                    return List.of();
                }
            } catch (PatternSyntaxException e) {
                throw ApiException.badParameter("receiver", "invalid regular expression: " + e.getDescription());
            }
        }
        List<Alert> open = open();
        Map<Long, String> fingerprints = new HashMap<>();
        open.forEach(a -> fingerprints.put(a.id(), AmAlert.fingerprint(a.alertKey())));
        Instant now = clock.instant();
        String origin = ctx.scheme() + "://" + ctx.host();
        List<AmAlert> answer = new ArrayList<>();
        for (Alert alert : open) {
            if (!LabelMatcher.all(filters, AmAlert.labels(alert))) {
                continue;
            }
            AmAlert view = AmAlert.of(alert, now, id -> fingerprints.computeIfAbsent(id, this::fingerprintOf), origin);
            boolean isActive = "active".equals(view.status().state());
            if ((!active && isActive)
                    || (!silenced && !view.status().silencedBy().isEmpty())
                    || (!inhibited && !view.status().inhibitedBy().isEmpty())) {
                continue;
            }
            answer.add(view);
        }
        answer.sort(Comparator.comparing(AmAlert::startsAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(AmAlert::fingerprint));
        return answer;
    }

    private String fingerprintOf(long alertId) {
        return alerts.get(alertId).map(a -> AmAlert.fingerprint(a.alertKey())).orElse("");
    }

    private List<Alert> open() {
        List<Alert> all = new ArrayList<>();
        AlertQuery query =
                new AlertQuery(OPEN, null, null, null, null, null, null, null, null, null, null, AlertQuery.MAX_LIMIT);
        while (all.size() < MAX_ALERTS) {
            AlertPage page = alerts.list(query);
            all.addAll(page.items());
            if (page.nextCursor() == null) {
                break;
            }
            query = query.withCursor(page.nextCursor());
        }
        return all;
    }

    private void post(Context ctx) {
        alerts.raise(ExternalAlerts.events(RequestBody.bytes(ctx), clock.instant()));
        ctx.status(200);
    }

    private void silences(Context ctx) {
        List<LabelMatcher> filters = AmMatchers.filters(ctx.queryParams("filter"));
        Instant now = clock.instant();
        List<AmSilence> answer = new ArrayList<>();
        for (Silence silence : alerts.silences(true)) {
            if (LabelMatcher.all(filters, AmMatchers.labelsOfSilence(silence.matchers()))) {
                answer.add(AmSilence.of(silence, now));
            }
        }
        ctx.json(answer);
    }

    private void silence(Context ctx) {
        ctx.json(AmSilence.of(find(ctx.pathParam("silenceID")), clock.instant()));
    }

    /** Alertmanager expires rather than deletes, and so does the hub: the silence stays, with who expired it. */
    private void deleteSilence(Context ctx) {
        Silence silence = find(ctx.pathParam("silenceID"));
        SilenceResult result =
                alerts.expireSilence(silence.id(), AuthFilter.principal(ctx).actor());
        if (result.outcome() == CommandResult.Outcome.INVALID) {
            throw new ApiException(ErrorCode.INVALID_COMMAND, result.message());
        }
        ctx.status(200);
    }

    /**
     * Creates a silence; with the {@code id} of an existing one, replaces it as Alertmanager's update
     * does, but always by a new silence: the old one is expired (the audit keeps both), the new id answered.
     */
    private void postSilence(Context ctx) {
        JsonNode body = objectBody(RequestBody.bytes(ctx));
        String id = text(body, "id");
        Silence replaced = id == null || id.isEmpty() ? null : find(id);
        List<LabelMatcher> matchers = matchers(body.get("matchers"));
        String comment = text(body, "comment");
        if (comment == null || comment.isBlank()) {
            throw bad("comment: required, why alerts are silenced (e.g. the maintenance work)");
        }
        if (comment.length() > Command.MAX_COMMENT_LENGTH) {
            throw bad("comment: longer than " + Command.MAX_COMMENT_LENGTH + " characters");
        }
        Instant now = clock.instant();
        Instant startsAt = instant(body, "startsAt");
        Instant endsAt = instant(body, "endsAt");
        if (endsAt == null) {
            throw bad("endsAt: required, when the silence ends");
        }
        // Alertmanager moves a start in the past to now; so does the hub (a silence cannot act in the past).
        Instant start = startsAt == null || startsAt.isBefore(now) ? now : startsAt;
        if (Duration.between(start, endsAt).compareTo(SilenceRoutes.MAX_LENGTH) > 0) {
            throw bad("endsAt: a silence lasts at most " + SilenceRoutes.MAX_LENGTH.toDays() + " days");
        }
        String actor = AuthFilter.principal(ctx).actor();
        SilenceResult created = alerts.createSilence(matchers, start, endsAt, actor, comment.strip());
        if (created.outcome() == CommandResult.Outcome.INVALID) {
            throw new ApiException(ErrorCode.INVALID_COMMAND, created.message());
        }
        if (replaced != null) {
            alerts.expireSilence(replaced.id(), actor);
        }
        ctx.json(Map.of("silenceID", SilenceIds.toUuid(created.silence().id())));
    }

    private Silence find(String uuid) {
        OptionalLong id = SilenceIds.parse(uuid);
        Optional<Silence> silence = id.isPresent() ? alerts.silence(id.getAsLong()) : Optional.empty();
        return silence.orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_SILENCE, "no silence " + uuid));
    }

    private static List<LabelMatcher> matchers(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw bad("matchers: required, a non-empty array of {name, value, isRegex, isEqual}");
        }
        if (node.size() > SilenceRoutes.MAX_MATCHERS) {
            throw bad("matchers: at most " + SilenceRoutes.MAX_MATCHERS);
        }
        List<LabelMatcher> matchers = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode m = node.get(i);
            String at = "matchers[" + i + "]";
            if (!m.isObject()) {
                throw bad(at + ": must be an object {name, value, isRegex, isEqual}");
            }
            for (Iterator<String> names = m.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!MATCHER_FIELDS.contains(name)) {
                    throw bad(at + ": unknown field '" + name + "'; allowed: "
                            + String.join(", ", new TreeSet<>(MATCHER_FIELDS)));
                }
            }
            if (!m.path("name").isTextual()
                    || !m.path("value").isTextual()
                    || !m.path("isRegex").isBoolean()
                    || (m.has("isEqual") && !m.get("isEqual").isBoolean())) {
                throw bad(at + ": name and value must be strings, isRegex and isEqual booleans");
            }
            try {
                matchers.add(AmMatchers.toHub(
                        m.get("name").asText(),
                        m.get("value").asText(),
                        m.get("isRegex").asBoolean(),
                        !m.has("isEqual") || m.get("isEqual").asBoolean()));
            } catch (IllegalArgumentException e) {
                throw bad(at + ": " + e.getMessage());
            }
        }
        return matchers;
    }

    private static boolean flag(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return true;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badParameter(name, "must be true or false");
        };
    }

    private static JsonNode objectBody(byte[] bytes) {
        JsonNode root;
        try {
            root = StrictJson.tree(bytes);
        } catch (StrictJson.Invalid e) {
            throw bad(e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw bad("body must be a JSON object (a postableSilence)");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!SILENCE_FIELDS.contains(name)) {
                throw bad("unknown field '" + name + "'; allowed: " + String.join(", ", new TreeSet<>(SILENCE_FIELDS)));
            }
        }
        return root;
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw bad(field + ": must be a string");
        }
        return node.asText();
    }

    private static Instant instant(JsonNode body, String field) {
        String text = text(body, field);
        if (text == null || text.startsWith("0001-01-01")) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw bad(field + ": '" + text + "' is not an RFC 3339 time such as 2026-11-23T10:00:00Z");
        }
    }

    private static ApiException bad(String message) {
        return new ApiException(ErrorCode.BAD_BODY, message);
    }
}
