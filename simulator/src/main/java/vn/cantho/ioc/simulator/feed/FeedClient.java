package vn.cantho.ioc.simulator.feed;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import vn.cantho.ioc.model.json.Json;

/**
 * Pushes records to the hub's department feed API exactly as a department's system does:
 * {@code POST {base}/api/v1/feeds/{feed}/records} with {@code Authorization: Bearer <token>} and a JSON
 * array body. A 503 (Kafka or the database briefly unavailable) or a connection failure is retried
 * a few times with a growing pause — safe, because re-pushed records are recognised by their keys.
 */
public final class FeedClient {

    private static final int ATTEMPTS = 4;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** @param base the feed API, e.g. {@code http://127.0.0.1:8081} */
    public FeedClient(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    /**
     * Pushes {@code records} to {@code feed}.
     *
     * @throws IOException when the API could not be reached or kept answering 503
     */
    public PushResult push(String feed, String token, List<Map<String, Object>> records)
            throws IOException, InterruptedException {
        byte[] body = Json.mapper().writeValueAsBytes(records);
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/feeds/" + feed + "/records"))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> response =
                        http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (response.statusCode() != 503) {
                    return result(response);
                }
                last = new IOException("feed API answered 503: " + response.body());
            } catch (IOException e) {
                last = e;
            }
            if (attempt < ATTEMPTS) {
                Thread.sleep(1000L * attempt);
            }
        }
        throw last;
    }

    private static PushResult result(HttpResponse<String> response) {
        if (response.statusCode() != 202) {
            return new PushResult(response.statusCode(), 0, 0, 0, 0, response.body());
        }
        try {
            JsonNode json = Json.mapper().readTree(response.body());
            return new PushResult(
                    202,
                    json.path("accepted").asInt(),
                    json.path("rejected").asInt(),
                    json.path("duplicates").asInt(),
                    json.path("corrections").asInt(),
                    response.body());
        } catch (IOException e) {
            return new PushResult(response.statusCode(), 0, 0, 0, 0, response.body());
        }
    }
}
