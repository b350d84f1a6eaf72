package vn.cantho.ioc.ingest;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import vn.cantho.ioc.ingest.mqtt.MqttKafkaBridge;
import vn.cantho.ioc.model.config.Config;
import vn.cantho.ioc.model.config.ConfigException;
import vn.cantho.ioc.model.config.Setting;
import vn.cantho.ioc.model.registry.DeviceRegistry;

/**
 * Launcher of the ingest stage as a process of its own, for scaling ingest out (several instances
 * share the sensor load with {@code INGEST_SHARED_GROUP}) next to external Kafka and MQTT brokers.
 * Needs {@code MQTT_URL} and {@code KAFKA_BOOTSTRAP}; reads the same {@link IngestSettings} as the hub.
 */
public final class IngestMain {

    static final Setting<String> MQTT_URL = Setting.text("MQTT_URL", "", "MQTT broker URL");
    static final Setting<String> KAFKA_BOOTSTRAP = Setting.text("KAFKA_BOOTSTRAP", "", "Kafka bootstrap servers");
    static final Setting<String> REGISTRY_DIR = Setting.text("REGISTRY_DIR", "", "registry directory");

    private IngestMain() {}

    public static void main(String[] args) throws Exception {
        Config config = Config.fromEnvironment();
        MqttKafkaBridge bridge;
        try {
            bridge = bridge(config);
        } catch (ConfigException e) {
            System.err.println("configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            bridge.close();
                            stopped.countDown();
                        },
                        "ingest-shutdown"));
        bridge.start();
        System.out.println("ingest bridge running");
        stopped.await();
    }

    static MqttKafkaBridge bridge(Config config) {
        String mqttUrl = required(config, MQTT_URL);
        String kafka = required(config, KAFKA_BOOTSTRAP);
        DeviceRegistry registry = config.isSet(REGISTRY_DIR)
                ? DeviceRegistry.fromDirectory(Path.of(config.get(REGISTRY_DIR)))
                : DeviceRegistry.builtIn();
        return MqttIngest.bridge(MqttIngestOptions.from(config), mqttUrl, () -> registry, kafka);
    }

    private static String required(Config config, Setting<String> setting) {
        if (!config.isSet(setting)) {
            throw new ConfigException(setting.key() + " is required when ingest runs on its own");
        }
        return config.get(setting);
    }
}
