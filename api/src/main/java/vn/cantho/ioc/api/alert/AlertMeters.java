package vn.cantho.ioc.api.alert;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.model.alert.ConditionStatus;
import vn.cantho.ioc.store.alert.Alert;
import vn.cantho.ioc.store.alert.AlertEvent;
import vn.cantho.ioc.store.alert.AlertPage;
import vn.cantho.ioc.store.alert.AlertQuery;
import vn.cantho.ioc.store.alert.AuditType;

/**
 * The alert meters on {@code /metrics}:
 * <ul>
 *   <li>{@code ioc_alerts_open{domain,severity,state}}: alerts not at rest (PENDING, FIRING, RECOVERING,
 *       NO_DATA), counted from the store every refresh interval;</li>
 *   <li>{@code ioc_alert_time_to_ack_seconds} and {@code ioc_alert_time_to_resolve_seconds}
 *       {domain,severity}: from an episode's opening to its acknowledgement / resolution, read off the
 *       audit trail as the live stream follows it (entries written after this hub started);</li>
 *   <li>{@code ioc_alert_stream_subscribers}: open SSE streams.</li>
 * </ul>
 */
public final class AlertMeters implements AlertChangeListener, AutoCloseable {

    private static final Set<ConditionStatus> OPEN = Set.of(
            ConditionStatus.PENDING, ConditionStatus.FIRING, ConditionStatus.RECOVERING, ConditionStatus.NO_DATA);
    private static final Logger LOG = LoggerFactory.getLogger(AlertMeters.class);

    private final AlertBackend alerts;
    private final MeterRegistry registry;
    private final MultiGauge open;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ioc-alert-meters");
        t.setDaemon(true);
        return t;
    });

    public AlertMeters(AlertBackend alerts, AlertStream stream, MeterRegistry registry, Duration refresh) {
        this.alerts = alerts;
        this.registry = registry;
        this.open = MultiGauge.builder("ioc.alerts.open")
                .description("Alerts not at rest (PENDING, FIRING, RECOVERING, NO_DATA) by domain, severity and state")
                .register(registry);
        Gauge.builder("ioc.alert.stream.subscribers", stream, AlertStream::subscribers)
                .description("Open live alert streams (SSE)")
                .register(registry);
        stream.addListener(this);
        refresher.scheduleWithFixedDelay(this::refresh, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void changed(AlertEvent event, Alert alert) {
        if (alert.openedAt() == null || event.episode() != alert.episode()) {
            return;
        }
        String name;
        if (event.type() == AuditType.ACKNOWLEDGED) {
            name = "ioc.alert.time.to.ack";
        } else if (event.type() == AuditType.RESOLVED || event.type() == AuditType.RESOLVED_MANUALLY) {
            name = "ioc.alert.time.to.resolve";
        } else {
            return;
        }
        Duration elapsed = Duration.between(alert.openedAt(), event.at());
        if (elapsed.isNegative()) {
            return;
        }
        Timer.builder(name)
                .description("From an alert episode's opening to its "
                        + (name.endsWith("ack") ? "acknowledgement" : "resolution") + ", from the audit trail")
                .tags(tags(alert))
                .publishPercentileHistogram()
                .register(registry)
                .record(elapsed);
    }

    /** Recounts the open alerts; on a database error the previous counts stay. */
    void refresh() {
        try {
            Map<Tags, Integer> counts = new HashMap<>();
            AlertQuery query = new AlertQuery(
                    OPEN, null, null, null, null, null, null, null, null, null, null, AlertQuery.MAX_LIMIT);
            while (true) {
                AlertPage page = alerts.list(query);
                for (Alert alert : page.items()) {
                    counts.merge(tags(alert).and("state", alert.condition().name()), 1, Integer::sum);
                }
                if (page.nextCursor() == null) {
                    break;
                }
                query = query.withCursor(page.nextCursor());
            }
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            counts.forEach((tags, count) -> rows.add(MultiGauge.Row.of(tags, count)));
            open.register(rows, true);
        } catch (RuntimeException e) {
            LOG.warn("could not count open alerts for /metrics: {}", e.toString());
        }
    }

    private static Tags tags(Alert alert) {
        return Tags.of(
                "domain",
                alert.domain(),
                "severity",
                alert.severity() == null ? "NONE" : alert.severity().name());
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
