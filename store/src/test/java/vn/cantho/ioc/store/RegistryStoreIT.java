package vn.cantho.ioc.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.model.registry.Area;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.Domain;
import vn.cantho.ioc.model.registry.LiveRegistry;
import vn.cantho.ioc.store.registry.RegistryEditor;
import vn.cantho.ioc.store.registry.RegistryRefresher;
import vn.cantho.ioc.store.registry.RegistryStore;
import vn.cantho.ioc.store.registry.VersionConflictException;
import vn.cantho.ioc.testkit.SharedServers;

/** Registry changes against the real PostgreSQL: versions, conflicts, and a second process catching up. */
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RegistryStoreIT {

    private static final Device NEW_GAUGE = new Device(
            "wl-thot-not-02",
            "Trạm đo mực nước Thốt Nốt 2",
            "water_gauge",
            Domain.ENVIRONMENT,
            "thot-not",
            10.27,
            105.53,
            "dai-kttv",
            List.of("water_level"));

    private Database database;
    private RegistryStore store;

    @BeforeEach
    void freshSchema() throws Exception {
        SharedServers servers = SharedServers.get();
        database = Database.open(
                TestSchemas.freshSchemaUrl(servers, "registry"), servers.dbUser(), servers.dbPassword(), 2);
        store = new RegistryStore(database.dataSource());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void before_any_change_the_shipped_files_are_version_0() {
        LiveRegistry live = RegistryRefresher.initial(store, DeviceRegistry.builtIn());

        assertThat(live.version()).isZero();
        assertThat(live.get().device("aq-ninh-kieu-01")).isPresent();
    }

    @Test
    void an_added_device_is_stored_as_version_1_and_in_force_at_once() {
        LiveRegistry live = RegistryRefresher.initial(store, DeviceRegistry.builtIn());

        new RegistryEditor(store, live).putDevice(0, NEW_GAUGE, "admin-test");

        assertThat(live.version()).isEqualTo(1);
        assertThat(live.get().device(NEW_GAUGE.id())).contains(NEW_GAUGE);
        assertThat(store.latest()).hasValueSatisfying(v -> {
            assertThat(v.version()).isEqualTo(1);
            assertThat(v.changedBy()).isEqualTo("admin-test");
            assertThat(v.change()).isEqualTo("put device wl-thot-not-02");
            assertThat(v.registry().device(NEW_GAUGE.id())).contains(NEW_GAUGE);
        });
    }

    @Test
    void another_process_picks_the_change_up_on_its_next_refresh() {
        LiveRegistry here = RegistryRefresher.initial(store, DeviceRegistry.builtIn());
        LiveRegistry elsewhere = RegistryRefresher.initial(store, DeviceRegistry.builtIn());
        new RegistryEditor(store, here).putDevice(0, NEW_GAUGE, "admin-test");

        boolean changed = new RegistryRefresher(store, elsewhere).refresh();

        assertThat(changed).isTrue();
        assertThat(elsewhere.get().device(NEW_GAUGE.id())).isPresent();
        assertThat(new RegistryRefresher(store, elsewhere).refresh()).isFalse();
    }

    @Test
    void a_change_based_on_an_old_version_is_refused_and_changes_nothing() {
        LiveRegistry stale = RegistryRefresher.initial(store, DeviceRegistry.builtIn());
        LiveRegistry current = RegistryRefresher.initial(store, DeviceRegistry.builtIn());
        new RegistryEditor(store, current).putDevice(0, NEW_GAUGE, "admin-a");

        assertThatThrownBy(() -> new RegistryEditor(store, stale).removeDevice(0, "aq-ninh-kieu-01", "admin-b"))
                .isInstanceOf(VersionConflictException.class)
                .hasMessageContaining("newest is 1");
        assertThat(store.latestVersion()).isEqualTo(1);
        assertThat(store.latest().orElseThrow().registry().device("aq-ninh-kieu-01"))
                .isPresent();
    }

    @Test
    void an_inconsistent_change_is_refused_before_anything_is_stored() {
        LiveRegistry live = RegistryRefresher.initial(store, DeviceRegistry.builtIn());
        RegistryEditor editor = new RegistryEditor(store, live);
        Device nowhere = new Device(
                "wl-x",
                "X",
                "water_level_gauge",
                Domain.ENVIRONMENT,
                "atlantis",
                10,
                105,
                "so-tnmt",
                List.of("water_level"));
        Device badId = new Device(
                "wl/+",
                "X",
                "water_level_gauge",
                Domain.ENVIRONMENT,
                "thot-not",
                10,
                105,
                "so-tnmt",
                List.of("water_level"));

        assertThatThrownBy(() -> editor.putDevice(0, nowhere, "admin")).hasMessageContaining("unknown area atlantis");
        assertThatThrownBy(() -> editor.putDevice(0, badId, "admin")).hasMessageContaining("device id 'wl/+'");
        assertThatThrownBy(() -> editor.putArea(0, new Area("tay-do", "Tây Đô", 95, 105), "admin"))
                .hasMessageContaining("not on Earth");
        assertThat(store.latestVersion()).isZero();
        assertThat(live.version()).isZero();
    }
}
