package vn.cantho.ioc.api.alert;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.cantho.ioc.alerting.AlertAction;
import vn.cantho.ioc.alerting.AlertService;
import vn.cantho.ioc.alerting.BulkTarget;
import vn.cantho.ioc.alerting.Command;
import vn.cantho.ioc.alerting.CommandResult;
import vn.cantho.ioc.alerting.SilenceResult;
import vn.cantho.ioc.model.alert.ConditionEvent;
import vn.cantho.ioc.store.alert.Alert;
import vn.cantho.ioc.store.alert.AlertEvent;
import vn.cantho.ioc.store.alert.AlertPage;
import vn.cantho.ioc.store.alert.AlertQuery;
import vn.cantho.ioc.store.alert.LabelMatcher;
import vn.cantho.ioc.store.alert.Silence;

/**
 * What the alert, silence, live-stream and Alertmanager routes need from the alert lifecycle: queries, the audit
 * trail as a change feed, operator commands, silences, and conditions raised from outside a rule. Owned by the API
 * so its routes can be tested with an in-memory fake; production is {@link AlertService} over PostgreSQL
 * ({@link #of}), the one relation from {@code api} to {@code alerting} the module rule allows.
 */
public interface AlertBackend {

    /** The most alerts one bulk command may name. */
    int MAX_BULK = AlertService.MAX_BULK;

    /**
     * One page of alerts matching {@code query}, with the cursor of the next page (null on the last).
     *
     * @throws IllegalArgumentException when the query's cursor is not one this backend made
     */
    AlertPage list(AlertQuery query);

    Optional<Alert> get(long id);

    /** The alert's audit trail, oldest first; empty if there is no such alert. */
    List<AlertEvent> events(long alertId);

    /** Audit entries of every alert after id {@code afterId}, oldest first, at most {@code limit}. */
    List<AlertEvent> eventsAfter(long afterId, int limit);

    /** The id of the newest audit entry, 0 when there is none. */
    long lastEventId();

    /** Calls {@code listener} after every change this process commits (to wake the live stream). */
    void onChange(Runnable listener);

    /** Applies an operator command to one alert; the outcome says whether it changed, conflicted or was refused. */
    CommandResult apply(long id, AlertAction action, Command command);

    /** Applies one command to several alerts, one result each, in the targets' order. */
    List<CommandResult> bulk(List<BulkTarget> targets, AlertAction action, Command command);

    /** Active silences, or every silence with {@code includeInactive}. */
    List<Silence> silences(boolean includeInactive);

    Optional<Silence> silence(long id);

    SilenceResult createSilence(
            List<LabelMatcher> matchers, Instant startsAt, Instant endsAt, String actor, String comment);

    SilenceResult expireSilence(long id, String actor);

    /** Records conditions raised outside the rules (Alertmanager clients, overdue explanations) as a rule's would be. */
    void raise(List<ConditionEvent> conditions);

    /** The alert lifecycle of {@code service}. */
    static AlertBackend of(AlertService service) {
        return new AlertServiceBackend(service);
    }
}
