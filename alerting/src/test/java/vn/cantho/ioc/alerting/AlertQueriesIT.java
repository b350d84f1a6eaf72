package vn.cantho.ioc.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.cantho.ioc.alerting.Events.event;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.alerting.notify.Receiver;
import vn.cantho.ioc.model.alert.ConditionEvent;
import vn.cantho.ioc.model.alert.ConditionStatus;
import vn.cantho.ioc.model.alert.Severity;
import vn.cantho.ioc.model.alert.TransitionType;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.alert.Alert;
import vn.cantho.ioc.store.alert.AlertEvent;
import vn.cantho.ioc.store.alert.AlertPage;
import vn.cantho.ioc.store.alert.AlertQuery;
import vn.cantho.ioc.store.alert.Handling;
import vn.cantho.ioc.store.alert.LabelMatcher;
import vn.cantho.ioc.store.alert.Suppression;

/**
 * Alert queries against the real PostgreSQL: filters, label matchers, cursor paging, the change feed,
 * and inhibition by a "source stale" alert on the write path. The schema holds only this class's alerts.
 */
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AlertQueriesIT {

    private static final Instant T0 =
            Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);

    private static Database database;
    private static AlertService service;

    @BeforeAll
    static void start() throws Exception {
        database = TestDatabases.open(TestDatabases.freshSchemaUrl("alert_queries_it"));
        service = new AlertService(
                database.dataSource(),
                Clock.systemUTC(),
                AlertingSetup.defaults()
                        .withReceivers(List.of(
                                new Receiver(
                                        "ops",
                                        java.net.URI.create("http://127.0.0.1:9/unused"),
                                        "a-secret-of-16-chars",
                                        true),
                                new Receiver(
                                        "level-2",
                                        java.net.URI.create("http://127.0.0.1:9/l2"),
                                        "a-secret-of-16-chars",
                                        false),
                                new Receiver(
                                        "level-3",
                                        java.net.URI.create("http://127.0.0.1:9/l3"),
                                        "a-secret-of-16-chars",
                                        false))));
        List<ConditionEvent> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String station = "tram-" + i;
            events.add(event(
                    "pm25-high|" + station,
                    "pm25-high",
                    station,
                    TransitionType.OPENED,
                    T0.plusSeconds(60L * i),
                    1,
                    i % 3 == 0 ? Severity.CRITICAL : Severity.WARNING));
        }
        events.add(
                event("river-level|gauge-1", "river-level", "gauge-1", TransitionType.OPENED, T0, 1, Severity.MAJOR));
        events.add(event(
                "river-level|gauge-1",
                "river-level",
                "gauge-1",
                TransitionType.RESOLVED,
                T0.plusSeconds(30),
                1,
                Severity.MAJOR));
        service.conditionWriter().write(events);
    }

    @AfterAll
    static void stop() {
        if (database != null) {
            database.close();
        }
    }

    private static AlertQuery query(
            Set<ConditionStatus> conditions, Set<Severity> severities, List<LabelMatcher> matchers, int limit) {
        return new AlertQuery(conditions, null, severities, null, null, null, null, null, null, matchers, null, limit);
    }

    @Test
    void a_cursor_walks_every_alert_once_newest_first_while_new_ones_arrive() {
        // Given
        List<Alert> seen = new ArrayList<>();
        AlertQuery query = query(
                null, null, List.of(LabelMatcher.parse("rule=pm25-high"), LabelMatcher.parse("entity=~tram-.*")), 5);

        // When
        AlertPage page = service.list(query);
        seen.addAll(page.items());
        service.conditionWriter()
                .write(List.of(event(
                        "pm25-high|tram-new",
                        "pm25-high",
                        "tram-new",
                        TransitionType.OPENED,
                        Instant.now(),
                        1,
                        Severity.INFO)));
        while (page.nextCursor() != null) {
            page = service.list(query.withCursor(page.nextCursor()));
            seen.addAll(page.items());
        }

        // Then
        assertThat(seen)
                .extracting(Alert::entityId)
                .startsWith("tram-11", "tram-10")
                .hasSize(12)
                .doesNotHaveDuplicates()
                .doesNotContain("tram-new");
    }

    @Test
    void filters_and_label_matchers_combine() {
        // When
        List<Alert> critical =
                service.list(query(null, Set.of(Severity.CRITICAL), null, 50)).items();
        List<Alert> resolved = service.list(query(Set.of(ConditionStatus.RESOLVED), null, null, 50))
                .items();
        List<Alert> regex = service.list(query(
                        null,
                        null,
                        List.of(LabelMatcher.parse("station=~tram-1[01]"), LabelMatcher.parse("metric!=pm10")),
                        50))
                .items();
        List<Alert> unackedResolved = service.list(new AlertQuery(
                        Set.of(ConditionStatus.RESOLVED),
                        Set.of(Handling.UNACK),
                        null,
                        Set.of("environment"),
                        Set.of("ninh-kieu"),
                        Set.of("river-level"),
                        null,
                        T0,
                        T0.plusSeconds(31),
                        null,
                        null,
                        50))
                .items();
        List<Alert> hostile = service.list(
                        query(null, null, List.of(LabelMatcher.parse("station='; DROP TABLE alerts; --")), 50))
                .items();

        // Then
        assertThat(critical)
                .extracting(Alert::entityId)
                .containsExactlyInAnyOrder("tram-0", "tram-3", "tram-6", "tram-9");
        assertThat(resolved).extracting(Alert::entityId).containsExactly("gauge-1");
        assertThat(regex).extracting(Alert::entityId).containsExactly("tram-11", "tram-10");
        assertThat(unackedResolved).extracting(Alert::entityId).containsExactly("gauge-1");
        assertThat(hostile).isEmpty();
        assertThatThrownBy(() -> service.list(query(null, null, null, 5).withCursor("not-a-cursor")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cursor");
    }

    @Test
    void the_change_feed_resumes_from_the_last_id_without_gaps() {
        // Given
        long cursor = service.lastEventId();
        AtomicInteger signals = new AtomicInteger();
        service.onChange(signals::incrementAndGet);
        Alert alert = service.list(query(null, null, List.of(LabelMatcher.parse("station=tram-4")), 1))
                .items()
                .get(0);

        // When
        service.ack(alert.id(), Command.by("lan.nguyen"));
        service.comment(alert.id(), Command.by("lan.nguyen").withComment("một"));
        List<AlertEvent> first = service.eventsAfter(cursor, 1);
        service.comment(alert.id(), Command.by("lan.nguyen").withComment("hai"));
        List<AlertEvent> rest = service.eventsAfter(first.get(0).id(), 100);

        // Then
        assertThat(signals.get()).isEqualTo(3);
        assertThat(first).extracting(AlertEvent::comment).containsExactly((String) null);
        assertThat(rest).extracting(AlertEvent::comment).containsExactly("một", "hai");
    }

    @Test
    void a_batch_that_resolves_and_reopens_an_alert_schedules_only_the_open_episode() {
        // Given
        String key = "pm25-high|gauge-vinh-thanh";
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        // When
        service.conditionWriter()
                .write(List.of(
                        event(key, "pm25-high", "gauge-vinh-thanh", TransitionType.OPENED, t, 1, Severity.MAJOR),
                        event(
                                key,
                                "pm25-high",
                                "gauge-vinh-thanh",
                                TransitionType.RESOLVED,
                                t.plusSeconds(60),
                                1,
                                Severity.MAJOR),
                        event(
                                key,
                                "pm25-high",
                                "gauge-vinh-thanh",
                                TransitionType.OPENED,
                                t.plusSeconds(120),
                                2,
                                Severity.MAJOR)));

        // Then
        Alert alert = service.list(query(null, null, List.of(LabelMatcher.parse("station=gauge-vinh-thanh")), 1))
                .items()
                .get(0);
        assertThat(alert.episode()).isEqualTo(2);
        assertThat(service.escalations(alert.id()))
                .extracting(a -> a.episode(), a -> a.dueAt())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                2, t.plusSeconds(120).plus(java.time.Duration.ofMinutes(15))),
                        org.assertj.core.groups.Tuple.tuple(
                                2, t.plusSeconds(120).plus(java.time.Duration.ofHours(4))));
    }

    @Test
    void a_stale_source_inhibits_its_rule_alerts_and_the_decision_is_recorded() {
        // Given
        service.conditionWriter()
                .write(List.of(event(
                        "device-stale|aq-o-mon-01",
                        "device-stale",
                        "aq-o-mon-01",
                        java.util.Map.of("kind", "STALE", "device", "aq-o-mon-01"),
                        TransitionType.OPENED,
                        Instant.now(),
                        1,
                        Severity.WARNING)));

        // When
        service.conditionWriter()
                .write(List.of(
                        event(
                                "pm25-high|aq-o-mon-01",
                                "pm25-high",
                                "aq-o-mon-01",
                                java.util.Map.of("kind", "THRESHOLD", "device", "aq-o-mon-01", "metric", "pm25"),
                                TransitionType.NO_DATA,
                                Instant.now(),
                                0,
                                null),
                        event(
                                "pm25-high|aq-cai-rang-01",
                                "pm25-high",
                                "aq-cai-rang-01",
                                java.util.Map.of("kind", "THRESHOLD", "device", "aq-cai-rang-01", "metric", "pm25"),
                                TransitionType.OPENED,
                                Instant.now(),
                                1,
                                Severity.MAJOR)));

        // Then
        Alert inhibited = service.list(query(
                        null,
                        null,
                        List.of(LabelMatcher.parse("rule=pm25-high"), LabelMatcher.parse("entity=aq-o-mon-01")),
                        1))
                .items()
                .get(0);
        assertThat(inhibited.suppressions()).extracting(Suppression::kind).containsExactly(Suppression.Kind.INHIBITED);
        assertThat(service.events(inhibited.id())
                        .get(0)
                        .details()
                        .get("notification")
                        .toString())
                .contains("INHIBITED");
        assertThat(service.notifications(inhibited.id())).isEmpty();
        Alert stale = service.list(query(null, null, List.of(LabelMatcher.parse("rule=device-stale")), 1))
                .items()
                .get(0);
        assertThat(service.notifications(stale.id()))
                .extracting(m -> m.receiver())
                .containsExactly("ops");
        Alert otherDevice = service.list(query(null, null, List.of(LabelMatcher.parse("entity=aq-cai-rang-01")), 1))
                .items()
                .get(0);
        assertThat(otherDevice.suppressions()).isEmpty();
        assertThat(service.notifications(otherDevice.id()))
                .extracting(m -> m.receiver())
                .containsExactly("ops");
    }
}
