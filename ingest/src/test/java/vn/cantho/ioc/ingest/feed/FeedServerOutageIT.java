package vn.cantho.ioc.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.postgresql.ds.PGSimpleDataSource;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.feed.FeedLedger;
import vn.cantho.ioc.store.token.TokenRole;
import vn.cantho.ioc.store.token.TokenService;
import vn.cantho.ioc.testkit.SharedServers;

/** The feed API while Kafka or the database is away: a prompt 503 with a stable code, nothing recorded. */
@Tag("kafka")
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class FeedServerOutageIT {

    private static final SharedServers SERVERS = SharedServers.get();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_push_while_kafka_is_away_is_503_kafka_unavailable_and_is_not_remembered_as_received() throws Exception {
        // Given a feed server whose Kafka does not answer, on a real database
        try (Database database =
                        Database.open(SERVERS.freshSchemaUrl("outage_it"), SERVERS.dbUser(), SERVERS.dbPassword(), 4);
                FeedServer server = server(
                        new TokenService(database.dataSource()),
                        new FeedLedger(database.dataSource()),
                        "127.0.0.1:" + closedPort())) {
            String token = new TokenService(database.dataSource())
                    .issue(TokenRole.DEPARTMENT, "so-khcn", "outage")
                    .secret();
            String body = "[{\"date\":\"2026-11-20\",\"blocked_attacks\":1200,\"high_alerts\":3,\"critical_alerts\":0,"
                    + "\"defaced_websites\":0,\"infected_endpoints\":2}]";

            // When
            long start = System.nanoTime();
            HttpResponse<String> response = push(server, token, body);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            // Then
            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(code(response)).isEqualTo("KAFKA_UNAVAILABLE");
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(took).isLessThan(Duration.ofSeconds(30));
            assertThat(new FeedLedger(database.dataSource()).seenHashes("soc-daily", java.util.List.of("2026-11-20")))
                    .as("nothing recorded as received, so a retry forwards it")
                    .isEmpty();
            assertThat(server.stats().failed()).isEqualTo(1);
        }
    }

    @Test
    void a_push_while_the_database_is_away_is_503_database_unavailable() throws Exception {
        // Given
        PGSimpleDataSource unreachable = new PGSimpleDataSource();
        unreachable.setURL("jdbc:postgresql://127.0.0.1:" + closedPort() + "/ioc");
        unreachable.setConnectTimeout(2);
        try (FeedServer server =
                server(new TokenService(unreachable), new FeedLedger(unreachable), SERVERS.kafkaBootstrap())) {

            // When
            HttpResponse<String> response = push(server, "ioc_" + "A".repeat(43), "[]");

            // Then
            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(code(response)).isEqualTo("DATABASE_UNAVAILABLE");
        }
    }

    private static FeedServer server(TokenService tokens, FeedLedger ledger, String kafka) {
        FeedServer server = new FeedServer(
                new FeedServerOptions("127.0.0.1", 0, 1 << 20, 1000, Duration.ofSeconds(2)),
                FeedRegistry.builtIn(),
                tokens,
                ledger,
                FeedServer.kafkaProducer(kafka, SharedServers.uniqueName("outage"), Duration.ofSeconds(2)),
                new VietnameseTextNormalizer(),
                Clock.systemUTC());
        server.start();
        return server;
    }

    private HttpResponse<String> push(FeedServer server, String token, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + server.port() + "/api/v1/feeds/soc-daily/records"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String code(HttpResponse<String> response) throws Exception {
        JsonNode json = Json.mapper().readTree(response.body());
        return json.get("code").asText();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
