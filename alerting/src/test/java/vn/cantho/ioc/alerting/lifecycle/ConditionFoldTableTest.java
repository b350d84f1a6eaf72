package vn.cantho.ioc.alerting.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cantho.ioc.model.alert.ConditionStatus.FIRING;
import static vn.cantho.ioc.model.alert.ConditionStatus.NO_DATA;
import static vn.cantho.ioc.model.alert.ConditionStatus.OK;
import static vn.cantho.ioc.model.alert.ConditionStatus.RESOLVED;
import static vn.cantho.ioc.model.alert.TransitionType.DATA_RETURNED;
import static vn.cantho.ioc.model.alert.TransitionType.FLAPPING_ENDED;
import static vn.cantho.ioc.model.alert.TransitionType.FLAPPING_STARTED;
import static vn.cantho.ioc.model.alert.TransitionType.OPENED;
import static vn.cantho.ioc.model.alert.TransitionType.RETRIGGERED;
import static vn.cantho.ioc.model.alert.TransitionType.SEVERITY_CHANGED;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.alert.ConditionEvent;
import vn.cantho.ioc.model.alert.ConditionStatus;
import vn.cantho.ioc.model.alert.Severity;
import vn.cantho.ioc.model.alert.TransitionType;
import vn.cantho.ioc.store.alert.AuditType;
import vn.cantho.ioc.store.alert.Handling;

/**
 * Condition events (as the rule processor publishes them) applied to a stored alert, one table row per
 * sequence: the resulting condition, episode, counts, audit kinds and how many reach receivers.
 */
class ConditionFoldTableTest {

    /** One event of a row: type and the processor's episode number. */
    record E(TransitionType type, int episode) {}

    static E e(TransitionType type, int episode) {
        return new E(type, episode);
    }

