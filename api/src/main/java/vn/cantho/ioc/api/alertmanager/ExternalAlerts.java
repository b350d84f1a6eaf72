package vn.cantho.ioc.api.alertmanager;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import vn.cantho.ioc.api.http.ApiException;
import vn.cantho.ioc.api.http.ErrorCode;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.alert.ConditionEvent;
import vn.cantho.ioc.model.alert.Severity;
import vn.cantho.ioc.model.alert.TransitionType;
import vn.cantho.ioc.model.json.StrictJson;
import vn.cantho.ioc.model.registry.Domain;

/**
 * Alerts posted to {@code POST /api/v2/alerts} (Grafana-managed rules with
 * {@code handleGrafanaManagedAlerts}, or any Alertmanager client) as hub condition events of the
 * external source: rule id = {@code alertname}, label {@code kind=EXTERNAL}, dedup key
 * {@code external|<alertname>|<fingerprint of the label set>} (one hub alert per label set, as in
 * Alertmanager). A firing alert ({@code endsAt} absent or ahead) opens an episode at {@code startsAt};
 * one whose {@code endsAt} has passed resolves it at {@code endsAt}. Event ids come from the key,
 * {@code startsAt} and the transition, so Grafana re-sending a firing alert every evaluation adds
 * nothing, and neither does a repeated resolve.
 */
final class ExternalAlerts {

    static final String KIND = "EXTERNAL";
    /** Grafana sends its alerts in batches; more than this in one request is refused. */
    static final int MAX_ALERTS = 1000;

    private static final Set<String> FIELDS = Set.of("labels", "annotations", "startsAt", "endsAt", "generatorURL");
    /** Any printable name (Alertmanager ≥ 0.27 and Grafana allow UTF-8 label names), not too long. */
    private static final Pattern LABEL_NAME = Pattern.compile("[^\\p{Cntrl}]{1,200}");

    private static final int MAX_TEXT = 1000;

    private ExternalAlerts() {}

    /** The condition events of one request body, or a 400 {@code BAD_BODY} naming the first fault. */
    static List<ConditionEvent> events(byte[] body, Instant now) {
        JsonNode root;
        try {
            root = StrictJson.tree(body);
        } catch (StrictJson.Invalid e) {
            throw bad(e.getMessage());
        }
        if (root == null || !root.isArray()) {
            throw bad("body must be a JSON array of alerts");
        }
        if (root.size() > MAX_ALERTS) {
            throw bad("at most " + MAX_ALERTS + " alerts per request");
        }
        List<ConditionEvent> events = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            events.add(event(root.get(i), "[" + i + "]", now));
        }
        return events;
    }

    private static ConditionEvent event(JsonNode alert, String at, Instant now) {
        if (!alert.isObject()) {
            throw bad(at + ": must be an object with labels");
        }
        for (Iterator<String> names = alert.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw bad(at + ": unknown field '" + name + "'; allowed: " + String.join(", ", new TreeSet<>(FIELDS)));
            }
        }
        TreeMap<String, String> labels = labelSet(alert.get("labels"), at + ".labels");
        TreeMap<String, String> annotations = alert.hasNonNull("annotations")
                ? labelSet(alert.get("annotations"), at + ".annotations")
                : new TreeMap<>();
        String name = labels.get(AmMatchers.ALERTNAME);
        if (name == null || name.isBlank()) {
            throw bad(at + ".labels: an alertname label is required (it becomes the hub alert's rule id)");
        }
        Instant startsAt = instant(alert, "startsAt", at);
        Instant endsAt = instant(alert, "endsAt", at);
        boolean resolved = endsAt != null && !endsAt.isAfter(now);
        String key = "external|" + name + "|" + AmAlert.fingerprint(labels.toString());
        Instant start = startsAt != null ? startsAt : now;
        TreeMap<String, String> hubLabels = new TreeMap<>(labels);
        hubLabels.put("kind", KIND);
        String domain = domain(labels.get("domain"));
        hubLabels.put("domain", domain);
        String area = labels.get("area");
        TransitionType type = resolved ? TransitionType.RESOLVED : TransitionType.OPENED;
        String eventId = UUID.nameUUIDFromBytes(
                        (key + "#" + start.toEpochMilli() + "#" + type).getBytes(StandardCharsets.UTF_8))
                .toString();
        String summary = annotations.getOrDefault("summary", annotations.getOrDefault("description", name));
        return new ConditionEvent(
                ConditionEvent.SCHEMA_VERSION,
                eventId,
                key,
                name,
                labels.getOrDefault("entity", labels.getOrDefault("instance", "can-tho")),
                Scope.CITY,
                domain,
                area,
                hubLabels,
                type,
                resolved ? endsAt : start,
                0,
                severity(labels.get("severity")),
                null,
                null,
                summary);
    }

    /** One of the eight domain ids when the label names one, else {@code external}. */
    private static String domain(String label) {
        for (Domain d : Domain.values()) {
            if (d.id().equals(label)) {
                return d.id();
            }
        }
        return "external";
    }

    /** Alertmanager severities are free text; the common ones map onto the hub's four, anything else WARNING. */
    static Severity severity(String label) {
        if (label == null) {
            return Severity.WARNING;
        }
        return switch (label.strip().toLowerCase(Locale.ROOT)) {
            case "critical", "crit", "emergency", "page" -> Severity.CRITICAL;
            case "major", "error", "high" -> Severity.MAJOR;
            case "info", "informational", "low", "none" -> Severity.INFO;
            default -> Severity.WARNING;
        };
    }

    private static TreeMap<String, String> labelSet(JsonNode node, String at) {
        if (node == null || !node.isObject() || node.isEmpty()) {
            throw bad(at + ": must be a non-empty object of string values");
        }
        TreeMap<String, String> set = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!LABEL_NAME.matcher(e.getKey()).matches()) {
                throw bad(at + ": '" + e.getKey() + "' is not a valid label name");
            }
            if (!e.getValue().isTextual()) {
                throw bad(at + "." + e.getKey() + ": must be a string");
            }
            if (e.getValue().asText().length() > MAX_TEXT) {
                throw bad(at + "." + e.getKey() + ": longer than " + MAX_TEXT + " characters");
            }
            if (!e.getValue().asText().isEmpty()) {
                set.put(e.getKey(), e.getValue().asText());
            }
        }
        return set;
    }

    private static Instant instant(JsonNode alert, String field, String at) {
        JsonNode node = alert.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw bad(at + "." + field + ": must be an RFC 3339 time string");
        }
        String text = node.asText();
        // Go clients send the zero time for "not set".
        if (text.isEmpty() || text.startsWith("0001-01-01")) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw bad(at + "." + field + ": '" + text + "' is not an RFC 3339 time such as 2026-11-23T10:00:00Z");
        }
    }

    private static ApiException bad(String message) {
        return new ApiException(ErrorCode.BAD_BODY, message);
    }
}
