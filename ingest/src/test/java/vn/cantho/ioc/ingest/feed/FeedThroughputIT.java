package vn.cantho.ioc.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.testkit.SharedServers;

/**
 * Measures feed rows/s for pushes of 10,000 rows (CSV and JSON) over HTTP into the real Kafka and
 * PostgreSQL, end to end: parse, validate, duplicate lookup, Kafka acknowledgements, ledger write.
 * Prints the figures (and writes {@code target/feed-throughput.txt}); asserts correctness only, no timings.
 */
@Tag("kafka")
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class FeedThroughputIT {

    private static final int ROWS = 10_000;
    private static FeedFixture fixture;
    private static FeedDefinition feed;

    @BeforeAll
    static void startServer() throws Exception {
        FeedDefinition dossiers = FeedRegistry.builtIn().feed("dossiers-daily").orElseThrow();
        feed = new FeedDefinition(
                dossiers.id(),
                dossiers.name(),
                dossiers.department(),
                dossiers.domain(),
                dossiers.cadence(),
                dossiers.description(),
                dossiers.key(),
                dossiers.time(),
                dossiers.area(),
                50_000,
                dossiers.legacyEncoding(),
                dossiers.fields());
        FeedRegistry registry =
                new FeedRegistry(List.copyOf(FeedRegistry.builtIn().departments()), List.of(feed));
        fixture = new FeedFixture(registry, 64 * 1024 * 1024, 50_000);
    }

    @AfterAll
    static void stopServer() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void ten_thousand_row_pushes_are_accepted_and_their_rate_is_reported() throws Exception {
        String token = fixture.token(feed.department());
        // Warm-up (JIT, connection pools, producer metadata): two full-size pushes not measured.
        push(token, "text/csv", csv(SharedServers.uniqueName("warmup"), ROWS));
        push(token, "application/json", json(SharedServers.uniqueName("warmup"), ROWS));

        List<String> lines = new ArrayList<>();
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        for (int run = 1; run <= 5; run++) {
            String agency = SharedServers.uniqueName("bench");
            byte[] csv = csv(agency, ROWS);
            lines.add(measure("csv  new      ", run, token, "text/csv", csv, ROWS, 0, rates));
            lines.add(measure("csv  duplicate", run, token, "text/csv", csv, 0, ROWS, rates));
            lines.add(measure(
                    "json new      ", run, token, "application/json", json(agency + "-j", ROWS), ROWS, 0, rates));
        }
        rates.forEach((label, list) -> lines.add(String.format(
                Locale.ROOT,
                "%s median of %d: %,.0f rows/s",
                label,
                list.size(),
                list.stream().sorted().toList().get(list.size() / 2))));
        String report = String.join(System.lineSeparator(), lines);
        System.out.println("Feed push throughput (" + ROWS + " rows per push, "
                + Runtime.getRuntime().availableProcessors() + " CPUs):" + System.lineSeparator() + report);
        Files.writeString(Path.of("target", "feed-throughput.txt"), report + System.lineSeparator());
    }

    private String measure(
            String label,
            int run,
            String token,
            String type,
            byte[] body,
            int accepted,
            int duplicates,
            Map<String, List<Double>> rates)
            throws Exception {
        long start = System.nanoTime();
        JsonNode response = push(token, type, body);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(response.get("accepted").asInt()).as(label).isEqualTo(accepted);
        assertThat(response.get("duplicates").asInt()).as(label).isEqualTo(duplicates);
        assertThat(response.get("rejected").asInt()).as(label).isZero();
        rates.computeIfAbsent(label, l -> new ArrayList<>()).add(ROWS / seconds);
        return String.format(
                Locale.ROOT,
                "%s run %d: %,d bytes in %.3f s = %,.0f rows/s",
                label,
                run,
                body.length,
                seconds,
                ROWS / seconds);
    }

    private static JsonNode push(String token, String type, byte[] body) throws Exception {
        HttpResponse<String> response = fixture.push(feed.id(), token, type, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return Json.mapper().readTree(response.body());
    }

    private static byte[] csv(String agency, int rows) {
        StringBuilder csv = new StringBuilder(
                "date,agency_code,agency_name,received,resolved,resolved_on_time,overdue,online_received,online_share\n");
        LocalDate start = LocalDate.of(2000, 1, 1);
        for (int i = 0; i < rows; i++) {
            csv.append(start.plusDays(i / 10))
                    .append(',')
                    .append(agency)
                    .append('-')
                    .append(i % 10)
                    .append(",Sở Tài nguyên và Môi trường,")
                    .append(100 + i % 50)
                    .append(',')
                    .append(90 + i % 40)
                    .append(',')
                    .append(80 + i % 30)
                    .append(',')
                    .append(i % 7)
                    .append(',')
                    .append(60 + i % 20)
                    .append(',')
                    .append(55.5)
                    .append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] json(String agency, int rows) {
        StringBuilder json = new StringBuilder("[");
        LocalDate start = LocalDate.of(2000, 1, 1);
        for (int i = 0; i < rows; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"date\":\"")
                    .append(start.plusDays(i / 10))
                    .append("\",\"agency_code\":\"")
                    .append(agency)
                    .append('-')
                    .append(i % 10)
                    .append("\",\"agency_name\":\"Sở Y tế\",\"received\":")
                    .append(100 + i % 50)
                    .append(",\"resolved\":")
                    .append(90 + i % 40)
                    .append(",\"resolved_on_time\":")
                    .append(80 + i % 30)
                    .append(",\"overdue\":")
                    .append(i % 7)
                    .append(",\"online_share\":55.5}");
        }
        return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }
}
