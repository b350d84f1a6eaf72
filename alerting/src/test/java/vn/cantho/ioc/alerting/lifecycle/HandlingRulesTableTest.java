package vn.cantho.ioc.alerting.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.cantho.ioc.alerting.lifecycle.HandlingRules.Decision;
import vn.cantho.ioc.alerting.lifecycle.HandlingRules.Escalations;
import vn.cantho.ioc.alerting.lifecycle.HandlingRules.Kind;
import vn.cantho.ioc.model.alert.ConditionStatus;
import vn.cantho.ioc.store.alert.AuditType;
import vn.cantho.ioc.store.alert.Handling;

/** Operator actions on a stored alert: one row per (starting state, action) with the expected decision. */
class HandlingRulesTableTest {

    private static final Instant NOW = Alerts.T0.plusSeconds(3600);

    static Consumer<AlertDraft> firing() {
        return d -> {
            d.condition = ConditionStatus.FIRING;
            d.episodeOpen = true;
            d.episode = 1;
        };
    }

    static Consumer<AlertDraft> acked() {
        return firing().andThen(d -> {
            d.handling = Handling.ACK;
            d.ackedBy = "lan.nguyen";
            d.ackedAt = Alerts.T0;
        });
    }

    static Consumer<AlertDraft> resolved() {
        return d -> {
            d.condition = ConditionStatus.RESOLVED;
            d.episode = 1;
        };
    }

    static Consumer<AlertDraft> snoozed() {
        return firing().andThen(d -> d.snoozedUntil = NOW.plusSeconds(600));
    }

    static Consumer<AlertDraft> assigned() {
        return firing().andThen(d -> d.assignee = "lan.nguyen");
    }

