package vn.cantho.ioc.alerting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.cantho.ioc.embedded.EmbeddedDatabase;
import vn.cantho.ioc.model.alert.ConditionEvent;
import vn.cantho.ioc.model.alert.Severity;
import vn.cantho.ioc.model.alert.TransitionType;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.alert.Alert;
import vn.cantho.ioc.store.alert.AlertQuery;
import vn.cantho.ioc.store.alert.LabelMatcher;

/**
 * Prints one JSON line of alert-store speed on this machine against the embedded PostgreSQL: condition
 * events stored per second (batches as the consumer writes them), and latency percentiles of an ack and
 * of a filtered list page. Starts its own embedded PostgreSQL in a temporary directory. Not a test; run with
 * {@code mvn -o -pl alerting exec:java -Dexec.mainClass=vn.cantho.ioc.alerting.AlertStoreBenchmark
 * -Dexec.classpathScope=test} (after {@code mvn -o -pl alerting -am install -DskipTests}).
 */
public final class AlertStoreBenchmark {

    private static final int KEYS = 2_000;
    private static final int BATCH = 500;

    public static void main(String[] args) throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("alert-bench");
        try (EmbeddedDatabase server = new EmbeddedDatabase(dir, 0)) {
            server.start();
            try (Database database = Database.open(server.jdbcUrl(), server.user(), server.password(), 4)) {
                run(database);
            }
        }
        System.exit(0);
    }

    private static void run(Database database) throws Exception {
        {
            AlertService service = new AlertService(database.dataSource(), Clock.systemUTC());
            Instant t0 = Instant.now().minusSeconds(86_400);
            // Each key: OPENED, RECOVERING, RETRIGGERED, RESOLVED, OPENED (episode 2) = 5 events per key.
            TransitionType[] cycle = {
                TransitionType.OPENED,
                TransitionType.RECOVERING,
                TransitionType.RETRIGGERED,
                TransitionType.RESOLVED,
                TransitionType.OPENED
            };
            List<ConditionEvent> events = new ArrayList<>();
            for (int step = 0; step < cycle.length; step++) {
                for (int k = 0; k < KEYS; k++) {
                    events.add(Events.event(
                            "bench|station-" + k,
                            "pm25-high",
                            "station-" + k,
                            cycle[step],
                            t0.plusSeconds(60L * step),
                            step < 4 ? 1 : 2,
                            Severity.MAJOR));
                }
            }
            long start = System.nanoTime();
            for (int i = 0; i < events.size(); i += BATCH) {
                service.conditionWriter().write(events.subList(i, Math.min(events.size(), i + BATCH)));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long replayStart = System.nanoTime();
            for (int i = 0; i < events.size(); i += BATCH) {
                service.conditionWriter().write(events.subList(i, Math.min(events.size(), i + BATCH)));
            }
            double replaySeconds = (System.nanoTime() - replayStart) / 1e9;

            List<Alert> alerts = new ArrayList<>();
            AlertQuery all = AlertQuery.all().withLimit(AlertQuery.MAX_LIMIT);
            var page = service.list(all);
            alerts.addAll(page.items());
            long[] ack = new long[alerts.size()];
            for (int i = 0; i < alerts.size(); i++) {
                long s = System.nanoTime();
                service.ack(
                        alerts.get(i).id(),
                        Command.by("bench").expecting(alerts.get(i).version()));
                ack[i] = System.nanoTime() - s;
            }
            long[] list = new long[200];
            AlertQuery filtered = new AlertQuery(
                    null,
                    null,
                    java.util.Set.of(Severity.MAJOR),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.of(LabelMatcher.parse("station=~station-1.*")),
                    null,
                    50);
            for (int i = 0; i < list.length; i++) {
                long s = System.nanoTime();
                service.list(filtered);
                list[i] = System.nanoTime() - s;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("alerts", KEYS);
            out.put("conditionEvents", events.size());
            out.put("batch", BATCH);
            out.put("eventsPerSecond", Math.round(events.size() / seconds));
            out.put("replayEventsPerSecond", Math.round(events.size() / replaySeconds));
            out.put("ackMsP50", ms(ack, 50));
            out.put("ackMsP99", ms(ack, 99));
            out.put("listPage50MsP50", ms(list, 50));
            out.put("listPage50MsP99", ms(list, 99));
            System.out.println(Json.mapper().writeValueAsString(out));
        }
    }

    private static double ms(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return Math.round(sorted[index] / 1e4) / 100.0;
    }
}
