package vn.cantho.ioc.api;

import java.util.List;
import vn.cantho.ioc.model.config.Setting;

/**
 * Configuration keys of the query API's server. {@link ApiConfig#from} reads them; the hub lists them in the README's
 * configuration table. The department feed API binds to the same {@link #HTTP_HOST}.
 */
public final class ApiSettings {

    public static final Setting<String> HTTP_HOST =
            Setting.text("HTTP_HOST", "127.0.0.1", "Address the API binds to; 0.0.0.0 to serve other machines.");
    public static final Setting<Integer> HTTP_PORT = Setting.port("HTTP_PORT", 8080, "API and health port.");

    private ApiSettings() {}

    public static List<Setting<?>> all() {
        return List.of(HTTP_HOST, HTTP_PORT);
    }
}
