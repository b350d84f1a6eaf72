package vn.cantho.ioc.alerting.lifecycle;

import java.time.Instant;
import java.util.SortedMap;
import java.util.TreeMap;
import vn.cantho.ioc.model.alert.ConditionStatus;
import vn.cantho.ioc.model.alert.Severity;
import vn.cantho.ioc.store.alert.Alert;
import vn.cantho.ioc.store.alert.Handling;

/**
 * A stored alert being changed inside one transaction: the changeable columns as mutable fields,
 * read from an {@link Alert} and written back with {@link #toAlert()}. Package-visible fields keep the
 * pure lifecycle rules ({@link ConditionFold}, {@link HandlingRules}) short and readable.
 */
public final class AlertDraft {

    private final Alert original;
    SortedMap<String, String> labels;
    String areaCode;
    Severity severity;
    ConditionStatus condition;
    boolean episodeOpen;
    boolean flapping;
    int episode;
    long occurrences;
    Instant lastSeenAt;
    Instant openedAt;
    Instant resolvedAt;
    String resolvedBy;
    Handling handling;
    String ackedBy;
    Instant ackedAt;
    String assignee;
    Instant snoozedUntil;
    String summary;
    Double measure;

    public AlertDraft(Alert alert) {
        this.original = alert;
        labels = new TreeMap<>(alert.labels());
        areaCode = alert.areaCode();
        severity = alert.severity();
        condition = alert.condition();
        episodeOpen = alert.episodeOpen();
        flapping = alert.flapping();
        episode = alert.episode();
        occurrences = alert.occurrences();
        lastSeenAt = alert.lastSeenAt();
        openedAt = alert.openedAt();
        resolvedAt = alert.resolvedAt();
        resolvedBy = alert.resolvedBy();
        handling = alert.handling();
        ackedBy = alert.ackedBy();
        ackedAt = alert.ackedAt();
        assignee = alert.assignee();
        snoozedUntil = alert.snoozedUntil();
        summary = alert.summary();
        measure = alert.measure();
    }

    public Alert original() {
        return original;
    }

    public int episode() {
        return episode;
    }

    public boolean episodeOpen() {
        return episodeOpen;
    }

    public Handling handling() {
        return handling;
    }

    /**
     * The alert as it now stands, with {@code version} and {@code lastEventSeq} as given (the caller
     * knows how many audit entries it appends and whether anything changed).
     */
    public Alert toAlert(long version, int lastEventSeq) {
        Alert o = original;
        return new Alert(
                o.id(),
                o.alertKey(),
                o.ruleId(),
                o.entityId(),
                o.scope(),
                o.domain(),
                areaCode,
                labels,
                severity,
                condition,
                episodeOpen,
                flapping,
                episode,
                occurrences,
                o.firstSeenAt(),
                lastSeenAt,
                openedAt,
                resolvedAt,
                resolvedBy,
                handling,
                ackedBy,
                ackedAt,
                assignee,
                snoozedUntil,
                summary,
                measure,
                version,
                lastEventSeq,
                o.updatedAt(),
                o.suppressions(),
                o.pendingActions());
    }

    /** The alert with the draft's fields and the original version and sequence, for comparisons. */
    public Alert toAlert() {
        return toAlert(original.version(), original.lastEventSeq());
    }

    /** Whether any stored field differs from the original. */
    public boolean changed() {
        return !toAlert().equals(original);
    }
}
