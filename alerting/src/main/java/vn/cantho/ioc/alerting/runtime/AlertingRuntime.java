package vn.cantho.ioc.alerting.runtime;

import java.time.Clock;
import javax.sql.DataSource;
import vn.cantho.ioc.alerting.AlertService;
import vn.cantho.ioc.alerting.condition.ConditionConsumer;
import vn.cantho.ioc.alerting.escalation.EscalationScheduler;
import vn.cantho.ioc.alerting.notify.WebhookDispatcher;
import vn.cantho.ioc.model.alert.ConditionEvent;
import vn.cantho.ioc.model.health.HealthCheck;
import vn.cantho.ioc.sink.loop.KafkaToDatabase;

/**
 * The running alert lifecycle of one hub: the {@link AlertService} the API uses, the condition-event
 * consumer, the escalation scheduler and the webhook dispatcher. Wiring only; closing stops them in
 * reverse order.
 */
public final class AlertingRuntime implements AutoCloseable, HealthCheck {

    private final AlertService service;
    private final KafkaToDatabase<ConditionEvent> consumer;
    private final EscalationScheduler scheduler;
    private final WebhookDispatcher dispatcher;

    private AlertingRuntime(
            AlertService service,
            KafkaToDatabase<ConditionEvent> consumer,
            EscalationScheduler scheduler,
            WebhookDispatcher dispatcher) {
        this.service = service;
        this.consumer = consumer;
        this.scheduler = scheduler;
        this.dispatcher = dispatcher;
    }

    public static AlertingRuntime start(
            DataSource dataSource, String kafkaBootstrap, AlertingOptions options, Clock clock) {
        AlertService service = new AlertService(dataSource, clock, options.setup());
        WebhookDispatcher dispatcher =
                service.webhookDispatcher(options.webhooks()).start();
        EscalationScheduler scheduler = service.escalationScheduler().start(options.escalationInterval());
        KafkaToDatabase<ConditionEvent> consumer = ConditionConsumer.create(
                kafkaBootstrap, options.groupId(), options.maxBackoff(), service.conditionWriter());
        consumer.start();
        return new AlertingRuntime(service, consumer, scheduler, dispatcher);
    }

    public AlertService service() {
        return service;
    }

    @Override
    public Status check() {
        Status c = consumer.check();
        Status s = scheduler.check();
        Status d = dispatcher.check();
        return new Status(c.up() && s.up() && d.up(), c.detail() + "; " + s.detail() + "; " + d.detail());
    }

    @Override
    public void close() {
        consumer.close();
        scheduler.close();
        dispatcher.close();
    }
}
