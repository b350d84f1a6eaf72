package vn.cantho.ioc.bench;

import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.postgresql.PGConnection;
import vn.cantho.ioc.embedded.EmbeddedDatabase;
import vn.cantho.ioc.embedded.EmbeddedKafka;
import vn.cantho.ioc.embedded.EmbeddedMqtt;
import vn.cantho.ioc.ingest.IngestProducer;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.mqtt.TelemetryTopic;
import vn.cantho.ioc.simulator.LoadGenerator;
import vn.cantho.ioc.simulator.LoadOptions;
import vn.cantho.ioc.simulator.MqttPublisher;
import vn.cantho.ioc.store.Database;

/**
 * What each raw stage of the data plane sustains alone, on this machine, with the benchmark's own payloads:
 * the MQTT broker (QoS 1 publishers → one QoS 0 subscriber, counted at the subscriber), Kafka (the telemetry
 * records produced with the hub's own producer settings into a fresh topic) and PostgreSQL (COPY of
 * reading rows, a message's values in one row as the sink stores them, on the migrated schema). Each stage
 * runs on fresh embedded servers that are stopped before the next, and before the hub starts. The slowest,
 * in metric values per second, is the ceiling the hub's {@code ratio} is taken against.
 */
final class Ceilings {

    /** Distinct messages generated up front, so no stage pays for the sensor models while it is measured. */
    private static final int POOL = 20_000;
    /** Readings per COPY (one transaction each), about what a sink batch holds. */
    private static final int COPY_BATCH = 5_000;
    /** How long the subscriber may take to receive what the broker acknowledged. */
    private static final Duration DELIVERY_WAIT = Duration.ofSeconds(30);

    private final List<LoadGenerator.Message> pool;
    private final double valuesPerMessage;
    private final int clients;

    private Ceilings(List<LoadGenerator.Message> pool, int clients) {
        this.pool = pool;
        this.clients = clients;
        this.valuesPerMessage =
                pool.stream().mapToInt(m -> m.values().size()).average().orElse(1);
    }

    /** The stages measured for {@code each} with the messages {@code load} sends (its registry and mix). */
    static Map<String, Object> measure(LoadOptions load, Path workDir, Duration each) throws Exception {
        LoadGenerator generator = new LoadGenerator(load);
        List<LoadGenerator.Message> pool = new ArrayList<>(POOL);
        for (int i = 0; i < POOL; i++) {
            pool.add(generator.message(i));
        }
        Ceilings ceilings = new Ceilings(pool, load.clients());
        double mqtt = ceilings.mqtt(workDir.resolve("ceiling-mqtt"), each);
        double kafka = ceilings.kafka(workDir.resolve("ceiling-kafka"), each);
        double copy = ceilings.copy(workDir.resolve("ceiling-postgres"), each);
        Map<String, Double> datapoints = new LinkedHashMap<>();
        datapoints.put("mqtt", mqtt * ceilings.valuesPerMessage);
        datapoints.put("kafka", kafka * ceilings.valuesPerMessage);
        datapoints.put("copy", copy * ceilings.valuesPerMessage);
        Map.Entry<String, Double> slowest =
                datapoints.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("secondsEach", each.toMillis() / 1000.0);
        result.put("valuesPerMessage", HubRun.round(ceilings.valuesPerMessage));
        result.put("mqttMessagesPerSecond", Math.round(mqtt));
        result.put("kafkaRecordsPerSecond", Math.round(kafka));
        result.put("copyRowsPerSecond", Math.round(copy));
        result.put("slowest", slowest.getKey());
        result.put("slowestDatapointsPerSecond", Math.round(slowest.getValue()));
        return result;
    }

    /** Messages per second the subscriber received while {@link #clients} publishers published at full speed. */
    private double mqtt(Path dir, Duration each) throws Exception {
        try (EmbeddedMqtt broker = new EmbeddedMqtt(dir, 0)) {
            broker.start();
            AtomicLong received = new AtomicLong();
            AtomicLong lastReceived = new AtomicLong();
            MqttClient subscriber = new MqttClient(broker.url(), "bench-ceiling-subscriber", new MemoryPersistence());
            subscriber.setCallback(new Counting(received, lastReceived));
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            options.setReceiveMaximum(65_535);
            subscriber.connect(options);
            // QoS 0 towards the subscriber: HiveMQ hands QoS 1 messages to a subscriber from its client queue in
            // polled batches (~1,000 msg/s per subscriber here, whatever the publishers do), a path the hub's
            // ingest, an extension inside the broker, never takes. The publishers use QoS 1, as devices do.
            subscriber.subscribe(TelemetryTopic.FILTER, 0);
            List<MqttPublisher> publishers = new ArrayList<>();
            try {
                for (int c = 0; c < clients; c++) {
                    publishers.add(new MqttPublisher(broker.url(), "bench-ceiling-publisher-" + c));
                }
                long start = System.nanoTime();
                long end = start + each.toNanos();
                List<Thread> threads = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    MqttPublisher publisher = publishers.get(c);
                    int first = c;
                    Thread thread = new Thread(() -> publishUntil(publisher, first, end), "bench-ceiling-mqtt-" + c);
                    thread.start();
                    threads.add(thread);
                }
                long acknowledged = 0;
                for (int c = 0; c < clients; c++) {
                    threads.get(c).join();
                    publishers.get(c).awaitInFlight(DELIVERY_WAIT.toMillis());
                    acknowledged += publishers.get(c).acknowledged();
                }
                long deadline = System.nanoTime() + DELIVERY_WAIT.toNanos();
                while (received.get() < acknowledged && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                return received.get() / Math.max(1e-9, (lastReceived.get() - start) / 1e9);
            } finally {
                for (MqttPublisher publisher : publishers) {
                    publisher.close();
                }
                subscriber.disconnect();
                subscriber.close();
            }
        }
    }

