package vn.cantho.ioc.streams.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.cantho.ioc.model.alert.ConditionStatus;
import vn.cantho.ioc.model.alert.Severity;
import vn.cantho.ioc.model.alert.TransitionType;

/**
 * Mutable working copy of a {@link ConditionState} inside one step. Mutating a private copy and
 * freezing it once keeps each rule of the machine a plain assignment instead of a fifteen-argument
 * record copy; nothing outside the step ever sees it.
 */
final class StateDraft {

    ConditionStatus status;
    Instant statusSince;
    int episode;
    boolean episodeOpen;
    Severity severity;
    long occurrences;
    Instant lastSeen;
    Severity level;
    Instant levelSince;
    Double lastMeasure;
    Instant lastInput;
    List<ConditionState.Sample> samples;
    boolean flapping;
    final List<Instant> flips;
    Instant evaluatedAt;

    StateDraft(ConditionState s) {
        status = s.status();
        statusSince = s.statusSince();
        episode = s.episode();
        episodeOpen = s.episodeOpen();
        severity = s.severity();
        occurrences = s.occurrences();
        lastSeen = s.lastSeen();
        level = s.level();
        levelSince = s.levelSince();
        lastMeasure = s.lastMeasure();
        lastInput = s.lastInput();
        samples = s.samples();
        flapping = s.flapping();
        flips = new ArrayList<>(s.flips());
        evaluatedAt = s.evaluatedAt();
    }

    ConditionState freeze() {
        return new ConditionState(
                status,
                statusSince,
                episode,
                episodeOpen,
                severity,
                occurrences,
                lastSeen,
                level,
                levelSince,
                lastMeasure,
                lastInput,
                samples,
                flapping,
                flips,
                evaluatedAt);
    }

    void moveTo(ConditionStatus next, Instant now) {
        if (next != status) {
            status = next;
            statusSince = now;
        }
    }

    /** The resting state without an open episode: RESOLVED once an episode has existed, OK before. */
    ConditionStatus inactive() {
        return episode > 0 ? ConditionStatus.RESOLVED : ConditionStatus.OK;
    }

    Transition event(TransitionType type, Instant now, Severity previousSeverity) {
        return new Transition(type, now, episode, severity, previousSeverity, lastMeasure);
    }
}