    static Stream<Arguments> sequences() {
        TransitionType resolved = TransitionType.RESOLVED;
        TransitionType noData = TransitionType.NO_DATA;
        return Stream.of(
                Arguments.of("opened", List.of(e(OPENED, 1)), FIRING, 1, true, 1L, "OPENED", 1),
                Arguments.of(
                        "opened then resolved",
                        List.of(e(OPENED, 1), e(resolved, 1)),
                        RESOLVED,
                        1,
                        false,
                        1L,
                        "OPENED RESOLVED",
                        2),
                Arguments.of(
                        "recovering and retriggered stay in the episode and are not notified",
                        List.of(
                                e(OPENED, 1),
                                e(TransitionType.RECOVERING, 1),
                                e(RETRIGGERED, 1),
                                e(TransitionType.RECOVERING, 1)),
                        ConditionStatus.RECOVERING,
                        1,
                        true,
                        2L,
                        "OPENED RECOVERING RETRIGGERED RECOVERING",
                        1),
                Arguments.of(
                        "severity change notifies",
                        List.of(e(OPENED, 1), e(SEVERITY_CHANGED, 1)),
                        FIRING,
                        1,
                        true,
                        1L,
                        "OPENED SEVERITY_CHANGED",
                        2),
                Arguments.of(
                        "a re-fire after resolution opens episode 2",
                        List.of(e(OPENED, 1), e(resolved, 1), e(OPENED, 2)),
                        FIRING,
                        2,
                        true,
                        2L,
                        "OPENED RESOLVED OPENED",
                        3),
                Arguments.of(
                        "a repeated OPENED while open counts an occurrence, no new episode",
                        List.of(e(OPENED, 1), e(OPENED, 1)),
                        FIRING,
                        1,
                        true,
                        2L,
                        "OPENED REPEATED",
                        1),
                Arguments.of(
                        "a processor that restarted numbering cannot reuse an episode number",
                        List.of(e(OPENED, 1), e(resolved, 1), e(OPENED, 1)),
                        FIRING,
                        2,
                        true,
                        2L,
                        "OPENED RESOLVED OPENED",
                        3),
                Arguments.of(
                        "no data during an episode keeps it open; data returns to firing",
                        List.of(e(OPENED, 1), e(noData, 1), e(DATA_RETURNED, 1)),
                        FIRING,
                        1,
                        true,
                        1L,
                        "OPENED NO_DATA DATA_RETURNED",
                        3),
                Arguments.of("no data before any episode", List.of(e(noData, 0)), NO_DATA, 0, false, 0L, "NO_DATA", 1),
                Arguments.of(
                        "data returns to OK before any episode",
                        List.of(e(noData, 0), e(DATA_RETURNED, 0)),
                        OK,
                        0,
                        false,
                        0L,
                        "NO_DATA DATA_RETURNED",
                        2),
                Arguments.of(
                        "data returns to RESOLVED after an episode",
                        List.of(e(OPENED, 1), e(resolved, 1), e(noData, 1), e(DATA_RETURNED, 1)),
                        RESOLVED,
                        1,
                        false,
                        1L,
                        "OPENED RESOLVED NO_DATA DATA_RETURNED",
                        4),
                Arguments.of(
                        "flapping held firing then ended",
                        List.of(e(OPENED, 1), e(FLAPPING_STARTED, 1), e(FLAPPING_ENDED, 1), e(resolved, 1)),
                        RESOLVED,
                        1,
                        false,
                        1L,
                        "OPENED FLAPPING_STARTED FLAPPING_ENDED RESOLVED",
                        4),
                Arguments.of(
                        "a RESOLVED without an open episode is recorded and ignored",
                        List.of(e(OPENED, 1), e(resolved, 1), e(resolved, 1)),
                        RESOLVED,
                        1,
                        false,
                        1L,
                        "OPENED RESOLVED CONDITION_IGNORED",
                        2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sequences")
    void condition_events_fold_into_the_stored_alert(
            String name,
            List<E> events,
            ConditionStatus condition,
            int episode,
            boolean open,
            long occurrences,
            String audit,
            int notified) {
        // Given
        AlertDraft draft = new AlertDraft(Alerts.fresh());
        List<String> types = new ArrayList<>();
        int notifications = 0;

        // When
        int minute = 0;
        for (E event : events) {
            ConditionFold.Applied applied = ConditionFold.apply(draft, event(event, minute++));
            types.add(applied.type().name());
            notifications += applied.notifies() ? 1 : 0;
        }

        // Then
        assertThat(draft.condition).isEqualTo(condition);
        assertThat(draft.episode).isEqualTo(episode);
        assertThat(draft.episodeOpen).isEqualTo(open);
        assertThat(draft.occurrences).isEqualTo(occurrences);
        assertThat(String.join(" ", types)).isEqualTo(audit);
        assertThat(notifications).isEqualTo(notified);
    }

    @Test
    void a_new_episode_resets_the_acknowledgement_but_keeps_the_assignee() {
        // Given
        AlertDraft draft = new AlertDraft(Alerts.fresh());
        ConditionFold.apply(draft, event(e(OPENED, 1), 0));
        HandlingRules.ack(draft, "lan.nguyen", Alerts.T0);
        HandlingRules.assign(draft, "lan.nguyen");
        ConditionFold.apply(draft, event(e(TransitionType.RESOLVED, 1), 1));

        // When
        ConditionFold.Applied applied = ConditionFold.apply(draft, event(e(OPENED, 2), 2));

        // Then
        assertThat(applied.opened()).isTrue();
        assertThat(draft.handling).isEqualTo(Handling.UNACK);
        assertThat(draft.ackedBy).isNull();
        assertThat(draft.assignee).isEqualTo("lan.nguyen");
        assertThat(draft.openedAt).isEqualTo(Alerts.T0.plusSeconds(120));
        assertThat(draft.resolvedAt).isNull();
    }

    @Test
    void resolved_but_never_acknowledged_stays_unacknowledged() {
        // Given
        AlertDraft draft = new AlertDraft(Alerts.fresh());

        // When
        ConditionFold.apply(draft, event(e(OPENED, 1), 0));
        ConditionFold.Applied resolved = ConditionFold.apply(draft, event(e(TransitionType.RESOLVED, 1), 1));

        // Then
        assertThat(resolved.closed()).isTrue();
        assertThat(draft.condition).isEqualTo(RESOLVED);
        assertThat(draft.handling).isEqualTo(Handling.UNACK);
    }

    @Test
    void a_raise_after_a_manual_resolve_opens_the_next_episode() {
        // Given
        AlertDraft draft = new AlertDraft(Alerts.fresh());
        ConditionFold.apply(draft, event(e(OPENED, 1), 0));
        HandlingRules.resolve(draft, "minh.tran", Alerts.T0.plusSeconds(30));

        // When
        ConditionFold.Applied ignored = ConditionFold.apply(draft, event(e(TransitionType.RECOVERING, 1), 1));
        ConditionFold.Applied raised = ConditionFold.apply(draft, event(e(SEVERITY_CHANGED, 1), 2));

        // Then
        assertThat(ignored.type()).isEqualTo(AuditType.CONDITION_IGNORED);
        assertThat(ignored.details().get("reason").toString()).contains("resolved by minh.tran");
        assertThat(raised.type()).isEqualTo(AuditType.OPENED);
        assertThat(raised.details()).containsEntry("raisedBy", "SEVERITY_CHANGED");
        assertThat(draft.episode).isEqualTo(2);
        assertThat(draft.resolvedBy).isNull();
    }

    @Test
    void a_repeated_raise_keeps_the_higher_severity_and_the_newest_last_seen() {
        // Given
        AlertDraft draft = new AlertDraft(Alerts.fresh());
        ConditionFold.apply(draft, withSeverity(event(e(OPENED, 1), 5), Severity.CRITICAL));

        // When
        ConditionFold.apply(draft, withSeverity(event(e(OPENED, 1), 3), Severity.WARNING));

        // Then
        assertThat(draft.severity).isEqualTo(Severity.CRITICAL);
        assertThat(draft.lastSeenAt).isEqualTo(Alerts.T0.plusSeconds(300));
    }

    private static ConditionEvent event(E e, int minute) {
        return new ConditionEvent(
                1,
                "ev-" + e.type() + "-" + minute,
                "pm25-high|air-nk-01",
                "pm25-high",
                "air-nk-01",
                Scope.DEVICE,
                "environment",
                "ninh-kieu",
                new TreeMap<>(),
                e.type(),
                Alerts.T0.plusSeconds(60L * minute),
                e.episode(),
                Severity.MAJOR,
                null,
                120.0,
                "PM2.5 120");
    }

    private static ConditionEvent withSeverity(ConditionEvent e, Severity severity) {
        return new ConditionEvent(
                1,
                e.eventId(),
                e.alertKey(),
                e.ruleId(),
                e.entityId(),
                e.scope(),
                e.domain(),
                e.areaCode(),
                e.labels(),
                e.type(),
                e.at(),
                e.episode(),
                severity,
                null,
                e.measure(),
                e.summary());
    }
}
