package vn.cantho.ioc.alerting.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.alert.ConditionStatus;
import vn.cantho.ioc.store.alert.Alert;
import vn.cantho.ioc.store.alert.Handling;

/** Stored alerts as the store creates them, for unit tests. */
final class Alerts {

    static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");

    private Alerts() {}

    /** A row just created for a new dedup key: OK, episode 0, unacknowledged. */
    static Alert fresh(long id, String rule, String entity, Map<String, String> labels) {
        return new Alert(
                id,
                rule + "|" + entity,
                rule,
                entity,
                Scope.DEVICE,
                "environment",
                "ninh-kieu",
                new TreeMap<>(labels),
                null,
                ConditionStatus.OK,
                false,
                false,
                0,
                0,
                T0,
                T0,
                null,
                null,
                null,
                Handling.UNACK,
                null,
                null,
                null,
                null,
                null,
                null,
                1,
                0,
                T0,
                List.of(),
                List.of());
    }

    static Alert fresh() {
        return fresh(1, "pm25-high", "air-nk-01", Map.of("metric", "pm25"));
    }
}
