package vn.cantho.ioc.alerting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.alerting.condition.ConditionWriter;
import vn.cantho.ioc.alerting.escalation.EscalationScheduler;
import vn.cantho.ioc.alerting.lifecycle.AlertDraft;
import vn.cantho.ioc.alerting.lifecycle.HandlingRules;
import vn.cantho.ioc.alerting.lifecycle.HandlingRules.Decision;
import vn.cantho.ioc.alerting.lifecycle.Suppressions;
import vn.cantho.ioc.alerting.notify.WebhookDispatcher;
import vn.cantho.ioc.store.alert.Alert;
import vn.cantho.ioc.store.alert.AlertEvent;
import vn.cantho.ioc.store.alert.AlertPage;
import vn.cantho.ioc.store.alert.AlertQuery;
import vn.cantho.ioc.store.alert.AlertStore;
import vn.cantho.ioc.store.alert.AlertWriter;
import vn.cantho.ioc.store.alert.EscalationAction;
import vn.cantho.ioc.store.alert.LabelMatcher;
import vn.cantho.ioc.store.alert.OutboxMessage;
import vn.cantho.ioc.store.alert.OutboxStore;
import vn.cantho.ioc.store.alert.Silence;

/**
 * What the API does with alerts: queries (list with filters and cursor paging, one alert, its audit
 * trail, a change feed) and operator commands (ack, unack, assign, comment, resolve, snooze,
 * unsnooze, and their bulk form). Every command runs in one transaction that changes the alert, appends
 * its audit entry and settles escalation steps together; it is idempotent and guarded by an optional
 * expected version. Thread-safe.
 */
public final class AlertService {

    /** The longest snooze. */
    public static final Duration MAX_SNOOZE = HandlingRules.MAX_SNOOZE;
    /** The most alerts one bulk command may name. */
    public static final int MAX_BULK = 500;

