package vn.cantho.ioc.model.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the registry's topics that do not exist yet. Existing topics are left as they are, so
 * an operator's changes (more partitions, longer retention) survive a restart.
 */
public final class TopicProvisioner {

    private final Admin admin;
    private final short replicationFactor;
    private final int partitions;

    public TopicProvisioner(Admin admin, short replicationFactor) {
        this(admin, replicationFactor, 0);
    }

    private TopicProvisioner(Admin admin, short replicationFactor, int partitions) {
        this.admin = admin;
        this.replicationFactor = replicationFactor;
        this.partitions = partitions;
    }

    /**
     * A provisioner that creates every topic with {@code partitions} partitions instead of the registry's
     * count (for scaling runs and benchmarks; the registry's counts are the defaults).
     */
    public TopicProvisioner withPartitions(int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        return new TopicProvisioner(admin, replicationFactor, partitions);
    }

    /** Creates each missing topic; returns the names it created. */
    public List<String> ensure(List<Topic<?, ?>> topics) {
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (Topic<?, ?> topic : topics) {
                if (!existing.contains(topic.name())) {
                    missing.add(newTopic(topic));
                }
            }
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    // Another hub instance created it between our list and create: that is fine.
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            return missing.stream().map(NewTopic::name).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating Kafka topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create Kafka topics: " + e.getMessage(), e);
        }
    }

    private NewTopic newTopic(Topic<?, ?> topic) {
        NewTopic newTopic =
                new NewTopic(topic.name(), partitions > 0 ? partitions : topic.partitions(), replicationFactor);
        if (topic.compacted()) {
            newTopic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        }
        return newTopic;
    }
}
