package vn.cantho.ioc.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cantho.ioc.alerting.Events.event;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.alerting.CommandResult.Outcome;
import vn.cantho.ioc.model.alert.ConditionStatus;
import vn.cantho.ioc.model.alert.Severity;
import vn.cantho.ioc.model.alert.TransitionType;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.alert.Alert;
import vn.cantho.ioc.store.alert.AlertEvent;
import vn.cantho.ioc.store.alert.AuditType;
import vn.cantho.ioc.store.alert.Handling;
import vn.cantho.ioc.testkit.SharedServers;

/** Operator commands on alerts stored in the real PostgreSQL: idempotence, versions, audit trail. */
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AlertCommandsIT {

    private static Database database;
    private static AlertService service;

    @BeforeAll
    static void openDatabase() throws Exception {
        database = TestDatabases.open(TestDatabases.freshSchemaUrl("alert_commands_it"));
        service = new AlertService(database.dataSource(), Clock.systemUTC());
    }

    @AfterAll
    static void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    private static Alert firingAlert() {
        String key = SharedServers.uniqueName("pm25-high|station");
        service.conditionWriter().write(List.of(event(key, TransitionType.OPENED, Instant.now(), 1, Severity.MAJOR)));
        return service.list(vn.cantho.ioc.store.alert.AlertQuery.all()).items().stream()
                .filter(a -> a.alertKey().equals(key))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void ack_twice_returns_unchanged_and_writes_one_audit_entry() {
        // Given
        Alert alert = firingAlert();

        // When
        CommandResult first = service.ack(alert.id(), Command.by("lan.nguyen").withComment("checking the station"));
        CommandResult second = service.ack(alert.id(), Command.by("minh.tran"));

        // Then
        assertThat(first.outcome()).isEqualTo(Outcome.CHANGED);
        assertThat(first.alert().handling()).isEqualTo(Handling.ACK);
        assertThat(first.alert().ackedBy()).isEqualTo("lan.nguyen");
        assertThat(first.alert().version()).isEqualTo(alert.version() + 1);
        assertThat(second.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(second.alert().version()).isEqualTo(first.alert().version());
        assertThat(second.alert().ackedBy()).isEqualTo("lan.nguyen");
        List<AlertEvent> trail = service.events(alert.id());
        assertThat(trail).extracting(AlertEvent::type).containsExactly(AuditType.OPENED, AuditType.ACKNOWLEDGED);
        assertThat(trail.get(1).actor()).isEqualTo("lan.nguyen");
        assertThat(trail.get(1).comment()).isEqualTo("checking the station");
    }

    @Test
    void a_change_with_a_stale_version_is_a_conflict_and_changes_nothing() {
        // Given
        Alert alert = firingAlert();
        service.assign(alert.id(), "lan.nguyen", Command.by("minh.tran").expecting(alert.version()));

        // When
        CommandResult stale = service.ack(alert.id(), Command.by("hoa.le").expecting(alert.version()));

        // Then
        assertThat(stale.outcome()).isEqualTo(Outcome.CONFLICT);
        assertThat(stale.alert().version()).isEqualTo(alert.version() + 1);
        assertThat(service.get(alert.id()).orElseThrow().handling()).isEqualTo(Handling.UNACK);
        assertThat(service.events(alert.id()))
                .extracting(AlertEvent::type)
                .containsExactly(AuditType.OPENED, AuditType.ASSIGNED);
    }

    @Test
    void a_retried_ack_with_its_old_version_is_unchanged_rather_than_a_conflict() {
        // Given
        Alert alert = firingAlert();
        service.ack(alert.id(), Command.by("lan.nguyen").expecting(alert.version()));

        // When
        CommandResult retry = service.ack(alert.id(), Command.by("lan.nguyen").expecting(alert.version()));

        // Then
        assertThat(retry.outcome()).isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void every_action_lands_in_the_audit_trail_with_actor_time_and_comment() {
        // Given
        Alert alert = firingAlert();
        Instant until = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS);

        // When
        service.assign(alert.id(), "lan.nguyen", Command.by("minh.tran"));
        service.comment(alert.id(), Command.by("lan.nguyen").withComment("Trạm Ninh Kiều: bụi từ công trình"));
        service.snooze(alert.id(), until, Command.by("lan.nguyen"));
        service.ack(alert.id(), Command.by("lan.nguyen"));
        service.unack(alert.id(), Command.by("minh.tran").withComment("needs the night shift"));
        service.unsnooze(alert.id(), Command.by("minh.tran"));
        service.resolve(alert.id(), Command.by("minh.tran").withComment("dust cleared"));

        // Then
        List<AlertEvent> trail = service.events(alert.id());
        assertThat(trail)
                .extracting(AlertEvent::type)
                .containsExactly(
                        AuditType.OPENED,
                        AuditType.ASSIGNED,
                        AuditType.COMMENTED,
                        AuditType.SNOOZED,
                        AuditType.ACKNOWLEDGED,
                        AuditType.UNACKNOWLEDGED,
                        AuditType.UNSNOOZED,
                        AuditType.RESOLVED_MANUALLY);
        assertThat(trail).extracting(AlertEvent::seq).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(trail)
                .extracting(AlertEvent::actor)
                .containsExactly(
                        "rule:pm25-high",
                        "minh.tran",
                        "lan.nguyen",
                        "lan.nguyen",
                        "lan.nguyen",
                        "minh.tran",
                        "minh.tran",
                        "minh.tran");
        assertThat(trail.get(2).comment()).isEqualTo("Trạm Ninh Kiều: bụi từ công trình");
        assertThat(trail.get(3).details()).containsEntry("until", until.toString());
        Alert after = service.get(alert.id()).orElseThrow();
        assertThat(after.condition()).isEqualTo(ConditionStatus.RESOLVED);
        assertThat(after.resolvedBy()).isEqualTo("minh.tran");
        assertThat(after.handling())
                .as("resolved but never acknowledged stays visible")
                .isEqualTo(Handling.UNACK);
        assertThat(after.version()).isEqualTo(alert.version() + 7);
    }

    @Test
    void invalid_commands_are_refused_and_change_nothing() {
        // Given
        Alert alert = firingAlert();

        // When / Then
        assertThat(service.ack(alert.id(), Command.by(" ")).outcome()).isEqualTo(Outcome.INVALID);
        assertThat(service.comment(alert.id(), Command.by("lan.nguyen")).outcome())
                .isEqualTo(Outcome.INVALID);
        assertThat(service.snooze(alert.id(), Instant.now().plus(Duration.ofDays(8)), Command.by("lan.nguyen"))
                        .outcome())
                .isEqualTo(Outcome.INVALID);
        assertThat(service.ack(Long.MAX_VALUE, Command.by("lan.nguyen")).outcome())
                .isEqualTo(Outcome.NOT_FOUND);
        assertThat(service.events(alert.id())).hasSize(1);
    }

    @Test
    void bulk_ack_reports_each_alert() {
        // Given
        Alert a = firingAlert();
        Alert b = firingAlert();
        service.ack(b.id(), Command.by("lan.nguyen"));

        // When
        List<CommandResult> results = service.bulk(
                List.of(
                        new BulkTarget(a.id(), a.version()),
                        new BulkTarget(b.id(), null),
                        new BulkTarget(Long.MAX_VALUE, null)),
                new AlertAction.Ack(),
                Command.by("minh.tran").withComment("shift start"));

        // Then
        assertThat(results)
                .extracting(CommandResult::outcome)
                .containsExactly(Outcome.CHANGED, Outcome.UNCHANGED, Outcome.NOT_FOUND);
    }

    @Test
    void the_audit_trail_refuses_updates_and_deletes() throws SQLException {
        // Given
        Alert alert = firingAlert();

        // When / Then
        try (Connection c = database.dataSource().getConnection();
                Statement s = c.createStatement()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.executeUpdate(
                            "UPDATE alert_events SET actor = 'someone else' WHERE alert_id = " + alert.id()))
                    .hasMessageContaining("append-only");
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> s.executeUpdate("DELETE FROM alert_events WHERE alert_id = " + alert.id()))
                    .hasMessageContaining("append-only");
        }
        assertThat(service.events(alert.id())).extracting(AlertEvent::actor).containsExactly("rule:pm25-high");
    }
}