    private void publishUntil(MqttPublisher publisher, int first, long end) {
        try {
            for (int k = first; System.nanoTime() < end; k += clients) {
                LoadGenerator.Message message = pool.get(k % pool.size());
                publisher.publish(message.topic(), message.payload());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Records per second acknowledged by Kafka (acks=all, idempotent: the ingest producer as the hub makes it). */
    private double kafka(Path dir, Duration each) throws Exception {
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir, 0, 0)) {
            kafka.start();
            try (Admin admin =
                    Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                admin.createTopics(List.of(
                                new NewTopic(Topics.TELEMETRY.name(), Topics.TELEMETRY.partitions(), (short) 1)))
                        .all()
                        .get();
            }
            Instant receivedAt = Instant.now();
            List<ProducerRecord<byte[], byte[]>> records = pool.stream()
                    .map(m -> Topics.TELEMETRY.record(
                            m.device().id(),
                            new Reading(
                                    Reading.SCHEMA_VERSION,
                                    m.device().id(),
                                    m.ts(),
                                    m.values(),
                                    receivedAt,
                                    m.topic())))
                    .toList();
            AtomicLong acknowledged = new AtomicLong();
            try (Producer<byte[], byte[]> producer =
                    IngestProducer.create(kafka.bootstrapServers(), "bench-ceiling-producer")) {
                // Not timed: the producer's first send waits for the topic's metadata and its producer id.
                producer.send(records.get(0)).get();
                long start = System.nanoTime();
                long end = start + each.toNanos();
                for (int k = 0; System.nanoTime() < end; k++) {
                    producer.send(records.get(k % records.size()), (metadata, error) -> {
                        if (error == null) {
                            acknowledged.incrementAndGet();
                        }
                    });
                }
                producer.flush();
                return acknowledged.get() / ((System.nanoTime() - start) / 1e9);
            }
        }
    }

    /** Reading rows per second COPYed into the migrated {@code readings} table (each with all its values). */
    private double copy(Path dir, Duration each) throws Exception {
        try (EmbeddedDatabase postgres = new EmbeddedDatabase(dir, 0)) {
            postgres.start();
            try (Database database = Database.open(postgres.jdbcUrl(), postgres.user(), postgres.password(), 2);
                    Connection connection = database.dataSource().getConnection()) {
                PGConnection pg = connection.unwrap(PGConnection.class);
                long rows = 0;
                long start = System.nanoTime();
                long end = start + each.toNanos();
                for (long batch = 0; System.nanoTime() < end; batch++) {
                    rows += pg.getCopyAPI()
                            .copyIn(
                                    "COPY readings (device_id, ts, domain, area_code, received_at, metrics,"
                                            + " metric_values) FROM STDIN (FORMAT csv)",
                                    new StringReader(csv(batch)));
                }
                return rows / ((System.nanoTime() - start) / 1e9);
            }
        }
    }

    /**
     * Batch {@code batch} of reading rows as CSV: the pool's messages in turn, each pass over the pool a day later
     * than the one before so no row repeats a stored (device, time). Metric names are plain identifiers, so the
     * array literals need no quoting inside.
     */
    private String csv(long batch) {
        StringBuilder csv = new StringBuilder(COPY_BATCH * 200);
        for (long k = batch * COPY_BATCH; k < (batch + 1) * COPY_BATCH; k++) {
            LoadGenerator.Message message = pool.get((int) (k % pool.size()));
            Instant ts = message.ts().plus(Duration.ofDays(k / pool.size()));
            String area =
                    message.device().areaCode() == null ? "" : message.device().areaCode();
            csv.append(message.device().id()).append(',').append(ts).append(',');
            csv.append(message.device().domain().id())
                    .append(',')
                    .append(area)
                    .append(',')
                    .append(ts);
            csv.append(",\"{")
                    .append(String.join(",", message.values().keySet()))
                    .append("}\",\"{");
            boolean first = true;
            for (Double value : message.values().values()) {
                csv.append(first ? "" : ",").append(value);
                first = false;
            }
            csv.append("}\"\n");
        }
        return csv.toString();
    }

    /** Counts what the subscriber receives and when the last arrived. */
    private record Counting(AtomicLong received, AtomicLong lastReceived) implements MqttCallback {

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            received.incrementAndGet();
            lastReceived.set(System.nanoTime());
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {}

        @Override
        public void mqttErrorOccurred(MqttException exception) {}

        @Override
        public void deliveryComplete(IMqttToken token) {}

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {}

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {}
    }
}
