package vn.cantho.ioc.ingest;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import vn.cantho.ioc.ingest.mqtt.BridgeOptions;
import vn.cantho.ioc.ingest.mqtt.MqttKafkaBridge;
import vn.cantho.ioc.ingest.mqtt.ReadingParser;
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

    private IngestMain() {
    }

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
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            bridge.close();
            stopped.countDown();
        }, "ingest-shutdown"));
        bridge.start();
        System.out.println("ingest bridge running");
        stopped.await();
    }

    static MqttKafkaBridge bridge(Config config) {
        String mqttUrl = required(config, MQTT_URL);
        String kafka = required(config, KAFKA_BOOTSTRAP);
        DeviceRegistry registry = config.isSet(REGISTRY_DIR)
                ? DeviceRegistry.fromDirectory(Path.of(config.get(REGISTRY_DIR))) : DeviceRegistry.builtIn();
        String clientId = config.get(IngestSettings.CLIENT_ID);
        return new MqttKafkaBridge(
                new BridgeOptions(mqttUrl, clientId, config.get(IngestSettings.SHARED_GROUP),
                        config.get(IngestSettings.RECEIVE_MAXIMUM), config.get(IngestSettings.SESSION_EXPIRY),
                        config.get(IngestSettings.MAX_PAYLOAD_BYTES)),
                new ReadingParser(registry, config.get(IngestSettings.MAX_AGE), config.get(IngestSettings.MAX_FUTURE)),
                IngestProducer.create(kafka, clientId), Clock.systemUTC());
    }

    private static String required(Config config, Setting<String> setting) {
        if (!config.isSet(setting)) {
            throw new ConfigException(setting.key() + " is required when ingest runs on its own");
        }
        return config.get(setting);
    }
}
