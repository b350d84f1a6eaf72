package vn.cantho.ioc.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.cantho.ioc.alerting.Events.event;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.alerting.escalation.EscalationPolicy;
import vn.cantho.ioc.alerting.escalation.EscalationScheduler;
import vn.cantho.ioc.alerting.escalation.EscalationStep;
import vn.cantho.ioc.alerting.lifecycle.ConditionFold;
import vn.cantho.ioc.alerting.notify.Receiver;
import vn.cantho.ioc.alerting.notify.WebhookDispatcher;
import vn.cantho.ioc.model.alert.ConditionStatus;
import vn.cantho.ioc.model.alert.Severity;
import vn.cantho.ioc.model.alert.TransitionType;
import vn.cantho.ioc.model.metrics.StageMeters;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.alert.Alert;
import vn.cantho.ioc.store.alert.AlertEvent;
import vn.cantho.ioc.store.alert.AlertQuery;
import vn.cantho.ioc.store.alert.AuditType;
import vn.cantho.ioc.store.alert.EscalationAction;
import vn.cantho.ioc.store.alert.Handling;
import vn.cantho.ioc.store.alert.LabelMatcher;
import vn.cantho.ioc.store.alert.OutboxMessage;
import vn.cantho.ioc.testkit.SharedServers;

/**
 * Escalation and webhook notifications against the real PostgreSQL and a real HTTP receiver, with
 * escalation delays of a second and the receiver failing every message's first attempt.
 */
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class EscalationAndWebhookIT {

    private static final String SECRET = "test-secret-0123456789abcdef";
    private static final WebhookDispatcher.Options FAST = new WebhookDispatcher.Options(
            Duration.ofMillis(100),
            Duration.ofSeconds(5),
            Duration.ofMillis(200),
            Duration.ofSeconds(2),
            Duration.ofHours(1));

    private static String url;
    private static WebhookReceiver receiver;
    private static AlertingSetup setup;
    /** Micrometer's global registry counts only into registries added to it, as the hub adds its /metrics one. */
    private static final SimpleMeterRegistry METERS = new SimpleMeterRegistry();

    @BeforeAll
    static void start() throws Exception {
        Metrics.addRegistry(METERS);
        url = TestDatabases.freshSchemaUrl("escalation_it");
        receiver = new WebhookReceiver(SECRET, true);
        setup = AlertingSetup.defaults()
                .withReceivers(List.of(
                        new Receiver("ops", receiver.url("/ops"), SECRET, true),
                        new Receiver("level-2", receiver.url("/level-2"), SECRET, false),
                        new Receiver("level-3", receiver.url("/level-3"), SECRET, false)))
                .withPolicies(List.of(new EscalationPolicy(
                        "test",
                        List.of(),
                        List.of(
                                new EscalationStep(
                                        Duration.ofSeconds(1), EscalationAction.Until.ACK, 2, List.of("level-2")),
                                new EscalationStep(
                                        Duration.ofHours(4), EscalationAction.Until.RESOLVE, 3, List.of("level-3"))))));
    }

    @AfterAll
    static void stop() {
        Metrics.removeRegistry(METERS);
        if (receiver != null) {
            receiver.close();
        }
    }

    /** One hub instance's alerting parts on the shared schema. */
    private static final class Instance implements AutoCloseable {
        final Database database = TestDatabases.open(url);
        final AlertService service = new AlertService(database.dataSource(), Clock.systemUTC(), setup);
        EscalationScheduler scheduler;
        WebhookDispatcher dispatcher;

        Instance running() {
            scheduler = service.escalationScheduler().start(Duration.ofMillis(100));
            dispatcher = service.webhookDispatcher(FAST).start();
            return this;
        }

        Alert open(String station, Severity severity) {
            String key = "pm25-high|" + station;
            service.conditionWriter().write(List.of(event(key, TransitionType.OPENED, Instant.now(), 1, severity)));
            return service.list(new AlertQuery(
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            List.of(new LabelMatcher("station", LabelMatcher.Op.EQ, key)),
                            null,
                            1))
                    .items()
                    .get(0);
        }

        @Override
        public void close() {
            if (dispatcher != null) {
                dispatcher.close();
            }
            if (scheduler != null) {
                scheduler.close();
            }
            database.close();
        }
    }

    @Test
    void late_data_goes_to_history_without_webhooks_or_escalation_until_it_is_seen_to_hold_now() {
        try (Instance hub = new Instance().running()) {
            // Given a backfill: one episode opens and closes in the past data, another opens and stays open
            String past = "pm25-high|" + SharedServers.uniqueName("tram-co-do");
            String holding = "pm25-high|" + SharedServers.uniqueName("tram-thoi-lai");
            Instant now = Instant.now();

            // When
            hub.service
                    .conditionWriter()
                    .write(List.of(
                            Events.held(event(past, TransitionType.OPENED, now, 1, Severity.CRITICAL)),
                            event(past, TransitionType.RESOLVED, now, 1, Severity.CRITICAL),
                            Events.held(event(holding, TransitionType.OPENED, now, 1, Severity.CRITICAL))));

            // Then both are history: acknowledged by system:history, nothing queued, nothing to escalate
            for (String key : List.of(past, holding)) {
                Alert alert = find(hub, key);
                assertThat(alert.handling()).isEqualTo(Handling.ACK);
                assertThat(alert.ackedBy()).isEqualTo(ConditionFold.HISTORY_ACTOR);
                assertThat(hub.service.notifications(alert.id())).isEmpty();
                assertThat(alert.pendingActions()).isEmpty();
            }
            assertThat(find(hub, past).condition()).isEqualTo(ConditionStatus.RESOLVED);

            // When the processor finds the second still holding once the burst is over
            hub.service
                    .conditionWriter()
                    .write(List.of(event(holding, TransitionType.OPENED, Instant.now(), 1, Severity.CRITICAL)));

            // Then it is in front of operators: unacknowledged, notified, escalation scheduled
            Alert surfaced = find(hub, holding);
            assertThat(surfaced.handling()).isEqualTo(Handling.UNACK);
            assertThat(surfaced.episode()).isEqualTo(1);
            assertThat(hub.service.notifications(surfaced.id())).isNotEmpty();
            assertThat(surfaced.pendingActions()).isNotEmpty();
            assertThat(hub.service.notifications(find(hub, past).id())).isEmpty();
        }
    }

    private static Alert find(Instance hub, String key) {
        return hub.service
                .list(new AlertQuery(
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(new LabelMatcher("station", LabelMatcher.Op.EQ, key)),
                        null,
                        1))
                .items()
                .get(0);
    }

    @Test
    void escalation_fires_for_an_unacknowledged_alert_and_not_for_an_acknowledged_one() {
        double stepsBefore = meter(StageMeters.ESCALATION_STEPS);
        try (Instance hub = new Instance()) {
            // Given
            Alert unacked = hub.open(SharedServers.uniqueName("tram-ninh-kieu"), Severity.CRITICAL);
            Alert acked = hub.open(SharedServers.uniqueName("tram-binh-thuy"), Severity.CRITICAL);
            assertThat(hub.service.get(unacked.id()).orElseThrow().pendingActions())
                    .extracting(EscalationAction::level, EscalationAction::until)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(2, EscalationAction.Until.ACK),
                            org.assertj.core.groups.Tuple.tuple(3, EscalationAction.Until.RESOLVE));

            // When
            hub.service.ack(acked.id(), Command.by("lan.nguyen").withComment("on it"));
            hub.running();

            // Then
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> receiver.acceptedFor(unacked.id()).stream()
                                    .anyMatch(r -> r.path().equals("/level-2"))
                            && !receiver.acceptedFor(acked.id()).isEmpty());
            assertThat(hub.service.events(unacked.id()))
                    .extracting(AlertEvent::type)
                    .containsExactly(AuditType.OPENED, AuditType.ESCALATED);
            AlertEvent escalated = hub.service.events(unacked.id()).get(1);
            assertThat(escalated.actor()).isEqualTo("system:escalation");
            assertThat(escalated.details())
                    .containsEntry("level", 2)
                    .containsEntry("notification", java.util.Map.of("receivers", List.of("level-2")));
            assertThat(hub.service.escalations(acked.id()))
                    .extracting(EscalationAction::level, EscalationAction::state)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(2, EscalationAction.State.CANCELLED),
                            org.assertj.core.groups.Tuple.tuple(3, EscalationAction.State.PENDING));
            assertThat(hub.service.escalations(acked.id()).get(0).reason()).startsWith("acknowledged: lan.nguyen");
            assertThat(hub.service.get(acked.id()).orElseThrow().pendingActions())
                    .singleElement()
                    .satisfies(a -> assertThat(a.dueAt()).isAfter(Instant.now().plus(Duration.ofHours(3))));
            assertThat(receiver.acceptedFor(acked.id()))
                    .extracting(WebhookReceiver.Received::path)
                    .containsExactly("/ops");
            assertThat(meter(StageMeters.ESCALATION_STEPS))
                    .as("escalation steps on /metrics")
                    .isGreaterThanOrEqualTo(stepsBefore + 1);
        }
    }

    @Test
    void each_notification_reaches_the_receiver_once_although_its_first_attempt_fails() {
        double deliveredBefore = meter(StageMeters.WEBHOOK_DELIVERIES, "outcome", "delivered");
        double failedBefore = meter(StageMeters.WEBHOOK_DELIVERIES, "outcome", "failed");
        try (Instance hub = new Instance().running()) {
            // Given
            String station = SharedServers.uniqueName("tram-cai-rang");
            Alert alert = hub.open(station, Severity.MAJOR);
            hub.service.ack(alert.id(), Command.by("lan.nguyen"));

            // When
            hub.service
                    .conditionWriter()
                    .write(List.of(
                            event("pm25-high|" + station, TransitionType.RESOLVED, Instant.now(), 1, Severity.MAJOR)));

            // Then
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> receiver.acceptedFor(alert.id()).size() == 2);
            hub.dispatcher.runOnce();
            List<WebhookReceiver.Received> got = receiver.acceptedFor(alert.id());
            assertThat(got).extracting(r -> r.body().path("type").asText()).containsExactly("OPENED", "RESOLVED");
            assertThat(got).allSatisfy(r -> {
                assertThat(r.signatureValid()).isTrue();
                assertThat(r.attempt()).isEqualTo(2);
                assertThat(receiver.acceptedCounts().get(r.idempotencyKey())).isEqualTo(1L);
                assertThat(r.body().path("idempotencyKey").asText()).isEqualTo(r.idempotencyKey());
            });
            assertThat(receiver.refused().stream()
                            .filter(r -> r.body().path("alert").path("id").asLong() == alert.id()))
                    .hasSize(2);
            assertThat(hub.service.escalations(alert.id()))
                    .extracting(EscalationAction::state)
                    .as("resolving settles every step")
                    .containsOnly(EscalationAction.State.CANCELLED);
            // The receiver records a delivery before the dispatcher has stored its outcome, so wait for the outbox.
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(hub.service.notifications(alert.id()))
                    .allSatisfy(m -> {
                        assertThat(m.deliveredAt()).isNotNull();
                        assertThat(m.attempts()).isEqualTo(2);
                        assertThat(m.lastError()).isNull();
                    }));
            // Counted just after the outcome is stored, so it may trail the outbox by a moment.
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(meter(StageMeters.WEBHOOK_DELIVERIES, "outcome", "delivered"))
                            .as("deliveries on /metrics")
                            .isGreaterThanOrEqualTo(deliveredBefore + 2));
            assertThat(meter(StageMeters.WEBHOOK_DELIVERIES, "outcome", "failed"))
                    .isGreaterThanOrEqualTo(failedBefore + 2);
        }
    }

    /** A stage counter's value on Micrometer's global registry, which the hub's /metrics serves. */
    private static double meter(String name, String... tags) {
        var counter = Metrics.globalRegistry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void an_unack_re_arms_the_acknowledgement_step_from_the_unack() {
        try (Instance hub = new Instance()) {
            // Given
            Alert alert = hub.open(SharedServers.uniqueName("tram-phong-dien"), Severity.MAJOR);
            hub.service.ack(alert.id(), Command.by("lan.nguyen"));

            // When
            Instant unackedAt = Instant.now();
            hub.service.unack(alert.id(), Command.by("minh.tran").withComment("handing over"));
            hub.running();

            // Then
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.acceptedFor(alert.id()).stream()
                    .anyMatch(r -> r.path().equals("/level-2")));
            List<EscalationAction> steps = hub.service.escalations(alert.id());
            assertThat(steps)
                    .extracting(EscalationAction::level, EscalationAction::state)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(2, EscalationAction.State.CANCELLED),
                            org.assertj.core.groups.Tuple.tuple(3, EscalationAction.State.PENDING),
                            org.assertj.core.groups.Tuple.tuple(2, EscalationAction.State.FIRED));
            assertThat(steps.get(2).dueAt())
                    .isAfterOrEqualTo(unackedAt.plusSeconds(1).minusMillis(1));
        }
    }

    @Test
    void a_silenced_alert_is_not_notified_and_the_decision_is_in_its_audit_trail() {
        try (Instance hub = new Instance()) {
            // Given
            String station = SharedServers.uniqueName("tram-o-mon");
            SilenceResult silence = hub.service.createSilence(
                    List.of(LabelMatcher.parse("station=pm25-high|" + station)),
                    null,
                    Instant.now().plus(Duration.ofHours(2)),
                    "minh.tran",
                    "station maintenance");

            // When
            Alert alert = hub.open(station, Severity.MAJOR);

            // Then
            assertThat(silence.outcome()).isEqualTo(CommandResult.Outcome.CHANGED);
            assertThat(hub.service.get(alert.id()).orElseThrow().suppressions())
                    .singleElement()
                    .satisfies(s -> assertThat(s.ref())
                            .isEqualTo(Long.toString(silence.silence().id())));
            assertThat(hub.service.notifications(alert.id())).isEmpty();
            assertThat(hub.service
                            .events(alert.id())
                            .get(0)
                            .details()
                            .get("notification")
                            .toString())
                    .contains("suppressed", "SILENCED", "station maintenance");

            // When the silence is expired, the alert is no longer suppressed
            assertThat(hub.service
                            .expireSilence(silence.silence().id(), "minh.tran")
                            .outcome())
                    .isEqualTo(CommandResult.Outcome.CHANGED);
            assertThat(hub.service
                            .expireSilence(silence.silence().id(), "minh.tran")
                            .outcome())
                    .isEqualTo(CommandResult.Outcome.UNCHANGED);
            assertThat(hub.service.get(alert.id()).orElseThrow().suppressions()).isEmpty();
            assertThat(hub.service.silences(true)).anySatisfy(s -> {
                assertThat(s.id()).isEqualTo(silence.silence().id());
                assertThat(s.expiredBy()).isEqualTo("minh.tran");
            });
        }
    }

    @Test
    void a_restart_loses_no_alert_audit_entry_or_pending_escalation() {
        // Given an alert with an escalation step due after the first instance is gone
        String station = SharedServers.uniqueName("tram-thot-not");
        Alert before;
        List<AlertEvent> trailBefore;
        try (Instance first = new Instance()) {
            before = first.open(station, Severity.CRITICAL);
            first.service.assign(
                    before.id(), "lan.nguyen", Command.by("minh.tran").withComment("night shift"));
            before = first.service.get(before.id()).orElseThrow();
            trailBefore = first.service.events(before.id());
        }

        // When a new instance starts on the same database
        try (Instance second = new Instance()) {
            Alert after = second.service.get(before.id()).orElseThrow();

            // Then
            assertThat(after).isEqualTo(before);
            assertThat(second.service.events(before.id())).isEqualTo(trailBefore);
            assertThat(after.pendingActions()).hasSize(2);
            second.running();
            long id = before.id();
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.acceptedFor(id).stream()
                    .anyMatch(r -> r.path().equals("/level-2")));
            assertThat(second.service.events(id))
                    .extracting(AlertEvent::type)
                    .containsExactly(AuditType.OPENED, AuditType.ASSIGNED, AuditType.ESCALATED);
            assertThat(second.service.notifications(id))
                    .extracting(OutboxMessage::receiver)
                    .containsExactly("ops", "level-2");
        }
    }
}
