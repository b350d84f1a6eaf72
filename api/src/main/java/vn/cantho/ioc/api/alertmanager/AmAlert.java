package vn.cantho.ioc.api.alertmanager;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;
import vn.cantho.ioc.store.alert.Alert;
import vn.cantho.ioc.store.alert.LabelMatcher;
import vn.cantho.ioc.store.alert.Suppression;

/**
 * A hub alert in the shape of Alertmanager's {@code gettableAlert} (api/v2/openapi.yaml).
 *
 * <p>Labels: the alert's own labels plus the fields hub matchers see ({@code rule}, {@code entity},
 * {@code domain}, {@code area}, {@code scope}, {@code severity}) and {@code alertname} (the rule id, or
 * the name an external alert was posted with); empty values are left out, as Alertmanager drops them.
 * The fingerprint is derived from the dedup key, so it stays the same across episodes and restarts.
 */
record AmAlert(
        Map<String, String> labels,
        Map<String, String> annotations,
        List<Receiver> receivers,
        String fingerprint,
        Instant startsAt,
        Instant updatedAt,
        Instant endsAt,
        Status status,
        String generatorURL) {

    /** The one receiver of the hub's routing: its own console, escalation and webhooks. */
    static final String RECEIVER = "ioc-hub";
    /** What Alertmanager assumes of an alert that gives no end; our open alerts end only when resolved. */
    static final java.time.Duration RESOLVE_TIMEOUT = java.time.Duration.ofMinutes(5);

    record Receiver(String name) {}

    record Status(String state, List<String> silencedBy, List<String> inhibitedBy) {}

    /**
     * @param fingerprintOfAlert the fingerprint of another alert by id (for {@code inhibitedBy})
     * @param origin             scheme, host and port the client called, for {@code generatorURL} (the
     *                           alert's own resource in the hub's REST API)
     */
    static AmAlert of(Alert alert, Instant now, LongFunction<String> fingerprintOfAlert, String origin) {
        List<String> silencedBy = alert.suppressions().stream()
                .filter(s -> s.kind() == Suppression.Kind.SILENCED)
                .map(s -> SilenceIds.toUuid(Long.parseLong(s.ref())))
                .toList();
        List<String> inhibitedBy = alert.suppressions().stream()
                .filter(s -> s.kind() == Suppression.Kind.INHIBITED)
                .map(s -> fingerprintOfAlert.apply(Long.parseLong(s.ref())))
                .toList();
        Map<String, String> annotations = new TreeMap<>();
        if (alert.summary() != null) {
            annotations.put("summary", alert.summary());
        }
        Instant startsAt = alert.openedAt() != null ? alert.openedAt() : alert.firstSeenAt();
        return new AmAlert(
                labels(alert),
                annotations,
                List.of(new Receiver(RECEIVER)),
                fingerprint(alert.alertKey()),
                startsAt,
                alert.updatedAt(),
                now.plus(RESOLVE_TIMEOUT),
                new Status(alert.suppressed() ? "suppressed" : "active", silencedBy, inhibitedBy),
                origin + "/api/v1/alerts/" + alert.id());
    }

    /** What {@code filter} matchers are evaluated against. */
    static Map<String, String> labels(Alert alert) {
        Map<String, String> labels = new TreeMap<>();
        LabelMatcher.labelsOf(alert).forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                labels.put(k, v);
            }
        });
        labels.putIfAbsent(AmMatchers.ALERTNAME, alert.ruleId());
        return labels;
    }

    /** 16 hex digits, like Alertmanager's, from the dedup key: one per alert, whatever its episode. */
    static String fingerprint(String alertKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(alertKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
