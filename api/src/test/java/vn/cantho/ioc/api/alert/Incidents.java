package vn.cantho.ioc.api.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import vn.cantho.ioc.alerting.AlertService;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.alert.ConditionEvent;
import vn.cantho.ioc.model.alert.Severity;
import vn.cantho.ioc.model.alert.TransitionType;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.alert.Alert;
import vn.cantho.ioc.store.alert.AlertQuery;
import vn.cantho.ioc.testkit.SharedServers;

/**
 * Raises alerts in a test database the way the hub does: condition events, as the rule processor
 * publishes them, written by the alerting module's real condition writer (a separate service
 * instance, like a second hub, so the API sees them only through the database).
 */
public final class Incidents {

    private final AlertService writer;

    public Incidents(Database database) {
        this(new AlertService(database.dataSource(), Clock.systemUTC()));
    }

    /** Writes through this service (e.g. the API server's own, whose change callback wakes the stream). */
    public Incidents(AlertService writer) {
        this.writer = writer;
    }

    /** Opens a new PM2.5 alert at a station of this area and returns it as stored. */
    public Alert pm25(String area, Severity severity) {
        String station = SharedServers.uniqueName("aq-" + area);
        String key = "pm25-high|" + station;
        writer.conditionWriter()
                .write(List.of(new ConditionEvent(
                        ConditionEvent.SCHEMA_VERSION,
                        UUID.randomUUID().toString(),
                        key,
                        "pm25-high",
                        station,
                        Scope.DEVICE,
                        "environment",
                        area,
                        new TreeMap<>(Map.of("metric", "pm25", "station", station)),
                        TransitionType.OPENED,
                        Instant.now(),
                        1,
                        severity,
                        null,
                        182.0,
                        "PM2.5 182 µg/m³ tại " + station)));
        return find(key);
    }

    /** Opens a new river-level alert (BĐ II) at a Hậu river gauge. */
    public Alert riverLevel(Severity severity) {
        String gauge = SharedServers.uniqueName("wl-hau");
        String key = "river-level|" + gauge;
        writer.conditionWriter()
                .write(List.of(new ConditionEvent(
                        ConditionEvent.SCHEMA_VERSION,
                        UUID.randomUUID().toString(),
                        key,
                        "river-level",
                        gauge,
                        Scope.DEVICE,
                        "environment",
                        "ninh-kieu",
                        new TreeMap<>(Map.of("metric", "water_level", "gauge", gauge)),
                        TransitionType.OPENED,
                        Instant.now(),
                        1,
                        severity,
                        null,
                        1.93,
                        "Mực nước sông Hậu 1,93 m ≥ BĐ II")));
        return find(key);
    }

    private Alert find(String key) {
        AlertQuery query = AlertQuery.all().withLimit(AlertQuery.MAX_LIMIT);
        while (true) {
            var page = writer.list(query);
            for (Alert alert : page.items()) {
                if (alert.alertKey().equals(key)) {
                    return alert;
                }
            }
            if (page.nextCursor() == null) {
                throw new AssertionError("alert " + key + " was not stored");
            }
            query = query.withCursor(page.nextCursor());
        }
    }
}
