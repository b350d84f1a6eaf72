package vn.cantho.ioc.api.alert;

import java.util.List;

/**
 * The answer to a bulk command: one item per alert, in request order. Each alert is its own
 * transaction, so one conflict or unknown id does not hold back the others.
 */
public record BulkResponse(List<Item> results) {

    /**
     * @param outcome CHANGED, UNCHANGED, CONFLICT, NOT_FOUND or INVALID
     * @param version the alert's version now; null when there is no such alert
     */
    public record Item(long alertId, String outcome, Long version, String message) {}
}
