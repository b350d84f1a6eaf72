package vn.cantho.ioc.hub;

/** The short text printed once the hub is up: where to look and where the data lives. */
final class Banner {

    private Banner() {}

    private static String feedApi(HubConfig config, HubEndpoints at) {
        return "http://"
                + (config.api().host().equals("0.0.0.0")
                        ? "localhost"
                        : config.api().host()) + ':' + at.feedPort();
    }

    private static String feedSimulator(HubConfig config) {
        long seconds = config.simulator().feedInterval().toSeconds();
        return config.simulator().feedsEnabled()
                ? "; departments push feeds every " + (seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s")
                : "";
    }

    static String render(Hub hub) {
        HubConfig config = hub.config();
        HubEndpoints at = hub.endpoints();
        String api = "http://"
                + (config.api().host().equals("0.0.0.0")
                        ? "localhost"
                        : config.api().host()) + ':' + at.httpPort();
        return String.join(
                System.lineSeparator(),
                "",
                "Cần Thơ IOC hub is up.",
                "  Console       " + api + "/console/  (paste a token from the API tokens file)",
                "  Health        " + api + "/health",
                "  Metrics       " + api + "/metrics  (Prometheus)",
                "  Devices       " + api + "/api/v1/devices",
                "  PM2.5 (1 min) " + api + "/api/v1/metrics/pm25/aggregates?scope=area",
                "  KPIs          " + api + "/api/v1/kpis?domain=government",
                "  VN_AQI now    " + api + "/api/v1/aqi/current",
                "  River levels  " + api + "/api/v1/water-levels/current",
                "  MQTT          " + at.mqttUrl() + "  (publish to ioc/v1/devices/{deviceId}/telemetry, QoS 1)",
                "  Feeds         " + feedApi(config, at) + "/api/v1/feeds/{feedId}/records  (POST JSON or CSV,"
                        + " Authorization: Bearer <token>)",
                "  API tokens    "
                        + at.apiTokens()
                                .map(p -> p + "  (leader, operator, admin)")
                                .orElse("none (external database: ./ioc token issue --role ...)"),
                "  Demo tokens   "
                        + at.demoTokens()
                                .map(p -> p + "  (department feed tokens)")
                                .orElse("none (external database: ./ioc token issue)"),
                "  Kafka         " + at.kafkaBootstrap()
                        + (config.platform().kafkaBootstrap().isPresent() ? "" : " (embedded)"),
                "  Database      " + at.dbUrl() + (config.platform().dbUrl().isPresent() ? "" : " (embedded)"),
                "  Data          "
                        + config.platform().dataDir().toAbsolutePath().normalize(),
                "  Dashboards    "
                        + (config.platform().dbUrl().isPresent()
                                ? "Grafana: docs/dashboards.md"
                                : "GRAFANA_ADMIN_PASSWORD=<choose> GRAFANA_HUB_TOKEN=<operator token> IOC_DB_PORT="
                                        + config.platform().dbPort()
                                        + " docker compose -f infra/compose/grafana-local.yml up -d  (then http://127.0.0.1:3000)"),
                "  Simulator     "
                        + (config.simulator().enabled()
                                ? "publishing " + config.simulator().interval().describe() + feedSimulator(config)
                                : "off"),
                "Press Ctrl-C to stop.",
                "");
    }
}
