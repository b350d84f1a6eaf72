package vn.cantho.ioc.hub;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import vn.cantho.ioc.ingest.feed.DemoTokens;
import vn.cantho.ioc.ingest.feed.FeedRegistry;
import vn.cantho.ioc.ingest.feed.FeedServer;
import vn.cantho.ioc.ingest.feed.FeedServerOptions;
import vn.cantho.ioc.ingest.feed.VietnameseTextNormalizer;
import vn.cantho.ioc.model.kafka.TopicProvisioner;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.feed.FeedLedger;
import vn.cantho.ioc.store.token.TokenService;
import vn.cantho.ioc.testkit.SharedServers;

/**
 * The real department feed API on a free port against the shared Kafka broker and PostgreSQL (a
 * database schema of its own), with the embedded default's demo tokens written to a directory.
 */
final class FeedServerFixture implements AutoCloseable {

    final SharedServers servers = SharedServers.get();
    final Database database;
    final FeedServer server;
    final Path demoTokens;

    FeedServerFixture(Path dataDir) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers.kafkaBootstrap()))) {
            new TopicProvisioner(admin, (short) 1).ensure(Topics.all());
        }
        database = Database.open(servers.freshSchemaUrl("hub_feeds"), servers.dbUser(), servers.dbPassword(), 8);
        TokenService tokens = new TokenService(database.dataSource());
        FeedRegistry registry = FeedRegistry.builtIn();
        demoTokens = DemoTokens.ensure(dataDir, registry, tokens);
        server = new FeedServer(
                new FeedServerOptions("127.0.0.1", 0, 10 * 1024 * 1024, 5000, Duration.ofSeconds(30)),
                registry,
                tokens,
                new FeedLedger(database.dataSource()),
                FeedServer.kafkaProducer(
                        servers.kafkaBootstrap(), SharedServers.uniqueName("feeds"), Duration.ofSeconds(30)),
                new VietnameseTextNormalizer(),
                Clock.systemUTC());
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    @Override
    public void close() {
        server.close();
        database.close();
    }
}
