package vn.cantho.ioc.api.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.api.ApiClient;
import vn.cantho.ioc.api.FakeApi;
import vn.cantho.ioc.store.AggregateTier;
import vn.cantho.ioc.store.StoreUnavailableException;

/** {@code GET /api/v1/metrics/{metric}/aggregates} over in-memory aggregates: paging, errors and roles. */
class AggregateRoutesTest {

    private static final Instant T0 = Instant.parse("2026-11-23T03:00:00Z");
    private static final String RANGE = "from=2026-11-23T03:00:00Z&to=2026-11-23T04:00:00Z";
    private static final String DEVICE = "aq-ninh-kieu-01";

    private static FakeAggregates fiveMinutes() {
        FakeAggregates aggregates = new FakeAggregates();
        for (int minute = 0; minute < 5; minute++) {
            aggregates.pm25(AggregateTier.MINUTE, DEVICE, "ninh-kieu", T0.plusSeconds(60L * minute), 10 + minute);
        }
        return aggregates;
    }

    @Test
    void given_five_minutes_stored_when_paging_by_two_then_three_pages_return_every_minute_once_in_order() {
        new FakeApi().aggregates(fiveMinutes()).test(api -> {
            ApiClient leader = api.as(FakeApi.LEADER);
            List<String> buckets = new ArrayList<>();
            List<Integer> pageSizes = new ArrayList<>();
            String cursor = null;
            do {
                ApiClient.Response page = leader.get("/api/v1/metrics/pm25/aggregates?device=" + DEVICE + "&" + RANGE
                        + "&limit=2" + (cursor == null ? "" : "&cursor=" + ApiClient.encode(cursor)));
                assertThat(page.status()).isEqualTo(200);
                pageSizes.add(page.body().get("items").size());
                page.body()
                        .get("items")
                        .forEach(item -> buckets.add(item.get("bucket").asText()));
                cursor = page.body().path("nextCursor").isNull()
                        ? null
                        : page.body().path("nextCursor").asText(null);
            } while (cursor != null);
            assertThat(pageSizes).containsExactly(2, 2, 1);
            assertThat(buckets)
                    .containsExactly(
                            "2026-11-23T03:00:00Z",
                            "2026-11-23T03:01:00Z",
                            "2026-11-23T03:02:00Z",
                            "2026-11-23T03:03:00Z",
                            "2026-11-23T03:04:00Z");
        });
    }

    @Test
    void given_a_device_when_its_hourly_aggregates_are_asked_then_the_backend_gets_the_hour_tier_and_the_device() {
        FakeAggregates aggregates = new FakeAggregates().pm25(AggregateTier.HOUR, DEVICE, "ninh-kieu", T0, 42.5);
        new FakeApi().aggregates(aggregates).test(api -> {
            ApiClient.Response response = api.as(FakeApi.OPERATOR)
                    .get("/api/v1/metrics/pm25/aggregates?bucket=1h&device=" + DEVICE
                            + "&from=2026-11-23T00:00:00Z&to=2026-11-24T00:00:00Z");
            assertThat(response.status()).isEqualTo(200);
            JsonNode body = response.body();
            assertThat(body.get("metric").asText()).isEqualTo("pm25");
            assertThat(body.get("bucket").asText()).isEqualTo("1h");
            assertThat(body.get("items")).hasSize(1);
            assertThat(body.get("items").get(0).get("avg").asDouble()).isEqualTo(42.5);
            assertThat(body.get("nextCursor").isNull()).isTrue();
            assertThat(aggregates.lastQuery().tier()).isEqualTo(AggregateTier.HOUR);
            assertThat(aggregates.lastQuery().entityId()).isEqualTo(DEVICE);
        });
    }

    @Test
    void given_a_cursor_this_api_never_returned_when_a_page_is_asked_then_it_is_a_400_naming_the_cursor() {
        new FakeApi().aggregates(fiveMinutes()).test(api -> {
            ApiClient.Response response =
                    api.as(FakeApi.LEADER).get("/api/v1/metrics/pm25/aggregates?" + RANGE + "&cursor=not-a-cursor");
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.code()).isEqualTo("BAD_PARAMETER");
            assertThat(response.message()).contains("cursor");
        });
    }

    @Test
    void given_bad_parameters_when_aggregates_are_asked_then_each_is_a_stable_error_code() {
        new FakeApi().aggregates(fiveMinutes()).test(api -> {
            ApiClient leader = api.as(FakeApi.LEADER);
            assertThat(leader.get("/api/v1/metrics/no-such-metric/aggregates").code())
                    .isEqualTo("UNKNOWN_METRIC");
            assertThat(leader.get("/api/v1/metrics/pm25/aggregates?device=nobody")
                            .status())
                    .isEqualTo(404);
            assertThat(leader.get("/api/v1/metrics/pm25/aggregates?device=nobody")
                            .code())
                    .isEqualTo("UNKNOWN_DEVICE");
            assertThat(leader.get("/api/v1/metrics/pm25/aggregates?limit=0").code())
                    .isEqualTo("BAD_PARAMETER");
            assertThat(leader.get("/api/v1/metrics/pm25/aggregates?bucket=2m").code())
                    .isEqualTo("BAD_PARAMETER");
        });
    }

    @Test
    void given_no_token_an_unknown_token_or_a_department_token_when_aggregates_are_asked_then_401_or_403() {
        new FakeApi().aggregates(fiveMinutes()).test(api -> {
            String path = "/api/v1/metrics/pm25/aggregates";
            assertThat(api.anonymous().get(path).status()).isEqualTo(401);
            assertThat(api.anonymous().get(path).code()).isEqualTo("UNAUTHENTICATED");
            assertThat(api.as("nobody's token").get(path).status()).isEqualTo(401);
            ApiClient.Response department = api.as(FakeApi.DEPARTMENT).get(path);
            assertThat(department.status()).isEqualTo(403);
            assertThat(department.code()).isEqualTo("FORBIDDEN");
        });
    }

    @Test
    void given_the_database_is_down_when_aggregates_are_asked_then_503_database_unavailable() {
        AggregateBackend down = query -> {
            throw new StoreUnavailableException("connection refused", null);
        };
        new FakeApi().aggregates(down).test(api -> {
            ApiClient.Response response = api.as(FakeApi.LEADER).get("/api/v1/metrics/pm25/aggregates");
            assertThat(response.status()).isEqualTo(503);
            assertThat(response.code()).isEqualTo("DATABASE_UNAVAILABLE");
        });
    }
}
