package vn.cantho.ioc.ingest.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.ingest.IngestProducer;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.model.stage.Part;
import vn.cantho.ioc.store.StoreException;
import vn.cantho.ioc.store.feed.FeedLedger;
import vn.cantho.ioc.store.feed.IdempotencyClaim;
import vn.cantho.ioc.store.token.ApiToken;
import vn.cantho.ioc.store.token.TokenRole;
import vn.cantho.ioc.store.token.TokenService;

/**
 * The department feed API, an ingest transport with its own HTTP port (separate from the query API):
 * {@code POST /api/v1/feeds/{feedId}/records} with a bearer token, plus {@code GET /api/v1/feeds} and
 * {@code GET /api/v1/feeds/{feedId}} to read the schemas. Every error is {@code {"code","message"}} JSON.
 *
 * <p>A push is checked in this order: token (401), feed (404), the token's department owns the feed
 * (403), Content-Type (415), body size (413), Idempotency-Key (replay or 409), body (400, 413 for rows),
 * then processed by {@link FeedPushService} (202, or 503 when Kafka or the database is down).
 */
public final class FeedServer implements Part {

    /** The component name under which {@code /health} reports the feed API. */
    public static final String HEALTH_COMPONENT = "feeds";
    /** How long an unfinished Idempotency-Key claim blocks retries before it counts as abandoned. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(FeedServer.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration PRODUCER_CLOSE = Duration.ofSeconds(15);
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final String BEARER = "bearer ";

    private final FeedServerOptions options;
    private final FeedRegistry registry;
    private final TokenService tokens;
    private final FeedLedger ledger;
    private final Producer<byte[], byte[]> producer;
    private final FeedPushService pushes;
    private final FeedStats stats = new FeedStats();
    private final AtomicBoolean running = new AtomicBoolean();
    private final Javalin app;

    /**
     * @param producer Kafka producer, normally {@link #kafkaProducer}; the server closes it
     */
    public FeedServer(
            FeedServerOptions options,
            FeedRegistry registry,
            TokenService tokens,
            FeedLedger ledger,
            Producer<byte[], byte[]> producer,
            TextNormalizer normalizer,
            Clock clock) {
        this.options = options;
        this.registry = registry;
        this.tokens = tokens;
        this.ledger = ledger;
        this.producer = producer;
        this.pushes = new FeedPushService(ledger, producer, normalizer, clock, options.kafkaTimeout(), stats);
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(Json.mapper(), false));
            cfg.http.defaultContentType = "application/json";
            cfg.http.prefer405over404 = true;
            cfg.http.maxRequestSize = options.maxBodyBytes();
            cfg.jetty.modifyServer(server -> {
                server.setStopTimeout(STOP_TIMEOUT.toMillis());
                server.setErrorHandler(new FeedServerErrorHandler());
            });
            cfg.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new FeedServerErrorHandler()));
            // Jetty holds a request with a body until its first byte arrives; a push declaring more than the
            // limit must be refused from its Content-Length at once, not when (or if) the client starts sending.
            cfg.jetty.modifyHttpConfiguration(http -> http.setDelayDispatchUntilContent(false));
            cfg.jetty.addConnector((server, http) ->
                    ClientErrorConnectionFactory.connector(server, http, options.host(), options.port()));
            cfg.router.mount(router -> {
                router.post("/api/v1/feeds/{feedId}/records", this::push);
                router.get("/api/v1/feeds", this::list);
                router.get("/api/v1/feeds/{feedId}", this::describe);
                router.exception(FeedException.class, (e, ctx) -> fail(ctx, e.code(), e.getMessage()));
                router.exception(HttpResponseException.class, this::routing);
                router.exception(Exception.class, this::unexpected);
            });
        });
    }

    /**
     * The feed server a hub runs: department tokens and the re-push ledger in {@code database}, records into the
     * Kafka cluster at {@code kafkaBootstrap}, Vietnamese text normalised, the system clock.
     */
    public static FeedServer create(
            FeedServerOptions options,
            FeedRegistry registry,
            TokenService tokens,
            DataSource database,
            String kafkaBootstrap) {
        return new FeedServer(
                options,
                registry,
                tokens,
                new FeedLedger(database),
                kafkaProducer(kafkaBootstrap, "ioc-feeds", options.kafkaTimeout()),
                new VietnameseTextNormalizer(),
                Clock.systemUTC());
    }

    /**
     * The Kafka producer for a feed server: {@link IngestProducer}'s idempotent {@code acks=all} producer,
     * but blocking at most {@code kafkaTimeout} for a missing broker, so a push is answered 503 in
     * bounded time while Kafka is away.
     */
    public static Producer<byte[], byte[]> kafkaProducer(
            String bootstrapServers, String clientId, Duration kafkaTimeout) {
        return IngestProducer.create(
                bootstrapServers, clientId, Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, kafkaTimeout.toMillis()));
    }

    /** Binds and starts serving; returns once requests are accepted. */
    @Override
    public void start() {
        app.start(options.host(), options.port());
        running.set(true);
        LOG.info("Feed API listening on http://{}:{}", options.host(), port());
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return app.port();
    }

    /** Where a client on this machine reaches the server: its host, or loopback when it binds to every interface. */
    public URI localUrl() {
        String host = "0.0.0.0".equals(options.host()) ? "127.0.0.1" : options.host();
        return URI.create("http://" + host + ":" + port());
    }

    public FeedStats stats() {
        return stats;
    }

    @Override
    public Status check() {
        return running.get() ? Status.up("serving on port " + port() + "; " + stats) : Status.down("not serving");
    }

    /** Stops taking requests, lets in-flight pushes finish for a few seconds, then closes the producer. */
    @Override
    public void close() {
        running.set(false);
        try {
            app.stop();
        } finally {
            producer.close(PRODUCER_CLOSE);
        }
    }

    private void push(Context ctx) {
        ApiToken token = authenticate(ctx);
        FeedDefinition feed = feed(ctx.pathParam("feedId"));
        if (token.role() != TokenRole.DEPARTMENT || !feed.department().equals(token.department())) {
            throw new FeedException(
                    FeedErrorCode.FORBIDDEN,
                    "feed " + feed.id() + " belongs to department "
                            + feed.department() + "; this token "
                            + (token.role() == TokenRole.DEPARTMENT
                                    ? "is for department " + token.department()
                                    : "has role " + token.role().id() + " and cannot push feeds"));
        }
        BodyFormat format = BodyFormat.of(ctx.header("Content-Type"))
                .orElseThrow(() -> new FeedException(
                        FeedErrorCode.UNSUPPORTED_MEDIA_TYPE,
                        (ctx.header("Content-Type") == null
                                        ? "no Content-Type"
                                        : "Content-Type " + abbreviate(ctx.header("Content-Type"))
                                                + " is not supported")
                                + "; send application/json or text/csv"));
        String idempotencyKey = idempotencyKey(ctx);
        byte[] body = body(ctx);
        if (idempotencyKey == null) {
            respond(ctx, 202, json(pushes.push(feed, token.id(), format, body, options.maxRows())));
            return;
        }
        IdempotencyClaim claim = database(() -> ledger.claim(
                token.department(), idempotencyKey, feed.id(), requestHash(feed, format, body), ABANDONED_AFTER));
        if (claim instanceof IdempotencyClaim.Replay replay) {
            ctx.header("Idempotent-Replayed", "true");
            respond(ctx, replay.status(), replay.body());
        } else if (claim instanceof IdempotencyClaim.Conflict conflict) {
            throw new FeedException(
                    FeedErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "Idempotency-Key '" + idempotencyKey
                            + "' was already used by department " + token.department()
                            + " for a different request (feed "
                            + conflict.feedId() + "); use a new key for new data");
        } else if (claim instanceof IdempotencyClaim.InProgress) {
            throw new FeedException(
                    FeedErrorCode.IDEMPOTENCY_KEY_IN_USE,
                    "a request with Idempotency-Key '" + idempotencyKey
                            + "' is still being processed; retry in a few seconds");
        } else {
            String response;
            try {
                response = json(pushes.push(feed, token.id(), format, body, options.maxRows()));
            } catch (RuntimeException e) {
                release(token.department(), idempotencyKey);
                throw e;
            }
            try {
                ledger.complete(token.department(), idempotencyKey, 202, response);
            } catch (StoreException e) {
                // The records are in Kafka and marked seen: a retry finds them as duplicates.
                LOG.warn("feed {}: cannot store the response for an Idempotency-Key: {}", feed.id(), e.getMessage());
            }
            respond(ctx, 202, response);
        }
    }

    private void list(Context ctx) {
        ApiToken token = authenticate(ctx);
        List<FeedDefinition> feeds = token.role() == TokenRole.DEPARTMENT
                ? registry.feedsOf(token.department())
                : List.copyOf(registry.feeds());
        ctx.json(Map.of("items", feeds));
    }

    private void describe(Context ctx) {
        ApiToken token = authenticate(ctx);
        FeedDefinition feed = feed(ctx.pathParam("feedId"));
        if (token.role() == TokenRole.DEPARTMENT && !feed.department().equals(token.department())) {
            throw new FeedException(
                    FeedErrorCode.FORBIDDEN,
                    "feed " + feed.id() + " belongs to department " + feed.department()
                            + "; this token is for department " + token.department());
        }
        ctx.json(feed);
    }

    private ApiToken authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw new FeedException(
                    FeedErrorCode.UNAUTHENTICATED, "no bearer token; send the header Authorization: Bearer <token>");
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new FeedException(FeedErrorCode.UNAUTHENTICATED, "the Authorization header must be Bearer <token>");
        }
        String presented = header.substring(BEARER.length()).strip();
        return database(() -> tokens.authenticate(presented))
                .orElseThrow(() -> new FeedException(
                        FeedErrorCode.UNAUTHENTICATED, "the bearer token is not valid or has been revoked"));
    }

    private FeedDefinition feed(String id) {
        return registry.feed(id)
                .orElseThrow(() -> new FeedException(
                        FeedErrorCode.UNKNOWN_FEED,
                        "no feed '" + abbreviate(id) + "'; GET /api/v1/feeds lists your feeds"));
    }

    private static String idempotencyKey(Context ctx) {
        String key = ctx.header("Idempotency-Key");
        if (key == null) {
            return null;
        }
        if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw new FeedException(
                    FeedErrorCode.BAD_REQUEST, "Idempotency-Key must be 1-255 visible ASCII characters, e.g. a UUID");
        }
        return key;
    }

    /** The body, at most {@code maxBodyBytes}; refused early when Content-Length already says more. */
    private byte[] body(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        int limit = options.maxBodyBytes();
        if (declared > limit) {
            throw tooLarge("the body has " + declared + " bytes");
        }
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (out.size() + n > limit) {
                    throw tooLarge("the body has more than " + limit + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            // Jetty's text here names its own exception classes; the client needs only what went wrong.
            throw new FeedException(
                    FeedErrorCode.BAD_REQUEST,
                    "cannot read the request body: it ends early or its chunked encoding is broken");
        }
    }

    private FeedException tooLarge(String what) {
        return new FeedException(
                FeedErrorCode.PAYLOAD_TOO_LARGE,
                what + "; the feed API accepts at most "
                        + options.maxBodyBytes() + " bytes and " + options.maxRows()
                        + " rows per push (less where a feed's maxRows is lower): split the data into several pushes");
    }

    private static byte[] requestHash(FeedDefinition feed, BodyFormat format, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((feed.id() + "\n" + format + "\n").getBytes(StandardCharsets.UTF_8));
            return digest.digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private void release(String department, String key) {
        try {
            ledger.release(department, key);
        } catch (StoreException e) {
            LOG.warn(
                    "cannot release an Idempotency-Key of {} (a retry waits until it is abandoned): {}",
                    department,
                    e.getMessage());
        }
    }

    private static <T> T database(Supplier<T> action) {
        try {
            return action.get();
        } catch (StoreException e) {
            LOG.warn("feed API: database unavailable: {}", e.getMessage());
            throw new FeedException(
                    FeedErrorCode.DATABASE_UNAVAILABLE, "the database is unavailable; try again shortly");
        }
    }

    private static String json(PushResponse response) {
        try {
            return Json.mapper().writeValueAsString(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a push response", e);
        }
    }

    private static void respond(Context ctx, int status, String json) {
        ctx.status(status).contentType("application/json").result(json);
    }

    private void fail(Context ctx, FeedErrorCode code, String message) {
        if (code.status() >= 500) {
            stats.countFailed();
            ctx.header("Retry-After", "5");
        } else {
            stats.countRefused();
        }
        if (code == FeedErrorCode.UNAUTHENTICATED) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"ioc-feeds\"");
        }
        ctx.status(code.status()).json(new FeedError(code.name(), message));
    }

    private void routing(HttpResponseException error, Context ctx) {
        if (error.getStatus() == 404) {
            fail(ctx, FeedErrorCode.NOT_FOUND, "no endpoint " + ctx.method().name() + " " + ctx.path());
        } else if (error.getStatus() == 405) {
            fail(ctx, FeedErrorCode.METHOD_NOT_ALLOWED, ctx.method().name() + " is not allowed on " + ctx.path());
        } else if (error.getStatus() == 413) {
            fail(
                    ctx,
                    FeedErrorCode.PAYLOAD_TOO_LARGE,
                    tooLarge("the body is too large").getMessage());
        } else if (error.getStatus() >= 400 && error.getStatus() < 500) {
            fail(ctx, FeedErrorCode.BAD_REQUEST, "the request cannot be processed");
        } else {
            unexpected(error, ctx);
        }
    }

    private void unexpected(Exception error, Context ctx) {
        String reference = UUID.randomUUID().toString();
        LOG.error("{} {} failed (reference {})", ctx.method().name(), ctx.path(), reference, error);
        fail(ctx, FeedErrorCode.INTERNAL, "internal error; reference " + reference);
    }

    private static String abbreviate(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 64 ? printable : printable.substring(0, 64) + "…";
    }
}