    private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);

    private final AlertStore store;
    private final OutboxStore outbox;
    private final Clock clock;
    private final AlertingSetup setup;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** A service with the shipped defaults (escalation policies, inhibition rules) and no webhook receivers. */
    public AlertService(DataSource dataSource, Clock clock) {
        this(dataSource, clock, AlertingSetup.defaults());
    }

    public AlertService(DataSource dataSource, Clock clock, AlertingSetup setup) {
        this.store = new AlertStore(dataSource);
        this.outbox = new OutboxStore(dataSource);
        this.clock = clock;
        this.setup = setup;
    }

    /** One page of alerts, each with its suppressions and pending escalation steps. */
    public AlertPage list(AlertQuery query) {
        AlertPage page = store.list(query);
        return new AlertPage(withComputed(page.items()), page.nextCursor());
    }

    /** One alert with its suppressions and pending escalation steps. */
    public Optional<Alert> get(long id) {
        return store.find(id).map(a -> withComputed(List.of(a)).get(0));
    }

    /** The alert's audit trail, oldest first; empty if there is no such alert. */
    public List<AlertEvent> events(long alertId) {
        return store.events(alertId);
    }

    /**
     * Audit entries of every alert after {@code afterId}, oldest first, at most {@code limit}: the change
     * feed behind the live stream. Ids become visible in increasing order, so resuming from the last id
     * seen misses nothing.
     */
    public List<AlertEvent> eventsAfter(long afterId, int limit) {
        return store.eventsAfter(afterId, limit);
    }

    /** The newest audit id (0 if none): take it before a snapshot, then follow {@link #eventsAfter}. */
    public long lastEventId() {
        return store.lastEventId();
    }

    /** Every escalation step of one alert (pending, fired, cancelled), oldest first. */
    public List<EscalationAction> escalations(long alertId) {
        return store.actions(alertId);
    }

    /**
     * Registers a callback run (on the writing thread, after commit) whenever alerts or audit entries
     * changed in this process; the live stream uses it to read {@link #eventsAfter} at once instead of
     * waiting for its next poll. Other hub instances' changes are seen only by polling.
     */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    public CommandResult ack(long id, Command command) {
        return apply(id, new AlertAction.Ack(), command);
    }

    public CommandResult unack(long id, Command command) {
        return apply(id, new AlertAction.Unack(), command);
    }

    public CommandResult assign(long id, String assignee, Command command) {
        return apply(id, new AlertAction.Assign(assignee), command);
    }

    public CommandResult comment(long id, Command command) {
        return apply(id, new AlertAction.Comment(), command);
    }

    public CommandResult resolve(long id, Command command) {
        return apply(id, new AlertAction.Resolve(), command);
    }

    public CommandResult snooze(long id, Instant until, Command command) {
        return apply(id, new AlertAction.Snooze(until), command);
    }

    public CommandResult unsnooze(long id, Command command) {
        return apply(id, new AlertAction.Unsnooze(), command);
    }

    /** Runs one action on one alert in one transaction. */
    public CommandResult apply(long id, AlertAction action, Command command) {
        String problem = command.problem();
        if (problem != null) {
            return new CommandResult(id, CommandResult.Outcome.INVALID, get(id).orElse(null), problem);
        }
        CommandResult result = store.write(w -> applyIn(w, id, action, command, clock.instant()));
        if (result.changed()) {
            changed();
        }
        return result.alert() == null
                ? result
                : new CommandResult(
                        id,
                        result.outcome(),
                        withComputed(List.of(result.alert())).get(0),
                        result.message());
    }

    /**
     * Runs one action on many alerts, each in its own transaction, so one conflict does not hold back
     * the others; the command's own expected version is ignored in favour of each target's.
     */
    public List<CommandResult> bulk(List<BulkTarget> targets, AlertAction action, Command command) {
        if (targets.size() > MAX_BULK) {
            throw new IllegalArgumentException(
                    "a bulk command names at most " + MAX_BULK + " alerts, got " + targets.size());
        }
        List<CommandResult> results = new ArrayList<>(targets.size());
        for (BulkTarget target : targets) {
            results.add(apply(
                    target.alertId(),
                    action,
                    new Command(command.actor(), command.comment(), target.expectedVersion())));
        }
        return results;
    }

    private CommandResult applyIn(AlertWriter w, long id, AlertAction action, Command command, Instant now)
            throws java.sql.SQLException {
        Optional<Alert> found = w.byId(id);
        if (found.isEmpty()) {
            return new CommandResult(id, CommandResult.Outcome.NOT_FOUND, null, "no alert " + id);
        }
        Alert current = found.get();
        AlertDraft draft = new AlertDraft(current);
        Decision decision = decide(draft, action, command, now);
        switch (decision.kind()) {
            case INVALID -> {
                return new CommandResult(id, CommandResult.Outcome.INVALID, current, decision.message());
            }
            case UNCHANGED -> {
                return new CommandResult(id, CommandResult.Outcome.UNCHANGED, current, decision.message());
            }
            default -> {
                // Checked only for real changes: a retried command that finds its work done is UNCHANGED
                // rather than a conflict with its own earlier success.
                if (command.expectedVersion() != null && command.expectedVersion() != current.version()) {
                    return new CommandResult(
                            id,
                            CommandResult.Outcome.CONFLICT,
                            current,
                            "alert " + id + " is at version " + current.version() + ", not "
                                    + command.expectedVersion());
                }
            }
        }
        int seq = current.lastEventSeq() + 1;
        Alert updated = draft.toAlert(current.version() + 1, seq);
        w.update(List.of(updated));
        w.append(List.of(new AlertWriter.NewEvent(
                id,
                seq,
                decision.type(),
                command.actor(),
                now,
                updated.episode(),
                command.comment(),
                withAction(decision.details(), action),
                null)));
        setup.escalation().settle(w, updated, decision.escalations(), now, command.actor() + " " + action.name());
        LOG.debug("alert {} {} by {}", id, action.name(), command.actor());
        return new CommandResult(id, CommandResult.Outcome.CHANGED, updated, null);
    }

    private static Decision decide(AlertDraft d, AlertAction action, Command command, Instant now) {
        if (action instanceof AlertAction.Ack) {
            return HandlingRules.ack(d, command.actor(), now);
        } else if (action instanceof AlertAction.Unack) {
            return HandlingRules.unack(d);
        } else if (action instanceof AlertAction.Assign assign) {
            return HandlingRules.assign(d, assign.assignee());
        } else if (action instanceof AlertAction.Comment) {
            return HandlingRules.comment(command.comment());
        } else if (action instanceof AlertAction.Resolve) {
            return HandlingRules.resolve(d, command.actor(), now);
        } else if (action instanceof AlertAction.Snooze snooze) {
            return HandlingRules.snooze(d, snooze.until(), now);
        } else if (action instanceof AlertAction.Unsnooze) {
            return HandlingRules.unsnooze(d, now);
        }
        throw new IllegalArgumentException("unknown action " + action);
    }

    private static Map<String, Object> withAction(Map<String, Object> details, AlertAction action) {
        Map<String, Object> all = new java.util.LinkedHashMap<>(details);
        all.put("action", action.name());
        return all;
    }

    private List<Alert> withComputed(List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return alerts;
        }
        Instant now = clock.instant();
        Suppressions suppressions =
                new Suppressions(store.silences(false), store.active(setup.inhibitionSources()), setup.inhibitions());
        Map<Long, List<EscalationAction>> pending =
                store.pendingActions(alerts.stream().map(Alert::id).toList()).stream()
                        .collect(Collectors.groupingBy(EscalationAction::alertId));
        return alerts.stream()
                .map(a -> a.withComputed(suppressions.of(a, now), pending.getOrDefault(a.id(), List.of())))
                .toList();
    }

    /** Tells the listeners that something changed; a failing listener does not fail the command. */
    void changed() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("alert change listener failed: {}", e.toString());
            }
        }
    }

    /**
     * Creates a silence: alerts matching every matcher are not notified from {@code startsAt} (null =
     * now) to {@code endsAt}. Refused (INVALID) without matchers, actor or comment, or when it would
     * end before it starts or already be over.
     */
    public SilenceResult createSilence(
            List<LabelMatcher> matchers, Instant startsAt, Instant endsAt, String actor, String comment) {
        Instant now = clock.instant();
        Instant start = startsAt == null ? now : startsAt;
        String problem = Command.by(actor).withComment(comment).problem();
        if (problem == null && (matchers == null || matchers.isEmpty())) {
            problem = "a silence needs at least one matcher";
        } else if (problem == null && (comment == null || comment.isBlank())) {
            problem = "a silence needs a comment saying why";
        } else if (problem == null && (endsAt == null || !endsAt.isAfter(start) || !endsAt.isAfter(now))) {
            problem = "a silence must end after it starts and in the future";
        }
        if (problem != null) {
            return new SilenceResult(CommandResult.Outcome.INVALID, null, problem);
        }
        Silence created = store.write(w -> w.insertSilence(matchers, actor, comment, start, endsAt));
        LOG.info("silence {} created by {} until {}: {}", created.id(), actor, endsAt, matchers);
        changed();
        return new SilenceResult(CommandResult.Outcome.CHANGED, created, null);
    }

    /** Silences, newest first: those in force or still to start, or all of them ({@code includeInactive}). */
    public List<Silence> silences(boolean includeInactive) {
        return store.silences(includeInactive);
    }

    public Optional<Silence> silence(long id) {
        return store.silence(id);
    }

    /** Expires a silence now (it is kept, with who expired it); expiring an expired one is UNCHANGED. */
    public SilenceResult expireSilence(long id, String actor) {
        String problem = Command.by(actor).problem();
        if (problem != null) {
            return new SilenceResult(CommandResult.Outcome.INVALID, null, problem);
        }
        Optional<Silence> expired = store.write(w -> w.expireSilence(id, actor, clock.instant()));
        if (expired.isPresent()) {
            changed();
            return new SilenceResult(CommandResult.Outcome.CHANGED, expired.get(), null);
        }
        return store.silence(id)
                .map(s -> new SilenceResult(
                        CommandResult.Outcome.UNCHANGED,
                        s,
                        "silence " + id + " was already expired by " + s.expiredBy()))
                .orElseGet(() -> new SilenceResult(CommandResult.Outcome.NOT_FOUND, null, "no silence " + id));
    }

    /** The webhook messages queued for one alert (delivered or not), oldest first. */
    public List<OutboxMessage> notifications(long alertId) {
        return outbox.forAlert(alertId);
    }

    /** The scheduler that fires due escalation steps of this service's alerts; the caller starts and closes it. */
    public EscalationScheduler escalationScheduler() {
        return new EscalationScheduler(store, setup, clock, this::changed);
    }

    /** The dispatcher that delivers this service's outbox to its receivers; the caller starts and closes it. */
    public WebhookDispatcher webhookDispatcher(WebhookDispatcher.Options options) {
        return new WebhookDispatcher(outbox, setup.receivers(), clock, options);
    }

    /** The writer that stores condition events, wired to this service's setup and change listeners. */
    public ConditionWriter conditionWriter() {
        return new ConditionWriter(store, setup, clock, this::changed);
    }
}
