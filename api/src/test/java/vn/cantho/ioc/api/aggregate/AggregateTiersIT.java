package vn.cantho.ioc.api.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.api.ApiServer;
import vn.cantho.ioc.api.TestApi;
import vn.cantho.ioc.api.TestTokens;
import vn.cantho.ioc.model.Aggregate;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.store.AggregateWriter;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.RollupMaintainer;
import vn.cantho.ioc.store.StorageDialect;
import vn.cantho.ioc.store.token.TokenRole;
import vn.cantho.ioc.testkit.SharedServers;

/**
 * {@code ?bucket=1m|1h|1d} over HTTP on plain PostgreSQL: one-minute rows written by the real writer,
 * rolled up by the hub's {@link RollupMaintainer}, served from the tier asked for in the same shape.
 * (The storage suite in module store shows the tiers read the same on TimescaleDB.)
 */
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AggregateTiersIT {

    private static final String DEVICE = "aq-ninh-kieu-01";
    /** 00:00 in Cần Thơ on 2026-01-05. */
    private static final Instant DAY = Instant.parse("2026-01-04T17:00:00Z");

    private static final String PATH =
            "/api/v1/metrics/pm25/aggregates?device=" + DEVICE + "&from=2026-01-04T17:00:00Z&to=2026-01-06T17:00:00Z";

    private static Database database;
    private static ApiServer server;
    private static String token;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        SharedServers servers = SharedServers.get();
        database = Database.open(servers.freshSchemaUrl("api_tiers"), servers.dbUser(), servers.dbPassword(), 4);
        List<Aggregate> rows = new ArrayList<>();
        // 2 hours x 3 minutes on the first day, 1 minute on the next; count n, sum 10n, min 1, max 2n, last n + 0.5
        for (int hour = 0; hour < 2; hour++) {
            for (int minute = 0; minute < 3; minute++) {
                rows.add(minute(DAY.plus(Duration.ofMinutes(hour * 60L + minute)), minute + 1));
            }
        }
        rows.add(minute(DAY.plus(Duration.ofHours(30)), 4));
        new AggregateWriter(database.dataSource()).upsert(rows);
        new RollupMaintainer(database.dataSource(), StorageDialect.of(database.dataSource())).runOnce();
        TestTokens tokens = new TestTokens(database);
        token = tokens.issue(TokenRole.LEADER, "aggregate tiers it");
        server = TestApi.start(database, Map.of());
    }

    @AfterAll
    static void stop() {
        TestApi.stop(server, database);
    }

    private static Aggregate minute(Instant start, long count) {
        return new Aggregate(
                Aggregate.SCHEMA_VERSION,
                Scope.DEVICE,
                DEVICE,
                "pm25",
                "environment",
                "ninh-kieu",
                start,
                start.plusSeconds(60),
                count,
                count * 10.0,
                1.0,
                count * 2.0,
                count + 0.5);
    }

    @Test
    void each_bucket_is_served_from_its_tier_in_the_same_shape() throws Exception {
        JsonNode minutes = get(PATH);
        assertThat(minutes.get("bucket").asText()).isEqualTo("1m");
        assertThat(minutes.get("items")).hasSize(7);
        assertThat(get(PATH + "&bucket=1m")).isEqualTo(minutes);

        JsonNode hours = get(PATH + "&bucket=1h");
        assertThat(hours.get("bucket").asText()).isEqualTo("1h");
        assertThat(hours.get("items")).hasSize(3);
        JsonNode first = hours.get("items").get(0);
        assertThat(first.get("bucket").asText()).isEqualTo("2026-01-04T17:00:00Z");
        assertThat(first.get("bucketEnd").asText()).isEqualTo("2026-01-04T18:00:00Z");
        assertThat(first.get("count").asLong()).isEqualTo(6);
        assertThat(first.get("sum").asDouble()).isEqualTo(60.0);
        assertThat(first.get("min").asDouble()).isEqualTo(1.0);
        assertThat(first.get("max").asDouble()).isEqualTo(6.0);
        assertThat(first.get("avg").asDouble()).isEqualTo(10.0);
        assertThat(first.get("last").asDouble()).isEqualTo(3.5);

        JsonNode days = get(PATH + "&bucket=1d");
        assertThat(days.get("items")).hasSize(2);
        assertThat(days.get("items").get(0).get("count").asLong()).isEqualTo(12);
        assertThat(days.get("items").get(0).get("bucketEnd").asText()).isEqualTo("2026-01-05T17:00:00Z");
        assertThat(days.get("items").get(1).get("count").asLong()).isEqualTo(4);

        // Same fields on every tier.
        List<String> fields = new ArrayList<>();
        minutes.get("items").get(0).fieldNames().forEachRemaining(fields::add);
        List<String> dayFields = new ArrayList<>();
        days.get("items").get(0).fieldNames().forEachRemaining(dayFields::add);
        assertThat(dayFields).isEqualTo(fields);
    }

    @Test
    void a_bad_bucket_is_a_400() throws Exception {
        HttpResponse<String> response = send(PATH + "&bucket=5m");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = Json.mapper().readTree(response.body());
        assertThat(body.get("code").asText()).isEqualTo("BAD_PARAMETER");
        assertThat(body.get("message").asText()).startsWith("bucket:");
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }

    private static HttpResponse<String> send(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
