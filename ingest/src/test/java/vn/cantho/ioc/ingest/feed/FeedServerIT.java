package vn.cantho.ioc.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.cantho.ioc.ingest.text.Encoding;
import vn.cantho.ioc.ingest.text.LegacyEncoder;
import vn.cantho.ioc.model.DeadLetter;
import vn.cantho.ioc.model.DeadLetterReason;
import vn.cantho.ioc.model.FeedRecord;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.store.token.TokenRole;
import vn.cantho.ioc.testkit.KafkaTail;
import vn.cantho.ioc.testkit.SharedServers;

/**
 * The feed API over real HTTP against the real Kafka broker and PostgreSQL: every request a department
 * (or an attacker) might send, and what ends up in Kafka.
 */
@Tag("kafka")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class FeedServerIT {

    private static final int MAX_BODY = 256 * 1024;
    private static final int MAX_ROWS = 500;
    private static final String JSON = "application/json";
    private static final String CSV = "text/csv; charset=utf-8";
    private static final AtomicInteger DAYS = new AtomicInteger();

    private static FeedFixture fixture;
    private static KafkaTail<FeedRecord> records;
    private static KafkaTail<DeadLetter> deadLetters;

    @BeforeAll
    static void startServer() throws Exception {
        fixture = new FeedFixture(FeedRegistry.builtIn(), MAX_BODY, MAX_ROWS);
        records = new KafkaTail<>(fixture.servers.kafkaBootstrap(), Topics.FEED_RECORDS);
        deadLetters = new KafkaTail<>(fixture.servers.kafkaBootstrap(), Topics.DEAD_LETTER);
    }

    @AfterAll
    static void stopServer() {
        if (records != null) {
            records.close();
            deadLetters.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void a_department_pushes_json_with_one_request_and_finds_the_records_in_kafka() throws Exception {
        // Given
        String token = fixture.token("tong-dai-1022");
        String id = SharedServers.uniqueName("pa");
        String body = """
                [{"report_id": "%1$s-1", "channel": "phone", "category": "environment",
                  "summary": "Rác thải ùn ứ trên đường Nguyễn Văn Cừ", "ward": "Phường An Khánh",
                  "area_code": "ninh-kieu", "status": "received", "received_at": "2026-11-20T08:15:00+07:00"},
                 {"report_id": "%1$s-2", "channel": "app", "category": "traffic", "summary": "Đèn tín hiệu hỏng",
                  "status": "resolved", "received_at": "2026-11-20T09:00:00+07:00",
                  "acknowledged_at": "2026-11-20T09:10:00+07:00", "resolved_at": "2026-11-20T11:30:00+07:00"}]
                """.formatted(id);

        // When
        HttpResponse<String> response = fixture.push("hotline-1022-reports", token, JSON, utf8(body));

        // Then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode json = json(response);
        assertThat(json.get("feed").asText()).isEqualTo("hotline-1022-reports");
        assertThat(json.get("accepted").asInt()).isEqualTo(2);
        assertThat(json.get("rejected").asInt()).isZero();
        assertThat(json.get("duplicates").asInt()).isZero();
        assertThat(json.get("errors")).isEmpty();
        List<FeedRecord> stored = feedRecords("hotline-1022-reports|" + id);
        assertThat(stored).hasSize(2);
        FeedRecord first = stored.stream()
                .filter(r -> r.recordKey().equals(id + "-1"))
                .findFirst()
                .orElseThrow();
        assertThat(first.department()).isEqualTo("tong-dai-1022");
        assertThat(first.domain()).isEqualTo("citizen_feedback");
        assertThat(first.ts()).hasToString("2026-11-20T01:15:00Z");
        assertThat(first.period()).isNull();
        assertThat(first.areaCode()).isEqualTo("ninh-kieu");
        assertThat(first.fields())
                .containsEntry("summary", "Rác thải ùn ứ trên đường Nguyễn Văn Cừ")
                .containsEntry("ward", "Phường An Khánh")
                .containsEntry("received_at", "2026-11-20T01:15:00Z");
        assertThat(first.source()).startsWith("feeds/hotline-1022-reports/token/");
        assertThat(first.schemaVersion()).isEqualTo(FeedRecord.SCHEMA_VERSION);
    }

    @Test
    void a_department_pushes_csv_with_legacy_text_and_gets_typed_records_metrics_and_the_conversion() throws Exception {
        // Given a police export whose note column an old system wrote in TCVN3
        String token = fixture.token("cong-an");
        String day = uniqueDay();
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        csv.writeBytes(utf8("date,area_code,accidents,deaths,injuries,violations,fines,note\r\n"
                + day + ",ninh-kieu,2,0,3,148,215.5,\"Va chạm xe máy, đường 30/4\"\r\n"
                + day + ",cai-rang,1,1,0,96,120,\""));
        csv.writeBytes(LegacyEncoder.encode("Tai nạn trên quốc lộ 1, Cần Thơ", Encoding.TCVN3));
        csv.writeBytes(utf8("\"\r\n"));

        // When
        HttpResponse<String> response = fixture.push("traffic-safety-daily", token, CSV, csv.toByteArray());

        // Then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode json = json(response);
        assertThat(json.get("accepted").asInt()).isEqualTo(2);
        assertThat(json.get("conversions").toString()).isEqualTo("[{\"row\":3,\"field\":\"note\",\"from\":\"TCVN3\"}]");
        Map<String, FeedRecord> stored = feedRecords("traffic-safety-daily|" + day).stream()
                .collect(Collectors.toMap(FeedRecord::recordKey, r -> r));
        assertThat(stored).containsOnlyKeys(day + "|ninh-kieu", day + "|cai-rang");
        FeedRecord caiRang = stored.get(day + "|cai-rang");
        assertThat(caiRang.fields().get("note")).isEqualTo("Tai nạn trên quốc lộ 1, Cần Thơ");
        assertThat(caiRang.conversions()).containsEntry("note", "TCVN3");
        assertThat(caiRang.metrics()).containsEntry("traffic_deaths", 1.0).containsEntry("traffic_fines_m_vnd", 120.0);
        assertThat(caiRang.period()).isEqualTo(day);
        assertThat(((Number) stored.get(day + "|ninh-kieu").fields().get("violations")).longValue())
                .isEqualTo(148);
        assertThat(stored.get(day + "|ninh-kieu").fields().get("note")).isEqualTo("Va chạm xe máy, đường 30/4");
    }

    @Test
    void bad_rows_get_errors_with_their_line_and_field_are_dead_lettered_and_good_rows_still_pass() throws Exception {
        // Given
        String token = fixture.token("cong-an");
        String day = uniqueDay();
        String csv = "date,area_code,accidents,deaths,injuries,violations\n"
                + day + ",ninh-kieu,2,0,3,148\n" // line 2: fine
                + day + ",ninh-kieu,1,0,0,5\n" // line 3: same key as line 2
                + day + ",hai-chau,1,0,0,5\n" // line 4: not a Cần Thơ area
                + "31/02/2026,o-mon,1,0,0,5\n" // line 5: no such date
                + day + ",o-mon,NaN,,2.5,-1\n" // line 6: four problems
                + day + ",thot-not,1,0\n" // line 7: too few values
                + day + ",binh-thuy,0,0,0,12\n"; // line 8: fine

        // When
        HttpResponse<String> response = fixture.push("traffic-safety-daily", token, CSV, utf8(csv));

        // Then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode json = json(response);
        assertThat(json.get("accepted").asInt()).isEqualTo(2);
        assertThat(json.get("rejected").asInt()).isEqualTo(5);
        assertThat(errors(json))
                .containsExactly(
                        "3 date,area_code DUPLICATE_KEY_IN_BODY",
                        "4 area_code OUT_OF_RANGE",
                        "5 date BAD_DATE",
                        "6 accidents BAD_NUMBER",
                        "6 deaths MISSING_FIELD",
                        "6 injuries BAD_NUMBER",
                        "6 violations OUT_OF_RANGE",
                        "7 null COLUMN_COUNT");
        assertThat(feedRecords("traffic-safety-daily|" + day))
                .extracting(FeedRecord::recordKey)
                .containsExactlyInAnyOrder(day + "|ninh-kieu", day + "|binh-thuy");
        String source = records.upToEnd(r -> r.key().startsWith("traffic-safety-daily|" + day))
                .get(0)
                .value()
                .source();
        List<DeadLetter> letters = deadLetters.upToEnd(r -> r.value().source().equals(source)).stream()
                .map(ConsumerRecord::value)
                .toList();
        assertThat(letters).hasSize(5).allSatisfy(l -> assertThat(l.reason()).isEqualTo(DeadLetterReason.BAD_RECORD));
        assertThat(letters)
                .extracting(l -> new String(l.payload(), StandardCharsets.UTF_8))
                .contains(day + ",hai-chau,1,0,0,5", day + ",o-mon,NaN,,2.5,-1");
        assertThat(letters).anySatisfy(l -> assertThat(l.detail())
                .startsWith("feed traffic-safety-daily, row 6:")
                .contains("BAD_NUMBER accidents"));
    }

    @Test
    void re_pushing_the_same_records_counts_duplicates_adds_nothing_to_kafka_and_a_change_is_a_correction()
            throws Exception {
        // Given
        String token = fixture.token("trung-tam-phuc-vu-hcc");
        String agency = SharedServers.uniqueName("so-tu-phap");
        String body = "[" + dossiers(agency, "2026-11-20", 120) + "," + dossiers(agency, "2026-11-21", 95) + "]";
        HttpResponse<String> first = fixture.push("dossiers-daily", token, JSON, utf8(body));
        int afterFirst = feedRecords("dossiers-daily|").size();

        // When the same records come again, once as CSV with the values written differently
        HttpResponse<String> again = fixture.push("dossiers-daily", token, JSON, utf8(body));
        HttpResponse<String> asCsv = fixture.push(
                "dossiers-daily",
                token,
                CSV,
                utf8("date,agency_code,agency_name,received,resolved,resolved_on_time,overdue,online_share\n"
                        + "20/11/2026," + agency + ",Sở Tư pháp,120,110,100,3,62.50\n"));
        int afterRepush = feedRecords("dossiers-daily|").size();
        HttpResponse<String> corrected =
                fixture.push("dossiers-daily", token, JSON, utf8("[" + dossiers(agency, "2026-11-21", 96) + "]"));

        // Then
        assertThat(json(first).get("accepted").asInt()).isEqualTo(2);
        assertThat(json(again).get("accepted").asInt()).isZero();
        assertThat(json(again).get("duplicates").asInt()).isEqualTo(2);
        assertThat(json(asCsv).get("duplicates").asInt()).as(asCsv.body()).isEqualTo(1);
        assertThat(afterRepush).isEqualTo(afterFirst);
        assertThat(json(corrected).get("accepted").asInt()).isEqualTo(1);
        assertThat(json(corrected).get("corrections").asInt()).isEqualTo(1);
        List<FeedRecord> versions = feedRecords("dossiers-daily|2026-11-21|" + agency);
        assertThat(versions)
                .extracting(r -> ((Number) r.fields().get("received")).intValue())
                .containsExactly(95, 96);
    }

    @Test
    void an_idempotency_key_replays_the_first_response_and_refuses_a_different_request() throws Exception {
        // Given
        String token = fixture.token("so-khcn");
        String key = SharedServers.uniqueName("push");
        String incident = SharedServers.uniqueName("sc");
        byte[] body = utf8("[" + incident(incident, "high") + "]");
        HttpResponse<String> first = fixture.push("soc-incidents", token, JSON, body, "Idempotency-Key", key);

        // When
        HttpResponse<String> replay =
                fixture.push("soc-incidents", fixture.token("so-khcn"), JSON, body, "Idempotency-Key", key);
        HttpResponse<String> otherBody = fixture.push(
                "soc-incidents", token, JSON, utf8("[" + incident(incident, "critical") + "]"), "Idempotency-Key", key);
        HttpResponse<String> otherDepartment = fixture.push(
                "tourism-monthly",
                fixture.token("so-vhttdl"),
                JSON,
                utf8(
                        "[{\"period\":\"2026-10-01\",\"visitors\":820000,\"overnight_guests\":310000,\"revenue\":1450.5}]"),
                "Idempotency-Key",
                key);
        HttpResponse<String> badKey = fixture.push("soc-incidents", token, JSON, body, "Idempotency-Key", "a key");

        // Then
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(replay.statusCode()).isEqualTo(202);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(json(replay).get("accepted").asInt())
                .as("the stored first answer, not a re-run")
                .isEqualTo(1);
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertError(otherBody, 409, "IDEMPOTENCY_KEY_REUSED", "different request");
        assertThat(otherDepartment.statusCode()).as("keys are per department").isEqualTo(202);
        assertError(badKey, 400, "BAD_REQUEST", "Idempotency-Key");
        assertThat(feedRecords("soc-incidents|" + incident)).hasSize(1);
    }

    @Test
    void a_missing_malformed_wrong_or_revoked_token_is_401() throws Exception {
        // Given
        byte[] body = utf8("[]");
        var revoked = fixture.tokens.issue(TokenRole.DEPARTMENT, "cong-an", "revoked in a test");
        fixture.tokens.revoke(revoked.token().id());
        String valid = fixture.token("cong-an");
        String wrong = valid.substring(0, valid.length() - 4) + "AAAA";

        // Then
        assertError(fixture.push("traffic-safety-daily", null, JSON, body), 401, "UNAUTHENTICATED", "no bearer token");
        assertError(fixture.push("traffic-safety-daily", wrong, JSON, body), 401, "UNAUTHENTICATED", "not valid");
        assertError(
                fixture.push("traffic-safety-daily", revoked.secret(), JSON, body), 401, "UNAUTHENTICATED", "revoked");
        assertError(
                fixture.push("traffic-safety-daily", "' OR '1'='1", JSON, body), 401, "UNAUTHENTICATED", "not valid");
        HttpResponse<String> basic = fixture.send(fixture.request("/api/v1/feeds/traffic-safety-daily/records")
                .header("Authorization", "Basic Y29uZy1hbjpwYXNz")
                .header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofString("[]"))
                .build());
        assertError(basic, 401, "UNAUTHENTICATED", "Bearer");
        assertThat(basic.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertError(fixture.push("no-such-feed", null, JSON, body), 401, "UNAUTHENTICATED", "no bearer token");
    }

    @Test
    void another_departments_feed_is_403_and_an_unknown_feed_is_404() throws Exception {
        // Given
        String tourism = fixture.token("so-vhttdl");
        String admin =
                fixture.tokens.issue(TokenRole.ADMIN, null, "admin in a test").secret();

        // Then
        assertError(
                fixture.push("traffic-safety-daily", tourism, JSON, utf8("[]")),
                403,
                "FORBIDDEN",
                "belongs to department cong-an");
        assertError(fixture.push("traffic-safety-daily", admin, JSON, utf8("[]")), 403, "FORBIDDEN", "role admin");
        assertError(fixture.push("no-such-feed", tourism, JSON, utf8("[]")), 404, "UNKNOWN_FEED", "no-such-feed");
        assertError(fixture.push("x'%20OR%201=1--", tourism, JSON, utf8("[]")), 404, "UNKNOWN_FEED", "no feed");
        assertThat(feedRecords("traffic-safety-daily|").stream()
                        .filter(r -> r.department().equals("so-vhttdl")))
                .isEmpty();
    }

    @Test
    void a_body_over_the_byte_limit_or_with_too_many_rows_is_413_naming_the_limits() throws Exception {
        // Given
        String token = fixture.token("tong-dai-1022");
        byte[] huge = new byte[MAX_BODY + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        huge[0] = '[';
        huge[huge.length - 1] = ']';
        StringBuilder manyRows = new StringBuilder("report_id,channel,category,summary,status,received_at\n");
        for (int i = 0; i <= MAX_ROWS; i++) {
            manyRows.append("r").append(i).append(",phone,other,x,received,2026-11-20T08:00:00Z\n");
        }
        StringBuilder quarters = new StringBuilder("[");
        for (int i = 0; i < 401; i++) {
            quarters.append(i == 0 ? "" : ",").append("{}");
        }

        // When
        HttpResponse<String> tooBig = fixture.push("hotline-1022-reports", token, JSON, huge);
        HttpResponse<String> chunked = fixture.send(fixture.request("/api/v1/feeds/hotline-1022-reports/records")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
                .build());
        HttpResponse<String> tooManyRows = fixture.push("hotline-1022-reports", token, CSV, utf8(manyRows.toString()));
        HttpResponse<String> overFeedLimit = fixture.push(
                "socioeconomic-quarterly",
                fixture.token("thong-ke"),
                JSON,
                utf8(quarters.append("]").toString()));

        // Then
        assertError(tooBig, 413, "PAYLOAD_TOO_LARGE", "at most " + MAX_BODY + " bytes and " + MAX_ROWS + " rows");
        assertError(chunked, 413, "PAYLOAD_TOO_LARGE", "more than " + MAX_BODY + " bytes");
        assertError(tooManyRows, 413, "PAYLOAD_TOO_LARGE", "at most " + MAX_ROWS + " rows");
        assertError(overFeedLimit, 413, "PAYLOAD_TOO_LARGE", "at most 400 rows");
    }

    @Test
    void a_body_that_is_not_json_or_csv_is_415() throws Exception {
        String token = fixture.token("so-khcn");

        assertError(
                fixture.push("soc-daily", token, "text/plain", utf8("[]")),
                415,
                "UNSUPPORTED_MEDIA_TYPE",
                "text/plain");
        assertError(
                fixture.push("soc-daily", token, "application/xml", utf8("<r/>")),
                415,
                "UNSUPPORTED_MEDIA_TYPE",
                "application/json or text/csv");
        assertError(fixture.push("soc-daily", token, null, utf8("[]")), 415, "UNSUPPORTED_MEDIA_TYPE", "Content-Type");
    }

    @Test
    void malformed_json_and_csv_are_400_with_the_line() throws Exception {
        String token = fixture.token("so-khcn");

        assertError(
                fixture.push("soc-daily", token, JSON, utf8("[{\"date\":\"2026-11-20\",\n\"blocked_attacks\": 12,,}]")),
                400,
                "BAD_JSON",
                "line 2");
        assertError(fixture.push("soc-daily", token, JSON, utf8("")), 400, "BAD_JSON", "empty");
        assertError(
                fixture.push("soc-daily", token, JSON, utf8("{\"date\":\"2026-11-20\"}")),
                400,
                "BAD_JSON",
                "expected a JSON array");
        assertError(
                fixture.push(
                        "soc-daily",
                        token,
                        CSV,
                        utf8("date,blocked_attacks,high_alerts,critical_alerts,"
                                + "defaced_websites,infected_endpoints\n2026-11-20,\"12,1,0,0,3\n")),
                400,
                "BAD_CSV",
                "line 2");
        assertError(
                fixture.push("soc-daily", token, CSV, utf8("date,attacks\n")),
                400,
                "BAD_CSV",
                "line 1: unknown column 'attacks'");
    }

    @Test
    void sql_looking_strings_are_stored_as_data() throws Exception {
        // Given
        String token = fixture.token("tong-dai-1022");
        String id = SharedServers.uniqueName("pa") + "'; DROP TABLE feed_record_seen;--";
        String summary = "Robert'); DELETE FROM api_token WHERE ('1'='1";
        String body = "[{\"report_id\":" + Json.mapper().writeValueAsString(id) + ",\"channel\":\"web\","
                + "\"category\":\"other\",\"summary\":" + Json.mapper().writeValueAsString(summary)
                + ",\"status\":\"received\",\"received_at\":\"2026-11-20T08:00:00Z\"}]";

        // When
        HttpResponse<String> response = fixture.push("hotline-1022-reports", token, JSON, utf8(body));
        HttpResponse<String> again = fixture.push("hotline-1022-reports", token, JSON, utf8(body));

        // Then
        assertThat(json(response).get("accepted").asInt()).isEqualTo(1);
        assertThat(json(again).get("duplicates").asInt())
                .as("the key was stored and found again")
                .isEqualTo(1);
        assertThat(feedRecords("hotline-1022-reports|" + id))
                .singleElement()
                .satisfies(r -> assertThat(r.fields().get("summary")).isEqualTo(summary));
        assertThat(fixture.tokens.list()).isNotEmpty();
    }

    @Test
    void invalid_utf8_rejects_only_the_field_it_is_in_and_legacy_text_fields_are_decoded() throws Exception {
        // Given a JSON body written by a legacy system: raw TCVN3 in a text field, a broken byte in a code field
        String token = fixture.token("tong-dai-1022");
        String id = SharedServers.uniqueName("pa");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(utf8("[{\"report_id\":\"" + id + "-1\",\"channel\":\"phone\",\"category\":\"water\","
                + "\"status\":\"received\",\"received_at\":\"2026-11-20T08:00:00Z\",\"summary\":\""));
        body.writeBytes(LegacyEncoder.encode("Mất nước sinh hoạt ở phường Hưng Lợi", Encoding.TCVN3));
        body.writeBytes(utf8("\"},{\"report_id\":\"" + id + "-2\",\"channel\":\"ph"));
        body.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
        body.writeBytes(utf8("one\",\"category\":\"water\",\"summary\":\"x\",\"status\":\"received\","
                + "\"received_at\":\"2026-11-20T08:00:00Z\"},{\"report_id\":\"" + id + "-3\",\"channel\":\"web\","
                + "\"category\":\"water\",\"status\":\"received\",\"received_at\":\"2026-11-20T08:00:00Z\","
                + "\"summary\":\""));
        body.writeBytes(new byte[] {(byte) 0x81, (byte) 0x8D, (byte) 0x8F, (byte) 0x90});
        body.writeBytes(utf8("\"}]"));

        // When
        HttpResponse<String> response = fixture.push("hotline-1022-reports", token, JSON, body.toByteArray());

        // Then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode json = json(response);
        assertThat(json.get("accepted").asInt()).isEqualTo(1);
        assertThat(errors(json)).containsExactly("1 channel BAD_ENCODING", "2 summary BAD_ENCODING");
        assertThat(json.get("conversions").toString())
                .isEqualTo("[{\"row\":0,\"field\":\"summary\",\"from\":\"TCVN3\"}]");
        assertThat(feedRecords("hotline-1022-reports|" + id)).singleElement().satisfies(r -> assertThat(
                        r.fields().get("summary"))
                .isEqualTo("Mất nước sinh hoạt ở phường Hưng Lợi"));
    }

    @Test
    void a_department_lists_its_own_feeds_with_their_schemas() throws Exception {
        // When
        HttpResponse<String> list = fixture.send(fixture.request("/api/v1/feeds")
                .header("Authorization", "Bearer " + fixture.token("so-khcn"))
                .GET()
                .build());
        HttpResponse<String> one = fixture.send(fixture.request("/api/v1/feeds/soc-daily")
                .header("Authorization", "Bearer " + fixture.token("so-khcn"))
                .GET()
                .build());
        HttpResponse<String> other = fixture.send(fixture.request("/api/v1/feeds/tourism-monthly")
                .header("Authorization", "Bearer " + fixture.token("so-khcn"))
                .GET()
                .build());

        // Then
        assertThat(list.statusCode()).isEqualTo(200);
        Set<String> ids =
                stream(json(list).get("items")).map(f -> f.get("id").asText()).collect(Collectors.toSet());
        assertThat(ids).containsExactlyInAnyOrder("social-listening-hourly", "soc-daily", "soc-incidents");
        assertThat(json(one).get("fields").get(1).get("metric").asText()).isEqualTo("blocked_attacks");
        assertError(other, 403, "FORBIDDEN", "so-vhttdl");
    }

    @Test
    void unknown_paths_and_methods_are_json_errors_and_health_is_up() throws Exception {
        assertError(
                fixture.send(fixture.request("/api/v1/nothing").GET().build()), 404, "NOT_FOUND", "/api/v1/nothing");
        assertError(
                fixture.send(fixture.request("/api/v1/feeds/soc-daily/records")
                        .DELETE()
                        .build()),
                405,
                "METHOD_NOT_ALLOWED",
                "DELETE");
        assertThat(fixture.server.check().up()).isTrue();
        assertThat(fixture.server.check().detail()).contains("rows accepted");
    }

    @Test
    void demo_tokens_are_created_once_per_data_directory_readable_only_by_the_owner(@TempDir Path dataDir)
            throws Exception {
        // When
        Path file = DemoTokens.ensure(dataDir, FeedRegistry.builtIn(), fixture.tokens);
        String before = Files.readString(file);
        DemoTokens.ensure(dataDir, FeedRegistry.builtIn(), fixture.tokens);

        // Then
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.readString(file)).isEqualTo(before);
        Map<String, String> tokens = before.lines()
                .filter(l -> !l.startsWith("#"))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1)));
        assertThat(tokens)
                .containsOnlyKeys(
                        "thong-ke", "trung-tam-phuc-vu-hcc", "tong-dai-1022", "so-khcn", "so-vhttdl", "cong-an");
        HttpResponse<String> push = fixture.push("soc-daily", tokens.get("so-khcn"), JSON, utf8("[]"));
        assertThat(push.statusCode()).as(push.body()).isEqualTo(202);
    }

    private static List<FeedRecord> feedRecords(String keyPrefix) {
        return records.upToEnd(r -> r.key().startsWith(keyPrefix)).stream()
                .map(ConsumerRecord::value)
                .toList();
    }

    private static String dossiers(String agency, String date, int received) {
        return "{\"date\":\"" + date + "\",\"agency_code\":\"" + agency + "\",\"agency_name\":\"Sở Tư pháp\","
                + "\"received\":" + received + ",\"resolved\":110,\"resolved_on_time\":100,\"overdue\":3,"
                + "\"online_share\":62.5}";
    }

    private static String incident(String id, String severity) {
        return "{\"incident_id\":\"" + id + "\",\"severity\":\"" + severity + "\",\"category\":\"phishing\","
                + "\"target\":\"Cổng thông tin điện tử thành phố\",\"status\":\"open\","
                + "\"detected_at\":\"2026-11-22T23:40:00+07:00\"}";
    }

    private static String uniqueDay() {
        return LocalDate.of(2024, 1, 1)
                .plusDays(DAYS.incrementAndGet() * 7L + (System.nanoTime() % 5))
                .toString();
    }

    private static List<String> errors(JsonNode response) {
        return stream(response.get("errors"))
                .map(e -> e.get("row").asInt() + " " + e.get("field").asText() + " "
                        + e.get("code").asText())
                .toList();
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }

    private static void assertError(HttpResponse<String> response, int status, String code, String messagePart)
            throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode json = json(response);
        assertThat(json.get("code").asText()).isEqualTo(code);
        assertThat(json.get("message").asText()).contains(messagePart);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.mapper().readTree(response.body());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
