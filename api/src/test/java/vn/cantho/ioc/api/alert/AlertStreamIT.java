package vn.cantho.ioc.api.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.alerting.AlertService;
import vn.cantho.ioc.api.ApiClient;
import vn.cantho.ioc.api.ApiConfig;
import vn.cantho.ioc.api.ApiServer;
import vn.cantho.ioc.api.TestApi;
import vn.cantho.ioc.api.TestDatabase;
import vn.cantho.ioc.api.TestTokens;
import vn.cantho.ioc.model.alert.Severity;
import vn.cantho.ioc.store.AggregateQueries;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.alert.Alert;
import vn.cantho.ioc.store.token.TokenRole;

/** The live alert stream over real HTTP: snapshot, changes, filters, heartbeats, and resume without gaps across a restart. */
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AlertStreamIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private static Database database;
    private static ApiServer server;
    private static Incidents incidents;
    private static TestTokens tokens;
    private static String leaderToken;
    private static ApiClient operator;

    @BeforeAll
    static void start() throws SQLException {
        database = TestDatabase.openFreshSchema("alert_stream_it");
        tokens = new TestTokens(database);
        server = startServer();
        incidents = new Incidents(database);
        leaderToken = tokens.issue(TokenRole.LEADER, "Lãnh đạo xem");
        operator = new ApiClient(server.port(), tokens.issue(TokenRole.OPERATOR, "Ca trực"));
    }

    private static ApiServer startServer() {
        return TestApi.start(
                new ApiConfig("127.0.0.1", 0, Duration.ofMillis(200), Duration.ofSeconds(1)),
                database,
                new AggregateQueries(database.dataSource()),
                Map.of());
    }

    @AfterAll
    static void stop() {
        TestApi.stop(server, database);
    }

    @Test
    void a_new_stream_gets_a_snapshot_then_each_change_of_a_matching_alert() throws Exception {
        // Given
        Alert before = incidents.pm25("ninh-kieu", Severity.MAJOR);

        try (SseTestClient stream = new SseTestClient(server.port(), leaderToken, "area=ninh-kieu", Map.of())) {
            // When
            SseTestClient.Event snapshot = stream.next("snapshot", WAIT);
            Alert raised = incidents.pm25("ninh-kieu", Severity.CRITICAL);
            SseTestClient.Event opened = stream.nextAlert(raised.id(), WAIT);
            operator.post("/api/v1/alerts/" + raised.id() + "/ack", "{\"comment\":\"đã nhận\"}");
            SseTestClient.Event acked = stream.nextAlert(raised.id(), WAIT);

            // Then
            assertThat(stream.status()).isEqualTo(200);
            assertThat(snapshot.data().get("items").findValuesAsText("alertKey"))
                    .contains(before.alertKey());
            assertThat(snapshot.data().get("truncated").asBoolean()).isFalse();
            assertThat(opened.data().get("event").get("type").asText()).isEqualTo("OPENED");
            assertThat(acked.data().get("event").get("type").asText()).isEqualTo("ACKNOWLEDGED");
            assertThat(acked.data().get("event").get("comment").asText()).isEqualTo("đã nhận");
            assertThat(acked.data().get("alert").get("handling").asText()).isEqualTo("ACK");
            assertThat(Long.parseLong(acked.id())).isGreaterThan(Long.parseLong(opened.id()));
            assertThat(Long.parseLong(opened.id())).isGreaterThan(Long.parseLong(snapshot.id()));
        }
    }

    @Test
    void changes_outside_the_filter_are_not_sent_and_an_alert_leaving_it_is_gone() throws Exception {
        try (SseTestClient stream =
                new SseTestClient(server.port(), leaderToken, "area=co-do&handling=UNACK", Map.of())) {
            stream.next("snapshot", WAIT);

            // When
            Alert other = incidents.pm25("thot-not", Severity.MAJOR);
            Alert mine = incidents.pm25("co-do", Severity.MAJOR);
            SseTestClient.Event opened = stream.nextAlert(mine.id(), WAIT);
            operator.post("/api/v1/alerts/" + mine.id() + "/ack", "{}");
            SseTestClient.Event gone = stream.next("gone", WAIT);

            // Then
            assertThat(opened.data().get("alert").get("areaCode").asText()).isEqualTo("co-do");
            assertThat(gone.data().get("alertId").asLong()).isEqualTo(mine.id());
            assertThat(other.areaCode()).isEqualTo("thot-not");
        }
    }

    @Test
    void an_idle_stream_gets_heartbeats() throws Exception {
        try (SseTestClient stream = new SseTestClient(server.port(), leaderToken, "area=nowhere", Map.of())) {
            stream.next("snapshot", WAIT);
            assertThat(stream.next(":", WAIT).data()).isNull();
        }
    }

    @Test
    void resuming_with_last_event_id_after_a_restart_delivers_every_missed_change_and_no_snapshot() throws Exception {
        // Given: a client saw everything up to the snapshot, then lost its connection and the hub restarted
        String lastSeen;
        try (SseTestClient stream = new SseTestClient(server.port(), leaderToken, "area=vinh-thanh", Map.of())) {
            lastSeen = stream.next("snapshot", WAIT).id();
        }
        server.close();
        Alert first = incidents.pm25("vinh-thanh", Severity.MAJOR);
        Alert second = incidents.pm25("vinh-thanh", Severity.CRITICAL);
        server = startServer();
        operator = new ApiClient(server.port(), tokens.issue(TokenRole.OPERATOR, "Ca trực sau khởi động lại"));

        // When
        try (SseTestClient resumed =
                new SseTestClient(server.port(), leaderToken, "area=vinh-thanh", Map.of("Last-Event-ID", lastSeen))) {
            SseTestClient.Event a = resumed.next("alert", WAIT);
            SseTestClient.Event b = resumed.next("alert", WAIT);

            // Then
            assertThat(a.data().get("alert").get("id").asLong()).isEqualTo(first.id());
            assertThat(b.data().get("alert").get("id").asLong()).isEqualTo(second.id());
            assertThat(Long.parseLong(a.id())).isGreaterThan(Long.parseLong(lastSeen));
        }
    }

    @Test
    void a_burst_of_alerts_arrives_complete_and_in_order_and_the_latency_is_printed() throws Exception {
        // Given: a server whose alert service also writes the alerts, as in the hub
        AlertService shared = new AlertService(database.dataSource(), Clock.systemUTC());
        Incidents burst = new Incidents(shared);
        int count = 200;
        Map<Long, Long> sentAt = new HashMap<>();
        List<Long> latenciesMicros = new ArrayList<>();
        try (ApiServer own = TestApi.start(
                        new ApiConfig("127.0.0.1", 0),
                        database,
                        new AggregateQueries(database.dataSource()),
                        Map.of(),
                        shared);
                SseTestClient stream = new SseTestClient(own.port(), leaderToken, "area=thoi-lai", Map.of())) {
            stream.next("snapshot", WAIT);

            // When
            for (int i = 0; i < count; i++) {
                long before = System.nanoTime();
                Alert alert = burst.pm25("thoi-lai", Severity.MAJOR);
                sentAt.put(alert.id(), before);
            }

            // Then: every alert once, in audit order
            long previousId = 0;
            for (int i = 0; i < count; i++) {
                SseTestClient.Event event = stream.next("alert", WAIT);
                long id = Long.parseLong(event.id());
                assertThat(id).isGreaterThan(previousId);
                previousId = id;
                Long sent = sentAt.remove(event.data().get("alert").get("id").asLong());
                assertThat(sent).as("an alert of this burst, delivered once").isNotNull();
                latenciesMicros.add((event.receivedNanos() - sent) / 1_000);
            }
        }
        assertThat(sentAt).isEmpty();
        Collections.sort(latenciesMicros);
        System.out.printf(
                "alert stream latency (condition event written -> SSE event read), %d alerts: "
                        + "p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                count,
                latenciesMicros.get(count / 2) / 1000.0,
                latenciesMicros.get(count * 99 / 100) / 1000.0,
                latenciesMicros.get(count - 1) / 1000.0);
    }

    @Test
    void a_stream_needs_the_event_stream_media_type_a_token_and_valid_filters() throws Exception {
        ApiClient leader = new ApiClient(server.port(), leaderToken);
        assertThat(leader.get("/api/v1/alerts/stream").code()).isEqualTo("NOT_ACCEPTABLE");
        assertThat(new ApiClient(server.port()).get("/api/v1/alerts/stream").status())
                .isEqualTo(401);
        assertThat(leader.send(
                                "GET",
                                "/api/v1/alerts/stream?severity=loud",
                                null,
                                Map.of("Accept", "text/event-stream"))
                        .code())
                .isEqualTo("BAD_PARAMETER");
        assertThat(leader.send(
                                "GET",
                                "/api/v1/alerts/stream",
                                null,
                                Map.of("Accept", "text/event-stream", "Last-Event-ID", "yesterday"))
                        .code())
                .isEqualTo("BAD_PARAMETER");
    }
}
