package vn.cantho.ioc.hub;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import vn.cantho.ioc.embedded.EmbeddedMqtt;
import vn.cantho.ioc.ingest.MqttIngest;
import vn.cantho.ioc.ingest.MqttIngestOptions;
import vn.cantho.ioc.ingest.broker.BrokerIngest;
import vn.cantho.ioc.ingest.mqtt.IngestStats;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.stage.Stage;

/**
 * Where the hub meets the devices, the {@code ingest} stage. With an external broker ({@code MQTT_URL}) a bridge
 * subscribes to it on a persistent session. Otherwise ingest runs inside the embedded broker: a device's publish is
 * acknowledged once it is in the ingest journal on disk, which is moved into Kafka behind it, and the broker opens its
 * listener only after ingest is in place (docs/operations.md).
 */
final class MqttEdge {

    private final MqttIngest ingest;
    private final Optional<EmbeddedMqtt> broker;
    private final Optional<String> externalUrl;
    private final Stage stage;

    private MqttEdge(MqttIngest ingest, Optional<EmbeddedMqtt> broker, Optional<String> externalUrl, Stage stage) {
        this.ingest = ingest;
        this.broker = broker;
        this.externalUrl = externalUrl;
        this.stage = stage;
    }

    static MqttEdge of(HubConfig config, Path dataDir, Supplier<DeviceRegistry> registry, String kafkaBootstrap) {
        MqttIngestOptions options = config.mqttIngest();
        Optional<String> external = config.platform().mqttUrl();
        if (external.isPresent()) {
            MqttIngest bridge = MqttIngest.bridge(options, external.get(), registry, kafkaBootstrap);
            return new MqttEdge(bridge, Optional.empty(), external, Stage.of("ingest", bridge));
        }
        Path mqttDir = dataDir.resolve("mqtt");
        BrokerIngest inBroker =
                MqttIngest.insideBroker(options, registry, kafkaBootstrap, mqttDir.resolve("ingest-journal"));
        // The journal forwarder first (it resumes what an earlier run left), then the broker with ingest inside.
        EmbeddedMqtt embedded = new EmbeddedMqtt(mqttDir, config.platform().mqttPort(), inBroker);
        return new MqttEdge(inBroker, Optional.of(embedded), Optional.empty(), Stage.of("ingest", inBroker, embedded));
    }

    Stage stage() {
        return stage;
    }

    /** The broker devices publish to; for the embedded one, known once the stage has started. */
    String url() {
        return externalUrl.orElseGet(() -> broker.orElseThrow().url());
    }

    IngestStats stats() {
        return ingest.stats();
    }
}
