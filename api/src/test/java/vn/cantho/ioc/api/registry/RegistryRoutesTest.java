package vn.cantho.ioc.api.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.api.ApiClient;
import vn.cantho.ioc.api.FakeApi;

/**
 * Reference data and admins' registry changes over the built-in registry and in-memory versions: lists, unknown
 * ids, versions as entity tags, stale changes, refused changes and the admin role.
 */
class RegistryRoutesTest {

    private static final String GAUGE = "{\"id\":\"wl-test-01\",\"name\":\"Test gauge\",\"type\":\"water_gauge\","
            + "\"domain\":\"environment\",\"areaCode\":\"ninh-kieu\",\"lat\":10.03,\"lon\":105.78,\"owner\":\"so-tnmt\","
            + "\"metrics\":[\"water_level\"]}";

    @Test
    void given_the_built_in_registry_when_reference_data_is_read_then_areas_devices_and_metrics_are_listed() {
        new FakeApi().test(api -> {
            ApiClient reader = api.as(FakeApi.LEADER);
            assertThat(reader.get("/api/v1/areas").body().get("items").findValuesAsText("code"))
                    .contains("ninh-kieu");
            assertThat(reader.get("/api/v1/areas/ninh-kieu").status()).isEqualTo(200);
            assertThat(reader.get("/api/v1/devices?area=ninh-kieu")
                            .body()
                            .get("items")
                            .findValuesAsText("id"))
                    .contains("aq-ninh-kieu-01")
                    .allMatch(id -> !id.isEmpty());
            assertThat(reader.get("/api/v1/devices/aq-ninh-kieu-01")
                            .body()
                            .get("areaCode")
                            .asText())
                    .isEqualTo("ninh-kieu");
            assertThat(reader.get("/api/v1/metrics").body().get("items").findValuesAsText("id"))
                    .contains("pm25");
            assertThat(reader.get("/api/v1/map/areas").contentType()).startsWith("application/geo+json");
        });
    }

    @Test
    void given_unknown_ids_or_filters_when_reference_data_is_read_then_404_or_400_with_stable_codes() {
        new FakeApi().test(api -> {
            ApiClient reader = api.as(FakeApi.LEADER);
            assertThat(reader.get("/api/v1/areas/atlantis").code()).isEqualTo("UNKNOWN_AREA");
            assertThat(reader.get("/api/v1/devices/nobody").status()).isEqualTo(404);
            assertThat(reader.get("/api/v1/devices/nobody").code()).isEqualTo("UNKNOWN_DEVICE");
            assertThat(reader.get("/api/v1/devices?area=atlantis").code()).isEqualTo("UNKNOWN_AREA");
            assertThat(reader.get("/api/v1/metrics?domain=weather").code()).isEqualTo("BAD_PARAMETER");
            assertThat(reader.get("/api/v1/nothing-here").code()).isEqualTo("NOT_FOUND");
        });
    }

    @Test
    void given_version_0_when_an_admin_adds_a_device_then_version_1_is_in_force_and_a_change_based_on_0_is_a_412() {
        FakeApi fake = new FakeApi();
        fake.test(api -> {
            ApiClient admin = api.as(FakeApi.ADMIN);
            ApiClient.Response before = admin.get("/api/v1/registry");
            assertThat(before.header("ETag")).isEqualTo("\"0\"");
            ApiClient.Response put =
                    admin.send("PUT", "/api/v1/devices/wl-test-01", GAUGE, Map.of("If-Match", "\"0\""));
            assertThat(put.status()).isEqualTo(200);
            assertThat(put.body().get("version").asLong()).isEqualTo(1);
            assertThat(put.body().get("changedBy").asText()).isEqualTo("admin #3");
            assertThat(admin.get("/api/v1/devices/wl-test-01").status()).isEqualTo(200);
            ApiClient.Response stale =
                    admin.send("PUT", "/api/v1/devices/wl-test-01", GAUGE, Map.of("If-Match", "\"0\""));
            assertThat(stale.status()).isEqualTo(412);
            assertThat(stale.code()).isEqualTo("VERSION_MISMATCH");
            assertThat(stale.header("ETag")).isEqualTo("\"1\"");
        });
        assertThat(fake.registry().version()).isEqualTo(1);
    }

    @Test
    void given_changes_the_registry_refuses_when_an_admin_sends_them_then_400_or_404_and_nothing_changes() {
        FakeApi fake = new FakeApi();
        fake.test(api -> {
            ApiClient admin = api.as(FakeApi.ADMIN);
            assertThat(admin.send("PUT", "/api/v1/devices/other-id", GAUGE, Map.of())
                            .code())
                    .isEqualTo("BAD_BODY");
            assertThat(admin.send("PUT", "/api/v1/devices/wl-test-01", "{\"id\":", Map.of())
                            .code())
                    .isEqualTo("BAD_BODY");
            ApiClient.Response nowhere =
                    admin.send("PUT", "/api/v1/devices/wl-test-01", GAUGE.replace("ninh-kieu", "atlantis"), Map.of());
            assertThat(nowhere.status()).isEqualTo(400);
            assertThat(nowhere.code()).isEqualTo("INVALID_REGISTRY_CHANGE");
            assertThat(admin.send("DELETE", "/api/v1/devices/nobody").code()).isEqualTo("UNKNOWN_DEVICE");
        });
        assertThat(fake.registry().version()).isZero();
    }

    @Test
    void given_an_operator_token_when_it_changes_the_registry_then_403_and_nothing_changes() {
        FakeApi fake = new FakeApi();
        fake.test(api -> {
            ApiClient.Response response = api.as(FakeApi.OPERATOR).send("DELETE", "/api/v1/devices/aq-ninh-kieu-01");
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.code()).isEqualTo("FORBIDDEN");
        });
        assertThat(fake.registry().get().device("aq-ninh-kieu-01")).isPresent();
    }
}
