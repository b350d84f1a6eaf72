package vn.cantho.ioc.api.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.cantho.ioc.alerting.AlertAction;
import vn.cantho.ioc.alerting.BulkTarget;
import vn.cantho.ioc.alerting.Command;
import vn.cantho.ioc.alerting.CommandResult;
import vn.cantho.ioc.alerting.CommandResult.Outcome;
import vn.cantho.ioc.alerting.SilenceResult;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.alert.ConditionEvent;
import vn.cantho.ioc.model.alert.ConditionStatus;
import vn.cantho.ioc.model.alert.Severity;
import vn.cantho.ioc.store.alert.Alert;
import vn.cantho.ioc.store.alert.AlertEvent;
import vn.cantho.ioc.store.alert.AlertPage;
import vn.cantho.ioc.store.alert.AlertQuery;
import vn.cantho.ioc.store.alert.AuditType;
import vn.cantho.ioc.store.alert.Handling;
import vn.cantho.ioc.store.alert.LabelMatcher;
import vn.cantho.ioc.store.alert.Silence;

/**
 * Alerts in memory with the command semantics of the alert service the routes rely on: a command on a missing alert
 * is NOT_FOUND, one with an expected version that is not the alert's is a CONFLICT, a repeat is UNCHANGED, a comment
 * without text is INVALID, and every change raises the version by one and appends an audit entry. Lists filter by
 * condition, handling, severity, area and assignee, order by id and page with this fake's own cursor (another
 * cursor is refused with {@link IllegalArgumentException}, as the store refuses one it did not make).
 */
public final class FakeAlerts implements AlertBackend {

    private static final Instant AT = Instant.parse("2026-11-23T03:00:00Z");
    private static final String CURSOR_PREFIX = "after-";

    private final TreeMap<Long, Alert> alerts = new TreeMap<>();
    private final List<AlertEvent> events = new ArrayList<>();
    private final List<Silence> silences = new ArrayList<>();
    private final List<ConditionEvent> raised = new ArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** Adds an unacknowledged FIRING alert of rule {@code pm25-high} in {@code area}, at version 1. */
    public synchronized FakeAlerts firing(long id, Severity severity, String area) {
        alerts.put(
                id,
                new Alert(
                        id,
                        "pm25-high|aq-" + area + "-01",
                        "pm25-high",
                        "aq-" + area + "-01",
                        Scope.DEVICE,
                        "environment",
                        area,
                        new TreeMap<>(Map.of("area", area)),
                        severity,
                        ConditionStatus.FIRING,
                        true,
                        false,
                        1,
                        1,
                        AT,
                        AT,
                        AT,
                        null,
                        null,
                        Handling.UNACK,
                        null,
                        null,
                        null,
                        null,
                        "PM2.5 high in " + area,
                        80.0,
                        1,
                        1,
                        AT,
                        List.of(),
                        List.of()));
        return this;
    }

    public synchronized Alert alert(long id) {
        return alerts.get(id);
    }

    /** Conditions raised through {@link #raise}, oldest first. */
    public synchronized List<ConditionEvent> raised() {
        return List.copyOf(raised);
    }

    @Override
    public synchronized AlertPage list(AlertQuery query) {
        long after = query.cursor() == null ? 0 : decode(query.cursor());
        List<Alert> matching = alerts.tailMap(after, false).values().stream()
                .filter(a -> query.conditions() == null
                        || query.conditions().isEmpty()
                        || query.conditions().contains(a.condition()))
                .filter(a -> query.handling() == null
                        || query.handling().isEmpty()
                        || query.handling().contains(a.handling()))
                .filter(a -> query.severities() == null
                        || query.severities().isEmpty()
                        || query.severities().contains(a.severity()))
                .filter(a -> query.areas() == null
                        || query.areas().isEmpty()
                        || query.areas().contains(a.areaCode()))
                .filter(a -> query.assignee() == null || query.assignee().equals(a.assignee()))
                .toList();
        List<Alert> items = matching.subList(0, Math.min(query.limit(), matching.size()));
        String next = matching.size() > items.size()
                ? CURSOR_PREFIX + items.get(items.size() - 1).id()
                : null;
        return new AlertPage(items, next);
    }

    private static long decode(String cursor) {
        if (cursor.startsWith(CURSOR_PREFIX)) {
            try {
                return Long.parseLong(cursor.substring(CURSOR_PREFIX.length()));
            } catch (NumberFormatException e) {
                // refused below
            }
        }
        throw new IllegalArgumentException("'" + cursor + "' is not a cursor this store returned");
    }

    @Override
    public synchronized Optional<Alert> get(long id) {
        return Optional.ofNullable(alerts.get(id));
    }

    @Override
    public synchronized List<AlertEvent> events(long alertId) {
        return events.stream().filter(e -> e.alertId() == alertId).toList();
    }

    @Override
    public synchronized List<AlertEvent> eventsAfter(long afterId, int limit) {
        return events.stream().filter(e -> e.id() > afterId).limit(limit).toList();
    }

    @Override
    public synchronized long lastEventId() {
        return events.size();
    }

    @Override
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public CommandResult apply(long id, AlertAction action, Command command) {
        CommandResult result;
        synchronized (this) {
            result = applyLocked(id, action, command);
        }
        if (result.changed()) {
            listeners.forEach(Runnable::run);
        }
        return result;
    }

