package vn.cantho.ioc.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.api.alert.Incidents;
import vn.cantho.ioc.model.alert.Severity;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.alert.Alert;
import vn.cantho.ioc.store.token.TokenRole;
import vn.cantho.ioc.testkit.RawHttp;

/**
 * The query API's bad-input suite (issue 15): every case is a request a careless client or an attacker
 * might send, with the status and stable code it must get. For every one the suite checks that the answer
 * is no 5xx, that the body is exactly {@code {"code","message"}} JSON naming no Java class, and that nothing
 * changed: the alert's version, handling and audit trail, the silences and the registry version are as
 * before. Requests go byte for byte over a socket ({@link RawHttp}), so broken encodings, NUL bytes and
 * malformed request lines reach the server as sent.
 */
@Tag("bad-input")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class BadInputIT {

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);
    private static final String JSON_TYPE = "application/json";
    private static final String KPI = "/api/v1/kpis/dossiers_on_time_rate";
    private static final String AGGREGATES = "/api/v1/metrics/pm25/aggregates";
    private static final String[] ABSURD_INSTANTS = {
        "%2B999999999-12-31T23:59:59Z",
        "%2B294277-01-01T00:00:00Z",
        "%2B10000-01-01T00:00:00Z",
        "-0001-01-01T00:00:00Z",
        "0000-12-31T23:59:59Z"
    };

    private static Database database;
    private static ApiServer server;
    private static Alert alert;
    private static final Map<TokenRole, String> TOKENS = new LinkedHashMap<>();

    /** One request and what it must get. {@code as} null sends no token; {@code {alert}} in the target is the fixture alert. */
    record Case(
            String says,
            String method,
            String target,
            TokenRole as,
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
    static void start() throws SQLException {
        database = TestDatabase.openFreshSchema("bad_input_it");
        TestTokens tokens = new TestTokens(database);
        server = TestApi.start(database, Map.of());
        for (TokenRole role : new TokenRole[] {TokenRole.LEADER, TokenRole.OPERATOR, TokenRole.ADMIN}) {
            TOKENS.put(role, tokens.issue(role, "bad input " + role.id()));
        }
        alert = new Incidents(database).pm25("ninh-kieu", Severity.CRITICAL);
        // One real silence, so a refused request that touched silences would show.
        RawHttp.Response silence = send(new Case(
                "a valid silence",
                "POST",
                "/api/v1/silences",
                TokenRole.OPERATOR,
                Map.of("Content-Type", JSON_TYPE),
                RawHttp.utf8("{\"matchers\":[\"area=o-mon\"],\"comment\":\"Bảo trì trạm\"," + "\"endsAt\":\""
                        + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}"),
                201,
                null));
        assertThat(silence.status()).as(silence.text()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        TestApi.stop(server, database);
    }

    @TestFactory
    Stream<DynamicTest> every_bad_request_gets_its_status_and_a_json_error_and_changes_nothing() {
        return cases().stream()
                .map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
                    // Given the alert, its audit trail, the silences and the registry as they are
                    JsonNode before = state();

                    // When
                    RawHttp.Response response = send(c);

                    // Then
                    RawHttp.assertJsonError(response, c.status(), c.code(), c.says());
                    assertThat(state()).as("state after %s", c.says()).isEqualTo(before);
                }));
    }

    @Test
    void the_suite_has_at_least_three_hundred_cases_on_this_port() {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(300);
    }

    @Test
    void authenticated_answers_are_not_stored_by_caches_nor_sniffed_errors_included() {
        // When
        RawHttp.Response ok = send(get("/api/v1/alerts", TokenRole.LEADER));
        RawHttp.Response refused = send(get("/api/v1/alerts?limit=0", TokenRole.LEADER));
        RawHttp.Response anonymous = send(get("/api/v1/alerts", null));

        // Then
        for (RawHttp.Response response : List.of(ok, refused, anonymous)) {
            assertThat(response.header("Cache-Control")).isEqualTo("no-store");
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
        assertThat(ok.status()).isEqualTo(200);
    }

    @Test
    void console_files_name_their_charset() {
        for (String file : List.of("/console/", "/console/index.html", "/console/console.js", "/console/console.css")) {
            // When
            RawHttp.Response response = send(get(file, null));

            // Then
            assertThat(response.status()).as(file).isEqualTo(200);
            assertThat(response.header("Content-Type"))
                    .as(file)
                    .endsWith("charset=utf-8")
                    .doesNotContain("null");
        }
    }

    @Test
    void an_area_named_by_a_number_is_refused_and_no_registry_version_is_written() {
        // Given
        long version = registryVersion();

        // When
        RawHttp.Response response = send(new Case(
                "area name 5",
                "PUT",
                "/api/v1/areas/xa-moi",
                TokenRole.ADMIN,
                Map.of("Content-Type", JSON_TYPE),
                RawHttp.utf8("{\"code\":\"xa-moi\",\"name\":5,\"lat\":10.0,\"lon\":105.7}"),
                400,
                "BAD_BODY"));

        // Then
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text())
                .contains("BAD_BODY")
                .contains("name: must be a string")
                .doesNotContain("vn.cantho");
        assertThat(registryVersion()).isEqualTo(version);
        assertThat(send(get("/api/v1/areas/xa-moi", TokenRole.LEADER)).status()).isEqualTo(404);
    }

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        nulInQueryParameters(cases);
        absurdDates(cases);
        pathTricks(cases);
        errorsTheServerRaisesItself(cases);
        malformedCommandBodies(cases);
        wrongFieldsInCommands(cases);
        silenceRules(cases);
        registryChanges(cases);
        tokensAndIds(cases);
        forgedCursors(cases);
        return cases;
    }

    private static void nulInQueryParameters(List<Case> cases) {
        Map<String, String[]> parameters = new LinkedHashMap<>();
        parameters.put("/api/v1/alerts", new String[] {
            "assignee",
            "rule",
            "area",
            "domain",
            "match",
            "condition",
            "severity",
            "handling",
            "from",
            "to",
            "cursor",
            "limit"
        });
        parameters.put(AGGREGATES, new String[] {"device", "area", "scope", "bucket", "from", "to", "cursor", "limit"});
        parameters.put("/api/v1/indicators", new String[] {
            "indicator", "domain", "scope", "entity", "area", "granularity", "from", "to", "cursor", "limit"
        });
        parameters.put("/api/v1/kpis", new String[] {"domain", "entity", "area"});
        parameters.put(KPI, new String[] {"entity", "area", "from", "to", "cursor", "limit"});
        parameters.put("/api/v1/devices", new String[] {"domain", "area"});
        parameters.put("/api/v1/metrics", new String[] {"domain"});
        parameters.put("/api/v1/silences", new String[] {"all"});
        parameters.put("/api/v1/aqi/current", new String[] {"area"});
        parameters.put("/api/v1/water-levels/current", new String[] {"area"});
        parameters.forEach((path, names) -> {
            for (String name : names) {
                cases.add(new Case(
                        "a NUL in " + name + " of GET " + path,
                        "GET",
                        path + "?" + name + "=ninh%00kieu",
                        TokenRole.LEADER,
                        Map.of(),
                        null,
                        400,
                        "BAD_PARAMETER"));
            }
        });
        cases.add(new Case(
                "a NUL in a parameter's name",
                "GET",
                "/api/v1/alerts?area%00=x",
                TokenRole.LEADER,
                Map.of(),
                null,
                400,
                "BAD_PARAMETER"));
        cases.add(new Case(
                "a NUL alone as an alert assignee",
                "GET",
                "/api/v1/alerts?assignee=%00",
                TokenRole.LEADER,
                Map.of(),
                null,
                400,
                "BAD_PARAMETER"));
        cases.add(new Case(
                "a NUL in a label matcher's value",
                "GET",
                "/api/v1/alerts?match=area%3D%22x%00%22",
                TokenRole.LEADER,
                Map.of(),
                null,
                400,
                "BAD_PARAMETER"));
        cases.add(new Case(
                "a NUL in a stream filter",
                "GET",
                "/api/v1/alerts/stream?area=x%00",
                TokenRole.LEADER,
                Map.of("Accept", "text/event-stream"),
                null,
                400,
                "BAD_PARAMETER"));
    }

    private static void absurdDates(List<Case> cases) {
        for (String path : new String[] {"/api/v1/alerts", AGGREGATES, "/api/v1/indicators", KPI}) {
            for (String name : new String[] {"from", "to"}) {
                for (String instant : ABSURD_INSTANTS) {
                    cases.add(new Case(
                            name + "=" + instant + " on GET " + path,
                            "GET",
                            path + "?" + name + "=" + instant,
                            TokenRole.LEADER,
                            Map.of(),
                            null,
                            400,
                            "BAD_PARAMETER"));
                }
            }
        }
        cases.add(new Case(
                "a 30-minute window ending in year 1 on aggregates",
                "GET",
                AGGREGATES + "?to=0001-01-01T00:30:00Z",
                TokenRole.LEADER,
                Map.of(),
                null,
                400,
                "BAD_PARAMETER"));
    }

    private static void pathTricks(List<Case> cases) {
        String[][] refused = {
            {"/console/..", "400"},
            {"/console/../", "400"},
            {"/console/../api/v1/alerts", "400"},
            {"/console/../pom.xml", "400"},
            {"/console/..%2F..%2Fetc%2Fpasswd", "400"},
            {"/console/%2e%2e/", "400"},
            {"/console/%2e%2e", "400"},
            {"/console/.%2e/index.html", "400"},
            {"/console/%252e%252e/index.html", "400"},
            {"/console/..;/index.html", "400"},
            {"/console/./index.html", "400"},
            {"/console/%00", "400"},
            {"/console/index.html%00.js", "400"},
            {"/console/%c0%ae%c0%ae/", "404"},
            {"/console/..%5C..%5Cwin.ini", "404"},
            {"/console/nothing-here.html", "404"},
            {"/api/v1/../health", "400"},
            {"/api/v1/%2e%2e/health", "400"},
            {"/console/%2e%2e%2f%2e%2e%2fetc/passwd", "400"},
            {"/console/..%00/", "400"},
            {"/console/%zz", "400"},
            {"/api/v1/devices/%00", "400"},
        };
        for (String[] path : refused) {
            int status = Integer.parseInt(path[1]);
            cases.add(new Case(
                    "GET " + path[0],
                    "GET",
                    path[0],
                    null,
                    Map.of(),
                    null,
                    status,
                    status == 404 ? "NOT_FOUND" : "BAD_REQUEST"));
        }
    }

    private static void errorsTheServerRaisesItself(List<Case> cases) {
        String longPath = "/api/v1/alerts/" + "a".repeat(10_000);
        cases.add(new Case("a 10 KB path", "GET", longPath, TokenRole.LEADER, Map.of(), null, 414, "URI_TOO_LONG"));
        cases.add(new Case(
                "a 10 KB query string",
                "GET",
                "/api/v1/alerts?area=" + "b".repeat(10_000),
                TokenRole.LEADER,
                Map.of(),
                null,
                414,
                "URI_TOO_LONG"));
        cases.add(new Case(
                "a 10 KB header",
                "GET",
                "/api/v1/alerts",
                TokenRole.LEADER,
                Map.of("X-Big", "c".repeat(10_000)),
                null,
                431,
                "HEADERS_TOO_LARGE"));
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 400; i++) {
            many.put("X-Header-" + i, "value-" + i);
        }
        cases.add(new Case(
                "400 small headers", "GET", "/api/v1/alerts", TokenRole.LEADER, many, null, 431, "HEADERS_TOO_LARGE"));
        cases.add(new Case(
                "a header line without a colon",
                "GET",
                "/api/v1/alerts",
                TokenRole.LEADER,
                Map.of("NoColonHere\r\nX-Ok", "1"),
                null,
                400,
                "BAD_REQUEST"));
        cases.add(new Case(
                "a header name with a space",
                "GET",
                "/api/v1/alerts",
                TokenRole.LEADER,
                Map.of("Bad Name", "1"),
                null,
                400,
                "BAD_REQUEST"));
        cases.add(new Case(
                "a raw NUL in a header value",
                "GET",
                "/api/v1/alerts",
                TokenRole.LEADER,
                Map.of("X-Nul", "a\0b"),
                null,
                400,
                "BAD_REQUEST"));
        cases.add(new Case(
                "a Content-Length that is not a number",
                "POST",
                "/api/v1/alerts/{alert}/ack",
                TokenRole.OPERATOR,
                Map.of("Content-Length", "abc"),
                RawHttp.utf8("{}"),
                400,
                "BAD_REQUEST"));
        cases.add(new Case(
                "a negative Content-Length",
                "POST",
                "/api/v1/alerts/{alert}/ack",
                TokenRole.OPERATOR,
                Map.of("Content-Length", "-5"),
                RawHttp.utf8("{}"),
                400,
                "BAD_REQUEST"));
        cases.add(new Case(
                "Content-Length and chunked together",
                "POST",
                "/api/v1/alerts/{alert}/ack",
                TokenRole.OPERATOR,
                Map.of("Content-Length", "2", "Transfer-Encoding", "chunked"),
                RawHttp.utf8("2\r\n{}\r\n0\r\n\r\n"),
                400,
                "BAD_REQUEST"));
        cases.add(new Case(
                "a chunk size that is not hexadecimal",
                "POST",
                "/api/v1/alerts/{alert}/ack",
                TokenRole.OPERATOR,
                Map.of("Transfer-Encoding", "chunked", "Content-Type", JSON_TYPE),
                RawHttp.utf8("zz\r\n{}\r\n0\r\n\r\n"),
                400,
                "BAD_REQUEST"));
        cases.add(new Case(
                "an invalid percent escape in the path",
                "GET",
                "/api/v1/alerts/%zz",
                TokenRole.LEADER,
                Map.of(),
                null,
                400,
                "BAD_REQUEST"));
        cases.add(new Case(
                "an encoded slash in the path",
                "GET",
                "/api/v1/alerts%2F1",
                TokenRole.LEADER,
                Map.of(),
                null,
                404,
                "NOT_FOUND"));
        cases.add(new Case(
                "a control character in the path",
                "GET",
                "/api/v1/al\u0001erts",
                TokenRole.LEADER,
                Map.of(),
                null,
                400,
                "BAD_REQUEST"));
        cases.add(new Case(
                "a raw byte that is not UTF-8 in the query",
                "GET",
                "/api/v1/alerts?area=\u00ff",
                TokenRole.LEADER,
                Map.of(),
                null,
                400,
                "BAD_REQUEST"));
        cases.add(new Case(
                "a transfer coding the server does not know",
                "POST",
                "/api/v1/alerts/{alert}/ack",
                TokenRole.OPERATOR,
                Map.of("Transfer-Encoding", "gzip", "Content-Type", JSON_TYPE),
                RawHttp.utf8("{}"),
                400,
                "BAD_REQUEST"));
        cases.add(new Case(
                "an HTTP version that does not exist",
                "GET",
                "/api/v1/alerts HTTP/9.9\r\nX-Old-Version:",
                TokenRole.LEADER,
                Map.of(),
                null,
                400,
                "BAD_REQUEST"));
        cases.add(new Case(
                "a method that does not exist",
                "BREW",
                "/api/v1/alerts",
                TokenRole.LEADER,
                Map.of(),
                null,
                405,
                "METHOD_NOT_ALLOWED"));
        cases.add(new Case(
                "a request line without a version",
                "GET",
                "/api/v1/alerts\r\nX-No-Version:",
                TokenRole.LEADER,
                Map.of(),
                null,
                400,
                "BAD_REQUEST"));
        cases.add(new Case(
                "a second Host header",
                "GET",
                "/api/v1/alerts",
                TokenRole.LEADER,
                Map.of("Host", "evil.example"),
                null,
                400,
                "BAD_REQUEST"));
    }

    private static void malformedCommandBodies(List<Case> cases) {
        String[] endpoints = {
            "/api/v1/alerts/{alert}/ack",
            "/api/v1/alerts/{alert}/unack",
            "/api/v1/alerts/{alert}/assign",
            "/api/v1/alerts/{alert}/comment",
            "/api/v1/alerts/{alert}/resolve",
            "/api/v1/alerts/{alert}/snooze",
            "/api/v1/alerts/{alert}/unsnooze",
            "/api/v1/alerts/bulk",
            "/api/v1/silences"
        };
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("garbage after the object", RawHttp.utf8("{\"comment\":\"a\"}garbage"));
        bodies.put("a second object", RawHttp.utf8("{\"comment\":\"a\"}{\"comment\":\"b\"}"));
        bodies.put(
                "invalid UTF-8",
                RawHttp.concat(
                        RawHttp.utf8("{\"comment\":\"C"), new byte[] {(byte) 0xC3, (byte) 0x28}, RawHttp.utf8("\"}")));
        bodies.put("an escaped NUL in the comment", RawHttp.utf8("{\"comment\":\"a\\u0000b\"}"));
        bodies.put("a raw NUL byte in the comment", RawHttp.utf8("{\"comment\":\"a\0b\"}"));
        bodies.put("a number as the comment", RawHttp.utf8("{\"comment\":5}"));
        bodies.put("an array instead of an object", RawHttp.utf8("[{\"comment\":\"a\"}]"));
        bodies.put("a duplicated key", RawHttp.utf8("{\"comment\":\"a\",\"comment\":\"b\"}"));
        bodies.put("an actor field", RawHttp.utf8("{\"actor\":\"someone else\"}"));
        bodies.put("JSON null", RawHttp.utf8("null"));
        bodies.put("single quotes", RawHttp.utf8("{'comment':'a'}"));
        for (String endpoint : endpoints) {
            bodies.forEach((what, body) -> cases.add(new Case(
                    what + " to POST " + endpoint,
                    "POST",
                    endpoint,
                    TokenRole.OPERATOR,
                    Map.of("Content-Type", JSON_TYPE),
                    body,
                    400,
                    "BAD_BODY")));
        }
    }

    private static void wrongFieldsInCommands(List<Case> cases) {
        String[][] bodies = {
            {"/api/v1/alerts/{alert}/assign", "{\"assignee\":5}"},
            {"/api/v1/alerts/{alert}/assign", "{\"assignee\":[\"ca-truc\"]}"},
            {"/api/v1/alerts/{alert}/assign", "{\"assignee\":\"ca\\u0000truc\"}"},
            {"/api/v1/alerts/{alert}/assign", "{\"comment\":\"x\"}"},
            {"/api/v1/alerts/{alert}/snooze", "{\"until\":5}"},
            {"/api/v1/alerts/{alert}/snooze", "{\"until\":\"+999999999-12-31T23:59:59Z\"}"},
            {"/api/v1/alerts/{alert}/snooze", "{\"until\":\"2026-02-30T00:00:00Z\"}"},
            {"/api/v1/alerts/{alert}/snooze", "{}"},
            {"/api/v1/alerts/bulk", "{\"action\":5,\"alerts\":[{\"id\":{alert}}]}"},
            {"/api/v1/alerts/bulk", "{\"action\":\"ack\",\"alerts\":[{\"id\":\"{alert}\"}]}"},
            {"/api/v1/alerts/bulk", "{\"action\":\"ack\",\"alerts\":[{\"id\":1.5}]}"},
            {"/api/v1/alerts/bulk", "{\"action\":\"ack\",\"alerts\":[{\"id\":{alert},\"version\":\"1\"}]}"},
            {"/api/v1/alerts/bulk", "{\"action\":\"ack\",\"alerts\":{\"id\":{alert}}}"},
            {"/api/v1/alerts/bulk", "{\"action\":\"drop\",\"alerts\":[{\"id\":{alert}}]}"},
            {"/api/v1/alerts/bulk", "{\"action\":\"ack\\u0000\",\"alerts\":[{\"id\":{alert}}]}"},
            {
                "/api/v1/silences",
                "{\"matchers\":[\"area=x\\u0000\"],\"comment\":\"c\",\"endsAt\":\"2099-01-01T00:00:00Z\"}"
            },
            {"/api/v1/silences", "{\"matchers\":[5],\"comment\":\"c\",\"endsAt\":\"2099-01-01T00:00:00Z\"}"},
            {"/api/v1/silences", "{\"matchers\":\"area=x\",\"comment\":\"c\",\"endsAt\":\"2099-01-01T00:00:00Z\"}"},
            {
                "/api/v1/silences",
                "{\"matchers\":[{\"label\":\"area\",\"op\":\"=\",\"value\":5}],\"comment\":\"c\","
                        + "\"endsAt\":\"2099-01-01T00:00:00Z\"}"
            },
            {
                "/api/v1/silences",
                "{\"matchers\":[\"area=x\"],\"comment\":\"c\",\"startsAt\":5,\"endsAt\":\"2099-01-01T00:00:00Z\"}"
            },
            {"/api/v1/silences", "{\"matchers\":[\"area=x\"],\"comment\":\"c\",\"endsAt\":\"+294277-01-01T00:00:00Z\"}"
            },
            {
                "/api/v1/silences",
                "{\"matchers\":[\"area=x\"],\"comment\":\"c\\u0000\",\"endsAt\":\"2099-01-01T00:00:00Z\"}"
            },
            {"/api/v1/silences", "{\"matchers\":[\"area=x\"],\"comment\":\"c\"}"},
            {"/api/v1/silences", "{\"matchers\":[\"area=~(\"],\"comment\":\"c\",\"endsAt\":\"2099-01-01T00:00:00Z\"}"},
        };
        for (String[] body : bodies) {
            cases.add(new Case(
                    body[1] + " to POST " + body[0],
                    "POST",
                    body[0],
                    TokenRole.OPERATOR,
                    Map.of("Content-Type", JSON_TYPE),
                    RawHttp.utf8(body[1]),
                    400,
                    "BAD_BODY"));
        }
    }

    private static void silenceRules(List<Case> cases) {
        Instant now = Instant.now();
        String[][] silences = {
            {"a silence of 31 days", now + "", now.plus(31, ChronoUnit.DAYS) + ""},
            {
                "a silence starting next week and lasting 40 days",
                now.plus(7, ChronoUnit.DAYS) + "",
                now.plus(47, ChronoUnit.DAYS) + ""
            },
            {"a silence that ended yesterday", null, now.minus(1, ChronoUnit.DAYS) + ""},
            {"a silence ending before it starts", now.plus(2, ChronoUnit.DAYS) + "", now.plus(1, ChronoUnit.DAYS) + ""},
            {"a silence from year 1 to year 9999", "0001-01-01T00:00:00Z", "9999-01-01T00:00:00Z"},
        };
        for (String[] silence : silences) {
            cases.add(new Case(
                    silence[0],
                    "POST",
                    "/api/v1/silences",
                    TokenRole.OPERATOR,
                    Map.of("Content-Type", JSON_TYPE),
                    RawHttp.utf8("{\"matchers\":[\"area=ninh-kieu\"],\"comment\":\"Bảo trì\","
                            + (silence[1] == null ? "" : "\"startsAt\":\"" + silence[1] + "\",")
                            + "\"endsAt\":\"" + silence[2] + "\"}"),
                    400,
                    "INVALID_COMMAND"));
        }
        cases.add(new Case(
                "a silence comment of 4001 characters",
                "POST",
                "/api/v1/silences",
                TokenRole.OPERATOR,
                Map.of("Content-Type", JSON_TYPE),
                RawHttp.utf8("{\"matchers\":[\"area=ninh-kieu\"],\"comment\":\"" + "x".repeat(4001) + "\",\"endsAt\":\""
                        + now.plus(1, ChronoUnit.DAYS) + "\"}"),
                400,
                "INVALID_COMMAND"));
        cases.add(new Case(
                "a snooze for a year",
                "POST",
                "/api/v1/alerts/{alert}/snooze",
                TokenRole.OPERATOR,
                Map.of("Content-Type", JSON_TYPE),
                RawHttp.utf8("{\"until\":\"" + now.plus(365, ChronoUnit.DAYS) + "\"}"),
                400,
                "INVALID_COMMAND"));
        cases.add(new Case(
                "a comment of 4001 characters",
                "POST",
                "/api/v1/alerts/{alert}/comment",
                TokenRole.OPERATOR,
                Map.of("Content-Type", JSON_TYPE),
                RawHttp.utf8("{\"comment\":\"" + "y".repeat(4001) + "\"}"),
                400,
                "INVALID_COMMAND"));
    }

    private static void registryChanges(List<Case> cases) {
        String area = "{\"code\":\"xa-moi\",\"name\":\"Xã Mới\",\"lat\":10.0,\"lon\":105.7}";
        String[][] areas = {
            {"a number as the area name", area.replace("\"Xã Mới\"", "5")},
            {"true as the area name", area.replace("\"Xã Mới\"", "true")},
            {"an object as the area name", area.replace("\"Xã Mới\"", "{}")},
            {"a string as the latitude", area.replace("10.0", "\"10.5\"")},
            {"an empty string as the latitude", area.replace("10.0", "\"\"")},
            {"true as the latitude", area.replace("10.0", "true")},
            {"null as the latitude", area.replace("10.0", "null")},
            {"a string as the longitude", area.replace("105.7", "\"105.7\"")},
            {"a number as the area code", area.replace("\"xa-moi\"", "7")},
            {"an area without a latitude", area.replace("\"lat\":10.0,", "")},
            {"an area with an unknown field", area.replace("}", ",\"population\":1000}")},
            {"an area with garbage after it", area + "garbage"},
            {"two areas one after the other", area + area},
            {"an area name with an escaped NUL", area.replace("Xã Mới", "Xã\\u0000Mới")},
            {"an area as an array", "[" + area + "]"},
            {"an empty area body", ""},
            {"an area whose code differs from the path", area.replace("\"xa-moi\"", "\"xa-khac\"")},
            {"an area with a duplicated key", area.replace("}", ",\"name\":\"Khác\"}")},
        };
        for (String[] body : areas) {
            cases.add(new Case(
                    body[0],
                    "PUT",
                    "/api/v1/areas/xa-moi",
                    TokenRole.ADMIN,
                    Map.of("Content-Type", JSON_TYPE),
                    RawHttp.utf8(body[1]),
                    400,
                    "BAD_BODY"));
        }
        cases.add(new Case(
                "an area name in invalid UTF-8",
                "PUT",
                "/api/v1/areas/xa-moi",
                TokenRole.ADMIN,
                Map.of("Content-Type", JSON_TYPE),
                RawHttp.concat(
                        RawHttp.utf8("{\"code\":\"xa-moi\",\"name\":\"X"),
                        new byte[] {(byte) 0xE1, (byte) 0xBB},
                        RawHttp.utf8("\",\"lat\":10.0,\"lon\":105.7}")),
                400,
                "BAD_BODY"));
        String device =
                "{\"id\":\"wl-moi-01\",\"name\":\"Trạm mới\",\"type\":\"water_gauge\",\"domain\":\"environment\","
                        + "\"areaCode\":\"thot-not\",\"lat\":10.27,\"lon\":105.53,\"owner\":\"dai-kttv\",\"metrics\":[\"water_level\"]}";
        String[][] devices = {
            {"one metric as a string instead of a list", device.replace("[\"water_level\"]", "\"water_level\"")},
            {"a number among the metrics", device.replace("[\"water_level\"]", "[\"water_level\",5]")},
            {"a string as the device latitude", device.replace("10.27", "\"10.27\"")},
            {"a number as the domain", device.replace("\"environment\"", "5")},
            {"an unknown domain", device.replace("\"environment\"", "\"weather\"")},
            {"a number as the device name", device.replace("\"Trạm mới\"", "5")},
            {"a device with garbage after it", device + "]"},
            {"a device name with an escaped NUL", device.replace("Trạm mới", "Trạm\\u0000mới")},
            {"a device whose id differs from the path", device.replace("\"wl-moi-01\"", "\"wl-khac-01\"")},
            {"a device with an unknown field", device.replace("}", ",\"firmware\":\"1.0\"}")},
            {"a device without metrics", device.replace(",\"metrics\":[\"water_level\"]", "")},
        };
        for (String[] body : devices) {
            cases.add(new Case(
                    body[0],
                    "PUT",
                    "/api/v1/devices/wl-moi-01",
                    TokenRole.ADMIN,
                    Map.of("Content-Type", JSON_TYPE),
                    RawHttp.utf8(body[1]),
                    400,
                    "BAD_BODY"));
        }
        cases.add(new Case(
                "If-Match that is not a version",
                "PUT",
                "/api/v1/devices/wl-moi-01",
                TokenRole.ADMIN,
                Map.of("Content-Type", JSON_TYPE, "If-Match", "\"abc\""),
                RawHttp.utf8(device),
                400,
                "BAD_PARAMETER"));
        cases.add(new Case(
                "If-Match naming a version that does not exist yet",
                "PUT",
                "/api/v1/devices/wl-moi-01",
                TokenRole.ADMIN,
                Map.of("Content-Type", JSON_TYPE, "If-Match", "\"99\""),
                RawHttp.utf8(device),
                412,
                "VERSION_MISMATCH"));
        cases.add(new Case(
                "removing a device that does not exist",
                "DELETE",
                "/api/v1/devices/aq-atlantis-01",
                TokenRole.ADMIN,
                Map.of(),
                null,
                404,
                "UNKNOWN_DEVICE"));
        cases.add(new Case(
                "an operator changing the registry",
                "PUT",
                "/api/v1/devices/wl-moi-01",
                TokenRole.OPERATOR,
                Map.of("Content-Type", JSON_TYPE),
                RawHttp.utf8(device),
                403,
                "FORBIDDEN"));
    }

    private static void tokensAndIds(List<Case> cases) {
        String[][] authorizations = {
            {"no Authorization header", null},
            {"Basic credentials", "Basic YWRtaW46YWRtaW4="},
            {"Bearer without a token", "Bearer "},
            {"a token of 5000 characters", "Bearer " + "x".repeat(5000)},
            {"SQL as the token", "Bearer ' OR '1'='1"},
            {"a token with bytes that are not ASCII", "Bearer ioc_\u00e9\u00ff"},
            {"a JWT-looking token that is not one", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."},
        };
        for (String[] authorization : authorizations) {
            cases.add(new Case(
                    authorization[0] + " on an ack",
                    "POST",
                    "/api/v1/alerts/{alert}/ack",
                    null,
                    authorization[1] == null
                            ? Map.of("Content-Type", JSON_TYPE)
                            : Map.of("Content-Type", JSON_TYPE, "Authorization", authorization[1]),
                    RawHttp.utf8("{}"),
                    401,
                    "UNAUTHENTICATED"));
        }
        cases.add(new Case(
                "a leader acking",
                "POST",
                "/api/v1/alerts/{alert}/ack",
                TokenRole.LEADER,
                Map.of("Content-Type", JSON_TYPE),
                RawHttp.utf8("{}"),
                403,
                "FORBIDDEN"));
        String[][] ids = {
            {"/api/v1/alerts/0", "400", "BAD_PARAMETER"},
            {"/api/v1/alerts/-1", "400", "BAD_PARAMETER"},
            {"/api/v1/alerts/abc", "400", "BAD_PARAMETER"},
            {"/api/v1/alerts/99999999999999999999", "400", "BAD_PARAMETER"},
            {"/api/v1/alerts/1e3", "400", "BAD_PARAMETER"},
            {"/api/v1/alerts/999999999", "404", "UNKNOWN_ALERT"},
            {"/api/v1/alerts/999999999/events", "404", "UNKNOWN_ALERT"},
            {"/api/v1/kpis/no_such_kpi", "404", "UNKNOWN_INDICATOR"},
            {"/api/v1/metrics/co2/aggregates", "404", "UNKNOWN_METRIC"},
            {"/api/v1/devices/aq-atlantis-01", "404", "UNKNOWN_DEVICE"},
        };
        for (String[] id : ids) {
            cases.add(new Case(
                    "GET " + id[0], "GET", id[0], TokenRole.LEADER, Map.of(), null, Integer.parseInt(id[1]), id[2]));
        }
        cases.add(new Case(
                "expiring silence abc",
                "POST",
                "/api/v1/silences/abc/expire",
                TokenRole.OPERATOR,
                Map.of(),
                null,
                400,
                "BAD_PARAMETER"));
        cases.add(new Case(
                "expiring a silence that does not exist",
                "POST",
                "/api/v1/silences/999999/expire",
                TokenRole.OPERATOR,
                Map.of(),
                null,
                404,
                "UNKNOWN_SILENCE"));
        cases.add(new Case(
                "acking an alert that does not exist",
                "POST",
                "/api/v1/alerts/999999999/ack",
                TokenRole.OPERATOR,
                Map.of("Content-Type", JSON_TYPE),
                RawHttp.utf8("{}"),
                404,
                "UNKNOWN_ALERT"));
        cases.add(new Case(
                "an ack with If-Match of another version",
                "POST",
                "/api/v1/alerts/{alert}/ack",
                TokenRole.OPERATOR,
                Map.of("Content-Type", JSON_TYPE, "If-Match", "\"99\""),
                RawHttp.utf8("{}"),
                412,
                "VERSION_MISMATCH"));
        cases.add(new Case(
                "an ack with If-Match that is not a version",
                "POST",
                "/api/v1/alerts/{alert}/ack",
                TokenRole.OPERATOR,
                Map.of("Content-Type", JSON_TYPE, "If-Match", "yesterday"),
                RawHttp.utf8("{}"),
                400,
                "BAD_PARAMETER"));
        cases.add(new Case(
                "a body over 64 KiB",
                "POST",
                "/api/v1/alerts/{alert}/comment",
                TokenRole.OPERATOR,
                Map.of("Content-Type", JSON_TYPE),
                RawHttp.utf8("{\"comment\":\"" + "z".repeat(70_000) + "\"}"),
                413,
                "PAYLOAD_TOO_LARGE"));
        cases.add(new Case(
                "a Content-Length of a terabyte with no body behind it",
                "POST",
                "/api/v1/alerts/{alert}/comment",
                TokenRole.OPERATOR,
                Map.of("Content-Type", JSON_TYPE, "Content-Length", "1000000000000"),
                null,
                413,
                "PAYLOAD_TOO_LARGE"));
        cases.add(new Case(
                "DELETE on the alert list",
                "DELETE",
                "/api/v1/alerts",
                TokenRole.ADMIN,
                Map.of(),
                null,
                405,
                "METHOD_NOT_ALLOWED"));
        cases.add(new Case(
                "a stream resume from a negative id",
                "GET",
                "/api/v1/alerts/stream",
                TokenRole.LEADER,
                Map.of("Accept", "text/event-stream", "Last-Event-ID", "-5"),
                null,
                400,
                "BAD_PARAMETER"));
        cases.add(new Case(
                "a stream resume from text",
                "GET",
                "/api/v1/alerts/stream?lastEventId=abc",
                TokenRole.LEADER,
                Map.of("Accept", "text/event-stream"),
                null,
                400,
                "BAD_PARAMETER"));
    }

    private static void forgedCursors(List<Case> cases) {
        String[][] cursors = {
            {"/api/v1/alerts", "+999999999-12-31T23:59:59Z|1"},
            {"/api/v1/alerts", "2026-11-23T03:00:00Z|99999999999999999999"},
            {AGGREGATES, "+999999999-12-31T23:59:59Z|area|ninh-kieu"},
            {AGGREGATES, "2026-11-23T03:00:00Z|area|ninh\0kieu"},
            {
                "/api/v1/indicators",
                "[\"+294277-01-01T00:00:00Z\",\"vn_aqi_hourly\",\"area\",\"ninh-kieu\",\"\",\"hour\"]"
            },
            {
                "/api/v1/indicators",
                "[\"2026-11-23T03:00:00Z\",\"vn_aqi_hourly\",\"area\",\"ninh\\u0000kieu\",\"\",\"hour\"]"
            },
            {KPI, "[\"+294277-01-01T00:00:00Z\",\"so-tu-phap\",\"\",\"x\"]"},
            {KPI, "[\"2026-11-23T03:00:00Z\",\"so\\u0000tu-phap\",\"\",\"x\"]"},
        };
        for (String[] cursor : cursors) {
            String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(RawHttp.utf8(cursor[1]));
            cases.add(new Case(
                    "a forged cursor " + cursor[1].replace("\0", "\\0") + " on " + cursor[0],
                    "GET",
                    cursor[0] + "?cursor=" + encoded,
                    TokenRole.LEADER,
                    Map.of(),
                    null,
                    400,
                    "BAD_PARAMETER"));
        }
    }

    /** The alert (version, handling, audit trail), every silence and the registry version. */
    private static JsonNode state() {
        ObjectNode state = Json.mapper().createObjectNode();
        state.set("alert", json(send(get("/api/v1/alerts/" + alert.id(), TokenRole.LEADER))));
        state.set("events", json(send(get("/api/v1/alerts/" + alert.id() + "/events", TokenRole.LEADER))));
        state.set("silences", json(send(get("/api/v1/silences?all=true", TokenRole.LEADER))));
        state.put("registry", registryVersion());
        state.set("areas", json(send(get("/api/v1/areas", TokenRole.LEADER))));
        return state;
    }

    private static long registryVersion() {
        return json(send(get("/api/v1/registry", TokenRole.LEADER)))
                .path("version")
                .asLong();
    }

    private static JsonNode json(RawHttp.Response response) {
        try {
            return Json.mapper().readTree(response.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + response.text(), e);
        }
    }

    private static Case get(String target, TokenRole as) {
        return new Case("GET " + target, "GET", target, as, Map.of(), null, 200, null);
    }

    private static RawHttp.Response send(Case c) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (c.as() != null) {
            headers.put("Authorization", "Bearer " + TOKENS.get(c.as()));
        }
        headers.putAll(c.headers());
        String target = c.target().replace("{alert}", String.valueOf(alert == null ? 0 : alert.id()));
        byte[] body = c.body() == null
                ? null
                : new String(c.body(), StandardCharsets.ISO_8859_1)
                        .replace("{alert}", String.valueOf(alert == null ? 0 : alert.id()))
                        .getBytes(StandardCharsets.ISO_8859_1);
        return RawHttp.send(server.port(), RawHttp.request(c.method(), target, headers, body), ANSWER_WITHIN);
    }
}
