package vn.cantho.ioc.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.embedded.WorkDirectories;
import vn.cantho.ioc.model.config.Config;
import vn.cantho.ioc.model.json.Json;

/**
 * The department feed API as {@code ./ioc up} runs it: demo tokens in the data directory, a push with
 * one of them, the {@code feeds} health component, and the {@code ./ioc token} command against the
 * running hub's embedded database.
 */
@Tag("hub")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class HubFeedIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_department_pushes_with_its_demo_token_and_an_admin_issues_lists_and_revokes_tokens() throws Exception {
        // Given the hub running on its embedded default
        Path dataDir = WorkDirectories.temporary("hub-feed-it");
        TestHub testHub = TestHub.in(dataDir);
        Config settings = testHub.settings();
        try (Hub hub = testHub.start()) {
            Path file = hub.endpoints().demoTokens().orElseThrow();
            String policeToken = Files.readAllLines(file).stream()
                    .filter(l -> l.startsWith("cong-an="))
                    .map(l -> l.substring("cong-an=".length()))
                    .findFirst()
                    .orElseThrow();

            // When the police push yesterday's figures, and an admin uses ./ioc token
            HttpResponse<String> push = push(
                    hub,
                    "traffic-safety-daily",
                    policeToken,
                    "[{\"date\":\""
                            + LocalDate.now().minusDays(1)
                            + "\",\"area_code\":\"ninh-kieu\",\"accidents\":2,\"deaths\":0,"
                            + "\"injuries\":3,\"violations\":148}]");
            Cli issued =
                    cli(settings, "token", "issue", "--department", "so-vhttdl", "--label", "Phòng Quản lý du lịch");
            String tourismToken = issued.out
                    .lines()
                    .map(String::strip)
                    .filter(l -> l.startsWith("ioc_"))
                    .findFirst()
                    .orElseThrow();
            String tokenId = issued.out.replaceAll("(?s)^Issued token (\\d+) .*", "$1");
            HttpResponse<String> tourismPush = push(
                    hub,
                    "tourism-monthly",
                    tourismToken,
                    "[{\"period\":\"2026-10-01\",\"visitors\":820000,\"overnight_guests\":310000,\"revenue\":1450.5}]");
            Cli listed = cli(settings, "token", "list");
            Cli revoked = cli(settings, "token", "revoke", tokenId);
            HttpResponse<String> afterRevoke = push(hub, "tourism-monthly", tourismToken, "[]");
            Cli unknownDepartment = cli(settings, "token", "issue", "--department", "so-gtvt", "--label", "x");

            // Then
            assertThat(Files.getPosixFilePermissions(file))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(Banner.render(hub))
                    .contains("http://127.0.0.1:" + hub.endpoints().feedPort() + "/api/v1/feeds/{feedId}/records")
                    .contains(file.toString());
            assertThat(push.statusCode()).as(push.body()).isEqualTo(202);
            assertThat(Json.mapper().readTree(push.body()).get("accepted").asInt())
                    .isEqualTo(1);
            assertThat(issued.code).as(issued.err).isZero();
            assertThat(tourismPush.statusCode()).as(tourismPush.body()).isEqualTo(202);
            assertThat(listed.out)
                    .contains("Phòng Quản lý du lịch")
                    .contains("demo token (embedded default)")
                    .doesNotContain(tourismToken)
                    .doesNotContain(policeToken);
            assertThat(revoked.code).as(revoked.err).isZero();
            assertThat(afterRevoke.statusCode()).isEqualTo(401);
            assertThat(unknownDepartment.code).isEqualTo(2);
            assertThat(unknownDepartment.err)
                    .contains("unknown department 'so-gtvt'")
                    .contains("cong-an");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                HttpResponse<String> health = http.send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + hub.endpoints().httpPort() + "/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                JsonNode feeds =
                        Json.mapper().readTree(health.body()).get("components").get("feeds");
                assertThat(feeds.get("status").asText()).isEqualTo("UP");
                assertThat(feeds.get("detail").asText()).contains("rows accepted 2");
            });
        }
    }

    private HttpResponse<String> push(Hub hub, String feed, String token, String json) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                + hub.endpoints().feedPort() + "/api/v1/feeds/" + feed + "/records"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Cli cli(Config settings, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = TokenCli.run(
                java.util.Arrays.copyOfRange(args, 1, args.length),
                settings,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Cli(int code, String out, String err) {}
}