    static Stream<Arguments> rows() {
        Function<AlertDraft, Decision> ack = d -> HandlingRules.ack(d, "minh.tran", NOW);
        Function<AlertDraft, Decision> unack = HandlingRules::unack;
        Function<AlertDraft, Decision> resolve = d -> HandlingRules.resolve(d, "minh.tran", NOW);
        return Stream.of(
                Arguments.of(
                        "ack a firing alert",
                        firing(),
                        ack,
                        Kind.CHANGED,
                        AuditType.ACKNOWLEDGED,
                        Escalations.CANCEL_ACK_STEPS),
                Arguments.of("ack an acknowledged alert", acked(), ack, Kind.UNCHANGED, null, Escalations.KEEP),
                Arguments.of(
                        "ack a resolved, never acknowledged alert",
                        resolved(),
                        ack,
                        Kind.CHANGED,
                        AuditType.ACKNOWLEDGED,
                        Escalations.CANCEL_ACK_STEPS),
                Arguments.of(
                        "unack an acknowledged open alert re-arms its ack steps",
                        acked(),
                        unack,
                        Kind.CHANGED,
                        AuditType.UNACKNOWLEDGED,
                        Escalations.REARM_ACK_STEPS),
                Arguments.of("unack an unacknowledged alert", firing(), unack, Kind.UNCHANGED, null, Escalations.KEEP),
                Arguments.of(
                        "assign",
                        firing(),
                        (Function<AlertDraft, Decision>) d -> HandlingRules.assign(d, "lan"),
                        Kind.CHANGED,
                        AuditType.ASSIGNED,
                        Escalations.KEEP),
                Arguments.of(
                        "assign to the same person",
                        assigned(),
                        (Function<AlertDraft, Decision>) d -> HandlingRules.assign(d, " lan.nguyen "),
                        Kind.UNCHANGED,
                        null,
                        Escalations.KEEP),
                Arguments.of(
                        "unassign",
                        assigned(),
                        (Function<AlertDraft, Decision>) d -> HandlingRules.assign(d, ""),
                        Kind.CHANGED,
                        AuditType.UNASSIGNED,
                        Escalations.KEEP),
                Arguments.of(
                        "unassign an unassigned alert",
                        firing(),
                        (Function<AlertDraft, Decision>) d -> HandlingRules.assign(d, null),
                        Kind.UNCHANGED,
                        null,
                        Escalations.KEEP),
                Arguments.of(
                        "comment",
                        firing(),
                        (Function<AlertDraft, Decision>) d -> HandlingRules.comment("ok"),
                        Kind.CHANGED,
                        AuditType.COMMENTED,
                        Escalations.KEEP),
                Arguments.of(
                        "empty comment",
                        firing(),
                        (Function<AlertDraft, Decision>) d -> HandlingRules.comment(" "),
                        Kind.INVALID,
                        null,
                        Escalations.KEEP),
                Arguments.of(
                        "resolve an open episode cancels all steps",
                        firing(),
                        resolve,
                        Kind.CHANGED,
                        AuditType.RESOLVED_MANUALLY,
                        Escalations.CANCEL_ALL),
                Arguments.of("resolve a resolved alert", resolved(), resolve, Kind.UNCHANGED, null, Escalations.KEEP),
                Arguments.of(
                        "snooze 2 h",
                        firing(),
                        (Function<AlertDraft, Decision>) d -> HandlingRules.snooze(d, NOW.plusSeconds(7200), NOW),
                        Kind.CHANGED,
                        AuditType.SNOOZED,
                        Escalations.KEEP),
                Arguments.of(
                        "snooze exactly 7 days",
                        firing(),
                        (Function<AlertDraft, Decision>)
                                d -> HandlingRules.snooze(d, NOW.plus(Duration.ofDays(7)), NOW),
                        Kind.CHANGED,
                        AuditType.SNOOZED,
                        Escalations.KEEP),
                Arguments.of(
                        "snooze 7 days and a second",
                        firing(),
                        (Function<AlertDraft, Decision>) d -> HandlingRules.snooze(
                                d, NOW.plus(Duration.ofDays(7)).plusSeconds(1), NOW),
                        Kind.INVALID,
                        null,
                        Escalations.KEEP),
                Arguments.of(
                        "snooze into the past",
                        firing(),
                        (Function<AlertDraft, Decision>) d -> HandlingRules.snooze(d, NOW.minusSeconds(1), NOW),
                        Kind.INVALID,
                        null,
                        Escalations.KEEP),
                Arguments.of(
                        "snooze to the same end",
                        snoozed(),
                        (Function<AlertDraft, Decision>) d -> HandlingRules.snooze(d, NOW.plusSeconds(600), NOW),
                        Kind.UNCHANGED,
                        null,
                        Escalations.KEEP),
                Arguments.of(
                        "unsnooze",
                        snoozed(),
                        (Function<AlertDraft, Decision>) d -> HandlingRules.unsnooze(d, NOW),
                        Kind.CHANGED,
                        AuditType.UNSNOOZED,
                        Escalations.KEEP),
                Arguments.of(
                        "unsnooze an alert whose snooze is over",
                        firing().andThen(d -> d.snoozedUntil = NOW),
                        (Function<AlertDraft, Decision>) d -> HandlingRules.unsnooze(d, NOW),
                        Kind.UNCHANGED,
                        null,
                        Escalations.KEEP));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void operator_actions_decide_change_audit_and_escalation(
            String name,
            Consumer<AlertDraft> given,
            Function<AlertDraft, Decision> action,
            Kind kind,
            AuditType audit,
            Escalations escalations) {
        // Given
        AlertDraft draft = new AlertDraft(Alerts.fresh());
        given.accept(draft);
        AlertDraft before = new AlertDraft(draft.toAlert());

        // When
        Decision decision = action.apply(draft);

        // Then
        assertThat(decision.kind()).isEqualTo(kind);
        assertThat(decision.type()).isEqualTo(audit);
        assertThat(decision.escalations()).isEqualTo(escalations);
        if (kind != Kind.CHANGED && audit == null) {
            assertThat(draft.toAlert())
                    .as("an unchanged or refused action changes nothing")
                    .isEqualTo(before.toAlert());
        }
        if (kind != Kind.CHANGED) {
            assertThat(decision.message()).isNotBlank();
        }
    }
}
