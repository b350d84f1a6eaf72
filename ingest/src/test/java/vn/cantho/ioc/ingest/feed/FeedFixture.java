package vn.cantho.ioc.ingest.feed;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import vn.cantho.ioc.model.kafka.TopicProvisioner;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.feed.FeedLedger;
import vn.cantho.ioc.store.token.TokenRole;
import vn.cantho.ioc.store.token.TokenService;
import vn.cantho.ioc.testkit.SharedServers;

/**
 * A feed server on a free port against the shared real Kafka and PostgreSQL (its own database schema),
 * and an HTTP client that talks to it like {@code curl} would.
 */
final class FeedFixture implements AutoCloseable {

    final SharedServers servers = SharedServers.get();
    final Database database;
    final TokenService tokens;
    final FeedServer server;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    FeedFixture(FeedRegistry registry, int maxBodyBytes, int maxRows) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers.kafkaBootstrap()))) {
            new TopicProvisioner(admin, (short) 1).ensure(Topics.all());
        }
        database = Database.open(servers.freshSchemaUrl("feeds_it"), servers.dbUser(), servers.dbPassword(), 8);
        tokens = new TokenService(database.dataSource());
        server = new FeedServer(
                new FeedServerOptions("127.0.0.1", 0, maxBodyBytes, maxRows, Duration.ofSeconds(30)),
                registry,
                tokens,
                new FeedLedger(database.dataSource()),
                FeedServer.kafkaProducer(
                        servers.kafkaBootstrap(), SharedServers.uniqueName("feeds"), Duration.ofSeconds(30)),
                new VietnameseTextNormalizer(),
                Clock.systemUTC());
        server.start();
    }

    /** A fresh department token, so each test acts as its own client. */
    String token(String department) {
        return tokens.issue(TokenRole.DEPARTMENT, department, SharedServers.uniqueName("it"))
                .secret();
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(60));
    }

    HttpResponse<String> push(String feed, String token, String contentType, byte[] body, String... headers)
            throws Exception {
        HttpRequest.Builder request =
                request("/api/v1/feeds/" + feed + "/records").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        server.close();
        database.close();
    }
}