    private CommandResult applyLocked(long id, AlertAction action, Command command) {
        Alert alert = alerts.get(id);
        if (alert == null) {
            return new CommandResult(id, Outcome.NOT_FOUND, null, "no alert " + id);
        }
        if (command.expectedVersion() != null && command.expectedVersion() != alert.version()) {
            return new CommandResult(
                    id,
                    Outcome.CONFLICT,
                    alert,
                    "alert " + id + " is at version " + alert.version() + ", not " + command.expectedVersion());
        }
        if (action instanceof AlertAction.Ack) {
            return alert.handling() == Handling.ACK
                    ? unchanged(alert, "already acknowledged")
                    : change(alert, Handling.ACK, command.actor(), alert.assignee(), AuditType.ACKNOWLEDGED, command);
        }
        if (action instanceof AlertAction.Unack) {
            return alert.handling() == Handling.UNACK
                    ? unchanged(alert, "not acknowledged")
                    : change(alert, Handling.UNACK, null, alert.assignee(), AuditType.UNACKNOWLEDGED, command);
        }
        if (action instanceof AlertAction.Assign assign) {
            return Objects.equals(assign.assignee(), alert.assignee())
                    ? unchanged(alert, "already assigned so")
                    : change(
                            alert,
                            alert.handling(),
                            alert.ackedBy(),
                            assign.assignee(),
                            assign.assignee() == null ? AuditType.UNASSIGNED : AuditType.ASSIGNED,
                            command);
        }
        if (action instanceof AlertAction.Comment) {
            return command.comment() == null || command.comment().isBlank()
                    ? new CommandResult(id, Outcome.INVALID, alert, "a comment needs text")
                    : change(alert, alert.handling(), alert.ackedBy(), alert.assignee(), AuditType.COMMENTED, command);
        }
        return new CommandResult(id, Outcome.INVALID, alert, action.name() + " is not supported by this fake");
    }

    private static CommandResult unchanged(Alert alert, String why) {
        return new CommandResult(alert.id(), Outcome.UNCHANGED, alert, why);
    }

    private CommandResult change(
            Alert a, Handling handling, String ackedBy, String assignee, AuditType type, Command command) {
        Alert changed = new Alert(
                a.id(),
                a.alertKey(),
                a.ruleId(),
                a.entityId(),
                a.scope(),
                a.domain(),
                a.areaCode(),
                a.labels(),
                a.severity(),
                a.condition(),
                a.episodeOpen(),
                a.flapping(),
                a.episode(),
                a.occurrences(),
                a.firstSeenAt(),
                a.lastSeenAt(),
                a.openedAt(),
                a.resolvedAt(),
                a.resolvedBy(),
                handling,
                ackedBy,
                ackedBy == null ? null : AT,
                assignee,
                a.snoozedUntil(),
                a.summary(),
                a.measure(),
                a.version() + 1,
                a.lastEventSeq() + 1,
                AT,
                a.suppressions(),
                a.pendingActions());
        alerts.put(a.id(), changed);
        events.add(new AlertEvent(
                events.size() + 1,
                a.id(),
                changed.lastEventSeq(),
                type,
                command.actor(),
                AT,
                a.episode(),
                command.comment(),
                Map.of()));
        return new CommandResult(a.id(), Outcome.CHANGED, changed, null);
    }

    @Override
    public List<CommandResult> bulk(List<BulkTarget> targets, AlertAction action, Command command) {
        List<CommandResult> results = new ArrayList<>();
        for (BulkTarget target : targets) {
            results.add(apply(
                    target.alertId(),
                    action,
                    new Command(command.actor(), command.comment(), target.expectedVersion())));
        }
        return results;
    }

    @Override
    public synchronized List<Silence> silences(boolean includeInactive) {
        return silences.stream()
                .filter(s -> includeInactive || s.expiredAt() == null)
                .toList();
    }

    @Override
    public synchronized Optional<Silence> silence(long id) {
        return silences.stream().filter(s -> s.id() == id).findFirst();
    }

    @Override
    public synchronized SilenceResult createSilence(
            List<LabelMatcher> matchers, Instant startsAt, Instant endsAt, String actor, String comment) {
        Silence created = new Silence(
                silences.size() + 1,
                matchers,
                actor,
                comment,
                startsAt == null ? AT : startsAt,
                endsAt,
                AT,
                null,
                null);
        silences.add(created);
        return new SilenceResult(Outcome.CHANGED, created, null);
    }

    @Override
    public synchronized SilenceResult expireSilence(long id, String actor) {
        Optional<Silence> found = silence(id);
        if (found.isEmpty()) {
            return new SilenceResult(Outcome.NOT_FOUND, null, "no silence " + id);
        }
        Silence s = found.get();
        if (s.expiredAt() != null) {
            return new SilenceResult(Outcome.UNCHANGED, s, "silence " + id + " was already expired");
        }
        Silence expired = new Silence(
                s.id(), s.matchers(), s.createdBy(), s.comment(), s.startsAt(), s.endsAt(), s.createdAt(), AT, actor);
        silences.set(silences.indexOf(s), expired);
        return new SilenceResult(Outcome.CHANGED, expired, null);
    }

    @Override
    public synchronized void raise(List<ConditionEvent> conditions) {
        raised.addAll(conditions);
    }
}
