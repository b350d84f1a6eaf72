package vn.cantho.ioc.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.store.token.TokenRole;
import vn.cantho.ioc.testkit.RawHttp;

/**
 * The feed API's bad-input suite (issue 15): requests a department's system, a careless script or an
 * attacker might send to the feed port, each with the status and stable code it must get. For every one
 * the suite checks that the answer is no 5xx, that the body is exactly {@code {"code","message"}} JSON naming
 * no Java class, and that nothing changed: the server's push counters, the ledger of seen records and
 * Idempotency-Keys, and the feed-record and dead-letter topics. Requests go byte for byte over a socket.
 */
@Tag("bad-input")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class FeedBadInputIT {

    private static final int MAX_BODY = 64 * 1024;
    private static final int MAX_ROWS = 100;
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);
    private static final String JSON = "application/json";
    private static final String CSV = "text/csv; charset=utf-8";
    private static final String SOC = "/api/v1/feeds/soc-daily/records";
    private static final String SOC_ROW = "{\"date\":\"2026-11-20\",\"blocked_attacks\":12,\"high_alerts\":1,"
            + "\"critical_alerts\":0,\"defaced_websites\":0,\"infected_endpoints\":3}";
    private static final String SOC_HEADER =
            "date,blocked_attacks,high_alerts,critical_alerts,defaced_websites,infected_endpoints\n";

    private static FeedFixture fixture;
    private static KafkaConsumer<byte[], byte[]> offsets;
    private static String soc;
    private static String police;
    private static String admin;

    /** One request and what it must get. {@code token} null sends no Authorization header of ours. */
    record Case(
            String says,
            String method,
            String target,
            String token,
            Map<String, String> headers,
            byte[] body,
            int status,
            String code) {

        @Override
        public String toString() {
            return says + " -> " + status + " " + code;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        fixture = new FeedFixture(FeedRegistry.builtIn(), MAX_BODY, MAX_ROWS);
        soc = fixture.token("so-khcn");
        police = fixture.token("cong-an");
        admin = fixture.tokens
                .issue(TokenRole.ADMIN, null, "feed bad input admin")
                .secret();
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, fixture.servers.kafkaBootstrap());
        offsets = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @AfterAll
    static void stop() {
        if (offsets != null) {
            offsets.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> every_bad_request_gets_its_status_and_a_json_error_and_changes_nothing() {
        return cases().stream()
                .map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
                    // Given the counters, the ledger and the topics as they are
                    Map<String, Long> before = state();

                    // When
                    RawHttp.Response response = send(c);

                    // Then
                    RawHttp.assertJsonError(response, c.status(), c.code(), c.says());
                    assertThat(state()).as("state after %s", c.says()).isEqualTo(before);
                }));
    }

    @Test
    void a_huge_declared_content_length_is_answered_413_from_the_header_without_waiting_for_the_body() {
        // Given a push that declares a terabyte and sends none of it, without Expect: 100-continue
        byte[] request = RawHttp.request(
                "POST",
                SOC,
                Map.of("Authorization", "Bearer " + soc, "Content-Type", JSON, "Content-Length", "1000000000000"),
                null);

        // When
        long start = System.nanoTime();
        RawHttp.Response response = RawHttp.send(fixture.server.port(), request, ANSWER_WITHIN);

        // Then
        assertThat(response.status()).as(response.text()).isEqualTo(413);
        assertThat(response.text()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        tokens(cases);
        feedsAndMethods(cases);
        contentTypes(cases);
        malformedJson(cases);
        malformedCsv(cases);
        sizes(cases);
        idempotencyKeys(cases);
        errorsTheServerRaisesItself(cases);
        return cases;
    }

    private static void tokens(List<Case> cases) {
        String[][] authorizations = {
            {"no Authorization header", null, "401", "UNAUTHENTICATED"},
            {"Basic credentials", "Basic Y29uZy1hbjpwYXNz", "401", "UNAUTHENTICATED"},
            {"Bearer without a token", "Bearer ", "401", "UNAUTHENTICATED"},
            {"a token of 5000 characters", "Bearer " + "x".repeat(5000), "401", "UNAUTHENTICATED"},
            {"SQL as the token", "Bearer ' OR '1'='1'; --", "401", "UNAUTHENTICATED"},
            {"a token with bytes that are not ASCII", "Bearer ioc_\u00e9\u00ff", "401", "UNAUTHENTICATED"},
            {"a token with a raw NUL", "Bearer ioc_\0x", "400", "BAD_REQUEST"},
            {"a revoked-looking token", "Bearer ioc_" + "A".repeat(43), "401", "UNAUTHENTICATED"},
        };
        for (String[] authorization : authorizations) {
            cases.add(new Case(
                    authorization[0],
                    "POST",
                    SOC,
                    null,
                    authorization[1] == null
                            ? Map.of("Content-Type", JSON)
                            : Map.of("Content-Type", JSON, "Authorization", authorization[1]),
                    RawHttp.utf8("[" + SOC_ROW + "]"),
                    Integer.parseInt(authorization[2]),
                    authorization[3]));
        }
        cases.add(new Case(
                "another department's feed",
                "POST",
                SOC,
                police,
                Map.of("Content-Type", JSON),
                RawHttp.utf8("[" + SOC_ROW + "]"),
                403,
                "FORBIDDEN"));
        cases.add(new Case(
                "an admin token pushing",
                "POST",
                SOC,
                admin,
                Map.of("Content-Type", JSON),
                RawHttp.utf8("[" + SOC_ROW + "]"),
                403,
                "FORBIDDEN"));
        cases.add(new Case(
                "reading another department's feed",
                "GET",
                "/api/v1/feeds/traffic-safety-daily",
                soc,
                Map.of(),
                null,
                403,
                "FORBIDDEN"));
    }

    private static void feedsAndMethods(List<Case> cases) {
        String[][] targets = {
            {"POST", "/api/v1/feeds/no-such-feed/records", "404", "UNKNOWN_FEED"},
            {"POST", "/api/v1/feeds/x'%20OR%201=1--/records", "404", "UNKNOWN_FEED"},
            {"POST", "/api/v1/feeds/soc%00daily/records", "400", "BAD_REQUEST"},
            {"POST", "/api/v1/feeds/" + "f".repeat(2000) + "/records", "404", "UNKNOWN_FEED"},
            {"POST", "/api/v1/feeds/soc-d%C3%A1ily/records", "404", "UNKNOWN_FEED"},
            {"GET", "/api/v1/feeds/no-such-feed", "404", "UNKNOWN_FEED"},
            {"DELETE", SOC, "405", "METHOD_NOT_ALLOWED"},
            {"PUT", SOC, "405", "METHOD_NOT_ALLOWED"},
            {"PATCH", "/api/v1/feeds", "405", "METHOD_NOT_ALLOWED"},
            {"GET", "/api/v1/nothing", "404", "NOT_FOUND"},
            {"POST", "/api/v1/feeds/soc-daily/records/extra", "404", "NOT_FOUND"},
            {"POST", "/api/v1/feeds/../feeds/soc-daily/records", "404", "NOT_FOUND"},
            {"POST", "/api/v1/feeds/%2e%2e/feeds/soc-daily/records", "404", "NOT_FOUND"},
        };
        for (String[] target : targets) {
            cases.add(new Case(
                    target[0] + " " + abbreviate(target[1]),
                    target[0],
                    target[1],
                    soc,
                    Map.of("Content-Type", JSON),
                    target[0].equals("GET") ? null : RawHttp.utf8("[" + SOC_ROW + "]"),
                    Integer.parseInt(target[2]),
                    target[3]));
        }
    }

    private static void contentTypes(List<Case> cases) {
        for (String type : new String[] {
            null,
            "text/plain",
            "application/xml",
            "multipart/form-data; boundary=x",
            "application/x-www-form-urlencoded",
            "application/jsonx",
            "text/csv2",
            "*/*"
        }) {
            cases.add(new Case(
                    "Content-Type " + type,
                    "POST",
                    SOC,
                    soc,
                    type == null ? Map.of() : Map.of("Content-Type", type),
                    RawHttp.utf8("[" + SOC_ROW + "]"),
                    415,
                    "UNSUPPORTED_MEDIA_TYPE"));
        }
    }

    private static void malformedJson(List<Case> cases) {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("garbage after the records", RawHttp.utf8("[" + SOC_ROW + "]garbage"));
        bodies.put("a second array after the records", RawHttp.utf8("[" + SOC_ROW + "][" + SOC_ROW + "]"));
        bodies.put(
                "a second object after the records object",
                RawHttp.utf8("{\"records\":[" + SOC_ROW + "]}{\"records\":[]}"));
        bodies.put("one record not in an array", RawHttp.utf8(SOC_ROW));
        bodies.put("records that are a number", RawHttp.utf8("{\"records\":5}"));
        bodies.put("an empty body", RawHttp.utf8(""));
        bodies.put("only whitespace", RawHttp.utf8(" \n\t "));
        bodies.put("JSON null", RawHttp.utf8("null"));
        bodies.put("a bare number", RawHttp.utf8("42"));
        bodies.put("a bare string", RawHttp.utf8("\"records\""));
        bodies.put("an array that is never closed", RawHttp.utf8("[" + SOC_ROW));
        bodies.put("single quotes", RawHttp.utf8("[{'date':'2026-11-20'}]"));
        bodies.put("a raw NUL between records", RawHttp.utf8("[" + SOC_ROW + ",\0" + SOC_ROW + "]"));
        bodies.put(
                "a record key duplicated at the top level",
                RawHttp.utf8("{\"records\":[],\"records\":[" + SOC_ROW + "]}"));
        bodies.put("arrays nested 5000 deep", RawHttp.utf8("[".repeat(5000) + "]".repeat(5000)));
        bodies.put(
                "a byte order mark and garbage",
                RawHttp.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, RawHttp.utf8("x")));
        bodies.put("a trailing comma", RawHttp.utf8("[" + SOC_ROW + ",]"));
        bodies.put("a comment", RawHttp.utf8("/* rows */[" + SOC_ROW + "]"));
        bodies.forEach((what, body) -> cases.add(
                new Case("JSON: " + what, "POST", SOC, soc, Map.of("Content-Type", JSON), body, 400, "BAD_JSON")));
    }

    private static void malformedCsv(List<Case> cases) {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("an unknown column", "date,attacks\n2026-11-20,12\n");
        bodies.put("a quote that is never closed", SOC_HEADER + "2026-11-20,\"12,1,0,0,3\n");
        bodies.put("an empty body", "");
        bodies.put("a column named twice", "date,date,blocked_attacks\n2026-11-20,2026-11-20,1\n");
        bodies.put("a NUL in a column name", "date,blocked\0attacks\n2026-11-20,1\n");
        bodies.put(
                "SQL as a column name", "date,\"blocked_attacks); DROP TABLE feed_record_seen; --\"\n2026-11-20,1\n");
        bodies.forEach((what, body) -> cases.add(new Case(
                "CSV: " + what, "POST", SOC, soc, Map.of("Content-Type", CSV), RawHttp.utf8(body), 400, "BAD_CSV")));
    }

    private static void sizes(List<Case> cases) {
        byte[] huge = new byte[MAX_BODY + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        huge[0] = '[';
        huge[huge.length - 1] = ']';
        cases.add(new Case(
                "a body one byte over the limit",
                "POST",
                SOC,
                soc,
                Map.of("Content-Type", JSON),
                huge,
                413,
                "PAYLOAD_TOO_LARGE"));
        cases.add(new Case(
                "a Content-Length of a terabyte with no body",
                "POST",
                SOC,
                soc,
                Map.of("Content-Type", JSON, "Content-Length", "1000000000000"),
                null,
                413,
                "PAYLOAD_TOO_LARGE"));
        cases.add(new Case(
                "a Content-Length just over the limit with no body",
                "POST",
                SOC,
                soc,
                Map.of("Content-Type", JSON, "Content-Length", String.valueOf(MAX_BODY + 1)),
                null,
                413,
                "PAYLOAD_TOO_LARGE"));
        StringBuilder chunks = new StringBuilder();
        for (int i = 0; i <= MAX_BODY / 1000; i++) {
            chunks.append(Integer.toHexString(1000))
                    .append("\r\n")
                    .append(" ".repeat(1000))
                    .append("\r\n");
        }
        cases.add(new Case(
                "chunks adding up to more than the limit",
                "POST",
                SOC,
                soc,
                Map.of("Content-Type", JSON, "Transfer-Encoding", "chunked"),
                RawHttp.utf8(chunks + "0\r\n\r\n"),
                413,
                "PAYLOAD_TOO_LARGE"));
        StringBuilder rows = new StringBuilder(SOC_HEADER);
        for (int i = 0; i <= MAX_ROWS; i++) {
            rows.append("2026-01-").append(String.format("%02d", i % 28 + 1)).append(",1,0,0,0,0\n");
        }
        cases.add(new Case(
                "more rows than the server takes in one push",
                "POST",
                SOC,
                soc,
                Map.of("Content-Type", CSV),
                RawHttp.utf8(rows.toString()),
                413,
                "PAYLOAD_TOO_LARGE"));
    }

    private static void idempotencyKeys(List<Case> cases) {
        for (String[] key : new String[][] {
            {"a key with a space", "a key"},
            {"a key of 300 characters", "k".repeat(300)},
            {"a key with bytes that are not ASCII", "kh\u00f3a"},
            {"a key with a tab", "a\tb"}
        }) {
            cases.add(new Case(
                    key[0],
                    "POST",
                    SOC,
                    soc,
                    Map.of("Content-Type", JSON, "Idempotency-Key", key[1]),
                    RawHttp.utf8("[" + SOC_ROW + "]"),
                    400,
                    "BAD_REQUEST"));
        }
    }

    private static void errorsTheServerRaisesItself(List<Case> cases) {
        cases.add(new Case(
                "a 10 KB path",
                "POST",
                "/api/v1/feeds/" + "a".repeat(10_000) + "/records",
                soc,
                Map.of("Content-Type", JSON),
                RawHttp.utf8("[]"),
                414,
                "URI_TOO_LONG"));
        cases.add(new Case(
                "a 10 KB query string",
                "POST",
                SOC + "?x=" + "b".repeat(10_000),
                soc,
                Map.of("Content-Type", JSON),
                RawHttp.utf8("[]"),
                414,
                "URI_TOO_LONG"));
        cases.add(new Case(
                "a 10 KB header",
                "POST",
                SOC,
                soc,
                Map.of("Content-Type", JSON, "X-Big", "c".repeat(10_000)),
                RawHttp.utf8("[]"),
                431,
                "HEADERS_TOO_LARGE"));
        cases.add(new Case(
                "a header line without a colon",
                "POST",
                SOC,
                soc,
                Map.of("Content-Type", JSON, "NoColonHere\r\nX-Ok", "1"),
                RawHttp.utf8("[]"),
                400,
                "BAD_REQUEST"));
        cases.add(new Case(
                "a header name with a space",
                "POST",
                SOC,
                soc,
                Map.of("Content-Type", JSON, "Bad Name", "1"),
                RawHttp.utf8("[]"),
                400,
                "BAD_REQUEST"));
        cases.add(new Case(
                "a Content-Length that is not a number",
                "POST",
                SOC,
                soc,
                Map.of("Content-Type", JSON, "Content-Length", "abc"),
                RawHttp.utf8("[]"),
                400,
                "BAD_REQUEST"));
        cases.add(new Case(
                "Content-Length and chunked together",
                "POST",
                SOC,
                soc,
                Map.of("Content-Type", JSON, "Content-Length", "2", "Transfer-Encoding", "chunked"),
                RawHttp.utf8("2\r\n[]\r\n0\r\n\r\n"),
                400,
                "BAD_REQUEST"));
        cases.add(new Case(
                "a chunk size that is not hexadecimal",
                "POST",
                SOC,
                soc,
                Map.of("Content-Type", JSON, "Transfer-Encoding", "chunked"),
                RawHttp.utf8("zz\r\n[]\r\n0\r\n\r\n"),
                400,
                "BAD_REQUEST"));
        cases.add(new Case(
                "Expect: 100-continue with a Content-Length over the limit",
                "POST",
                SOC,
                soc,
                Map.of("Content-Type", JSON, "Content-Length", "99999999", "Expect", "100-continue"),
                null,
                413,
                "PAYLOAD_TOO_LARGE"));
        cases.add(new Case(
                "an HTTP version that does not exist",
                "POST",
                SOC + " HTTP/9.9\r\nX-Old-Version:",
                soc,
                Map.of("Content-Type", JSON),
                RawHttp.utf8("[]"),
                400,
                "BAD_REQUEST"));
        cases.add(new Case(
                "a request line without a version",
                "POST",
                SOC + "\r\nX-No-Version:",
                soc,
                Map.of("Content-Type", JSON),
                RawHttp.utf8("[]"),
                400,
                "BAD_REQUEST"));
        cases.add(new Case(
                "a transfer coding the server does not know",
                "POST",
                SOC,
                soc,
                Map.of("Content-Type", JSON, "Transfer-Encoding", "gzip"),
                RawHttp.utf8("[]"),
                400,
                "BAD_REQUEST"));
        cases.add(new Case(
                "a second Host header",
                "POST",
                SOC,
                soc,
                Map.of("Content-Type", JSON, "Host", "evil.example"),
                RawHttp.utf8("[]"),
                400,
                "BAD_REQUEST"));
        cases.add(new Case(
                "a control character in the path",
                "POST",
                "/api/v1/feeds/soc\u0001daily/records",
                soc,
                Map.of("Content-Type", JSON),
                RawHttp.utf8("[]"),
                400,
                "BAD_REQUEST"));
        cases.add(new Case(
                "an invalid percent escape in the path",
                "POST",
                "/api/v1/feeds/%zz/records",
                soc,
                Map.of("Content-Type", JSON),
                RawHttp.utf8("[]"),
                400,
                "BAD_REQUEST"));
        cases.add(new Case(
                "a path escaping the root",
                "POST",
                "/../../etc/passwd",
                soc,
                Map.of("Content-Type", JSON),
                RawHttp.utf8("[]"),
                400,
                "BAD_REQUEST"));
    }

    /** Push counters, the ledger's rows, and the end offsets of the feed-record and dead-letter topics. */
    private static Map<String, Long> state() throws Exception {
        FeedStats stats = fixture.server.stats();
        Map<String, Long> state = new LinkedHashMap<>();
        state.put("pushes", stats.pushes());
        state.put("accepted", stats.accepted());
        state.put("rejected", stats.rejected());
        state.put("duplicates", stats.duplicates());
        state.put("corrections", stats.corrections());
        try (Connection connection = fixture.database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            for (String table : new String[] {"feed_record_seen", "feed_idempotency_key"}) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    rows.next();
                    state.put(table, rows.getLong(1));
                }
            }
        }
        for (String topic : new String[] {Topics.FEED_RECORDS.name(), Topics.DEAD_LETTER.name()}) {
            List<TopicPartition> partitions = offsets.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            state.put(
                    topic,
                    offsets.endOffsets(partitions).values().stream()
                            .mapToLong(Long::longValue)
                            .sum());
        }
        return state;
    }

    private static RawHttp.Response send(Case c) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (c.token() != null) {
            headers.put("Authorization", "Bearer " + c.token());
        }
        headers.putAll(c.headers());
        return RawHttp.send(
                fixture.server.port(), RawHttp.request(c.method(), c.target(), headers, c.body()), ANSWER_WITHIN);
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
