package vn.cantho.ioc.alerting.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.store.alert.Alert;
import vn.cantho.ioc.store.alert.AlertWriter.NewNotification;
import vn.cantho.ioc.store.alert.AuditType;
import vn.cantho.ioc.store.alert.EscalationAction;
import vn.cantho.ioc.store.alert.Suppression;

/**
 * Turns notifying changes into outbox messages, one per receiver, with the payload documented in
 * {@code docs/notifications.md} and a deterministic idempotency key, and describes the decision (sent
 * to whom, or suppressed why) for the audit entry of the change. Pure apart from JSON writing.
 */
public final class Notifications {

    /** Version of the webhook payload. */
    public static final int PAYLOAD_VERSION = 1;

    private final Map<String, Receiver> receivers;

    public Notifications(Map<String, Receiver> receivers) {
        this.receivers = Map.copyOf(receivers);
    }

    /**
     * Messages announcing a condition change or operator action recorded as audit entry {@code seq}, to
     * every receiver that takes transitions; none when {@code suppressions} is not empty.
     */
    public List<NewNotification> transition(
            Alert alert,
            AuditType type,
            Instant at,
            int seq,
            Map<String, Object> details,
            List<Suppression> suppressions) {
        List<NewNotification> messages = new ArrayList<>();
        if (!suppressions.isEmpty()) {
            return messages;
        }
        for (Receiver r : receivers.values()) {
            if (r.transitions()) {
                String key = "ioc-alert-" + alert.id() + "-" + seq + "-" + r.id();
                messages.add(new NewNotification(
                        key,
                        r.id(),
                        alert.id(),
                        "transition",
                        payload(key, "transition", type, at, alert, details, null)));
            }
        }
        return messages;
    }

    /** Messages of a fired escalation step to its receivers (unknown receivers are skipped and reported). */
    public List<NewNotification> escalation(
            Alert alert, EscalationAction action, Instant at, List<Suppression> suppressions) {
        List<NewNotification> messages = new ArrayList<>();
        if (!suppressions.isEmpty()) {
            return messages;
        }
        for (String id : action.receivers()) {
            if (receivers.containsKey(id)) {
                String key = "ioc-escalation-" + action.id() + "-" + id;
                Map<String, Object> escalation = new LinkedHashMap<>();
                escalation.put("policy", action.policyId());
                escalation.put("step", action.step());
                escalation.put("level", action.level());
                escalation.put("unless", action.until().name());
                escalation.put("dueAt", action.dueAt().toString());
                messages.add(new NewNotification(
                        key,
                        id,
                        alert.id(),
                        "escalation",
                        payload(key, "escalation", AuditType.ESCALATED, at, alert, Map.of(), escalation)));
            }
        }
        return messages;
    }

    /** The decision as audit details: {@code {"receivers": [...]}} or {@code {"suppressed": [...]}}. */
    public static Map<String, Object> decision(List<NewNotification> messages, List<Suppression> suppressions) {
        Map<String, Object> decision = new LinkedHashMap<>();
        if (!suppressions.isEmpty()) {
            decision.put(
                    "suppressed",
                    suppressions.stream()
                            .map(s -> Map.of("kind", s.kind().name(), "ref", s.ref(), "detail", s.detail()))
                            .toList());
        } else {
            decision.put(
                    "receivers",
                    messages.stream().map(NewNotification::receiver).toList());
        }
        return decision;
    }

    private static String payload(
            String key,
            String kind,
            AuditType type,
            Instant at,
            Alert a,
            Map<String, Object> details,
            Map<String, Object> escalation) {
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("id", a.id());
        alert.put("key", a.alertKey());
        alert.put("rule", a.ruleId());
        alert.put("entity", a.entityId());
        alert.put("scope", a.scope().id());
        alert.put("domain", a.domain());
        alert.put("area", a.areaCode());
        alert.put("labels", a.labels());
        alert.put("severity", a.severity() == null ? null : a.severity().name());
        alert.put("condition", a.condition().name());
        alert.put("handling", a.handling().name());
        alert.put("episode", a.episode());
        alert.put("summary", a.summary());
        alert.put("measure", a.measure());
        alert.put("assignee", a.assignee());
        alert.put("openedAt", a.openedAt() == null ? null : a.openedAt().toString());
        alert.put("version", a.version());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", PAYLOAD_VERSION);
        body.put("idempotencyKey", key);
        body.put("kind", kind);
        body.put("type", type.name());
        body.put("at", at.toString());
        body.put("alert", alert);
        body.put("details", details);
        if (escalation != null) {
            body.put("escalation", escalation);
        }
        try {
            return Json.mapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a webhook payload", e);
        }
    }
}
