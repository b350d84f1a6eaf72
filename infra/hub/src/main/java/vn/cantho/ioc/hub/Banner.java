package vn.cantho.ioc.hub;

/** The short text printed once the hub is up: where to look and where the data lives. */
final class Banner {

    private Banner() {
    }

    static String render(Hub hub) {
        HubConfig config = hub.config();
        String api = "http://" + (config.httpHost().equals("0.0.0.0") ? "localhost" : config.httpHost()) + ':'
                + hub.httpPort();
        return String.join(System.lineSeparator(),
                "",
                "Cần Thơ IOC hub is up.",
                "  Health        " + api + "/health",
                "  Devices       " + api + "/api/v1/devices",
                "  PM2.5 (1 min) " + api + "/api/v1/metrics/pm25/aggregates?scope=area",
                "  MQTT          " + hub.mqttUrl() + "  (publish to ioc/v1/devices/{deviceId}/telemetry, QoS 1)",
                "  Kafka         " + hub.kafkaBootstrap() + (config.kafkaBootstrap().isPresent() ? "" : " (embedded)"),
                "  Database      " + hub.dbUrl() + (config.dbUrl().isPresent() ? "" : " (embedded)"),
                "  Data          " + config.dataDir().toAbsolutePath().normalize(),
                "  Simulator     " + (config.simulatorEnabled()
                        ? "publishing every " + config.simulatorInterval().toSeconds() + " s" : "off"),
                "Press Ctrl-C to stop.",
                "");
    }
}
