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

/** {@link AlertBackend} on the alerting module's {@link AlertService}: every call passes straight through. */
final class AlertServiceBackend implements AlertBackend {

    private final AlertService service;

    AlertServiceBackend(AlertService service) {
        this.service = service;
    }

    @Override
    public AlertPage list(AlertQuery query) {
        return service.list(query);
    }

    @Override
    public Optional<Alert> get(long id) {
        return service.get(id);
    }

    @Override
    public List<AlertEvent> events(long alertId) {
        return service.events(alertId);
    }

    @Override
    public List<AlertEvent> eventsAfter(long afterId, int limit) {
        return service.eventsAfter(afterId, limit);
    }

    @Override
    public long lastEventId() {
        return service.lastEventId();
    }

    @Override
    public void onChange(Runnable listener) {
        service.onChange(listener);
    }

    @Override
    public CommandResult apply(long id, AlertAction action, Command command) {
        return service.apply(id, action, command);
    }

    @Override
    public List<CommandResult> bulk(List<BulkTarget> targets, AlertAction action, Command command) {
        return service.bulk(targets, action, command);
    }

    @Override
    public List<Silence> silences(boolean includeInactive) {
        return service.silences(includeInactive);
    }

    @Override
    public Optional<Silence> silence(long id) {
        return service.silence(id);
    }

    @Override
    public SilenceResult createSilence(
            List<LabelMatcher> matchers, Instant startsAt, Instant endsAt, String actor, String comment) {
        return service.createSilence(matchers, startsAt, endsAt, actor, comment);
    }

    @Override
    public SilenceResult expireSilence(long id, String actor) {
        return service.expireSilence(id, actor);
    }

    @Override
    public void raise(List<ConditionEvent> conditions) {
        service.conditionWriter().write(conditions);
    }
}
