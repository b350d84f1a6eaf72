package vn.cantho.ioc.store;

import java.time.Duration;
import java.util.List;
import vn.cantho.ioc.model.config.Setting;

/** Configuration keys of the storage layer; the hub lists them in the README's configuration table. */
public final class StoreSettings {

    public static final Setting<Duration> ROLLUP_INTERVAL = Setting.positiveDuration(
            "ROLLUP_INTERVAL",
            "1m",
            "On plain PostgreSQL, how often the hub updates hourly/daily rollups and deletes past retention "
                    + "(TimescaleDB does both with its own policies). See docs/storage.md.");

    private StoreSettings() {}

    public static List<Setting<?>> all() {
        return List.of(ROLLUP_INTERVAL);
    }
}
