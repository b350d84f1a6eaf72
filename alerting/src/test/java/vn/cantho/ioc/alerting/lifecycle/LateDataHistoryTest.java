package vn.cantho.ioc.alerting.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.alert.ConditionEvent;
import vn.cantho.ioc.model.alert.ConditionStatus;
import vn.cantho.ioc.model.alert.Severity;
import vn.cantho.ioc.model.alert.TransitionType;
import vn.cantho.ioc.store.alert.AuditType;
import vn.cantho.ioc.store.alert.Handling;

/**
 * Episodes opened on late data (a backfill, a re-push, a replay) go to history: acknowledged by
 * {@code system:history}, audited, never notified or escalated, their RESOLVED included; one that still
 * holds now surfaces to operators as a new episode would.
 */
class LateDataHistoryTest {

    @Test
    void an_episode_opened_and_resolved_on_late_data_is_history() {
        // Given
        AlertDraft draft = new AlertDraft(Alerts.fresh());

        // When
        ConditionFold.Applied opened = ConditionFold.apply(draft, event(TransitionType.OPENED, 0, true));
        ConditionFold.Applied resolved = ConditionFold.apply(draft, event(TransitionType.RESOLVED, 1, true));

        // Then
        assertThat(opened.type()).isEqualTo(AuditType.OPENED);
        assertThat(opened.notifies()).isFalse();
        assertThat(opened.opened()).as("no escalation scheduled").isFalse();
        assertThat(opened.details()).containsEntry("history", true);
        assertThat(resolved.notifies()).isFalse();
        assertThat(resolved.closed()).isTrue();
        assertThat(draft.toAlert().condition()).isEqualTo(ConditionStatus.RESOLVED);
        assertThat(draft.handling()).as("not in the operators' UNACK queue").isEqualTo(Handling.ACK);
        assertThat(draft.toAlert().ackedBy()).isEqualTo(ConditionFold.HISTORY_ACTOR);
    }

    @Test
    void a_held_episode_that_still_holds_surfaces_unacknowledged_notified_and_escalated() {
        // Given
        AlertDraft draft = new AlertDraft(Alerts.fresh());
        ConditionFold.apply(draft, event(TransitionType.OPENED, 0, true));
        ConditionFold.Applied severity = ConditionFold.apply(draft, event(TransitionType.SEVERITY_CHANGED, 1, true));

        // When
        ConditionFold.Applied surfaced = ConditionFold.apply(draft, event(TransitionType.OPENED, 3, false));

        // Then
        assertThat(severity.notifies()).as("still history").isFalse();
        assertThat(surfaced.type()).isEqualTo(AuditType.OPENED);
        assertThat(surfaced.notifies()).isTrue();
        assertThat(surfaced.opened()).isTrue();
        assertThat(surfaced.details()).containsEntry("surfaced", true);
        assertThat(draft.handling()).isEqualTo(Handling.UNACK);
        assertThat(draft.episode()).as("the same episode, not a new one").isEqualTo(1);
        assertThat(draft.toAlert().occurrences()).isEqualTo(1);
    }

    @Test
    void an_episode_on_current_data_after_a_history_one_is_notified() {
        // Given
        AlertDraft draft = new AlertDraft(Alerts.fresh());
        ConditionFold.apply(draft, event(TransitionType.OPENED, 0, true));
        ConditionFold.apply(draft, event(TransitionType.RESOLVED, 1, true));

        // When
        ConditionFold.Applied opened = ConditionFold.apply(draft, event(TransitionType.OPENED, 10, false));
        ConditionFold.Applied noData = ConditionFold.apply(draft, event(TransitionType.NO_DATA, 11, false));

        // Then
        assertThat(opened.notifies()).isTrue();
        assertThat(opened.opened()).isTrue();
        assertThat(draft.episode()).isEqualTo(2);
        assertThat(draft.handling()).isEqualTo(Handling.UNACK);
        assertThat(noData.notifies()).isTrue();
    }

    private static ConditionEvent event(TransitionType type, int minute, boolean held) {
        return new ConditionEvent(
                1,
                "ev-" + type + "-" + minute,
                "traffic-deaths|ninh-kieu",
                "traffic-deaths",
                "ninh-kieu",
                Scope.AREA,
                "security_traffic",
                "ninh-kieu",
                new TreeMap<>(),
                type,
                Alerts.T0.plusSeconds(60L * minute),
                1,
                type == TransitionType.SEVERITY_CHANGED ? Severity.CRITICAL : Severity.MAJOR,
                null,
                4.0,
                "Tai nạn giao thông",
                held);
    }
}
