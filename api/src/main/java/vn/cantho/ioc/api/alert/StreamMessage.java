package vn.cantho.ioc.api.alert;

import java.util.List;
import vn.cantho.ioc.store.alert.Alert;
import vn.cantho.ioc.store.alert.AlertEvent;

/** The JSON data of the live stream's events. */
final class StreamMessage {

    private StreamMessage() {}

    /**
     * {@code event: snapshot}: every alert matching the filters when the stream opened (newest first,
     * at most {@code AlertStream.SNAPSHOT_MAX}; {@code truncated} says when there were more).
     */
    record Snapshot(List<Alert> items, boolean truncated) {}

    /** {@code event: alert}: an audit entry and its alert as it stands now (it matches the filters). */
    record Change(AlertEvent event, Alert alert) {}

    /** {@code event: gone}: the alert of this audit entry no longer matches the filters; drop it from view. */
    record Gone(long alertId, long eventId) {}
}
