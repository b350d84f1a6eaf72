package vn.cantho.ioc.hub;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import vn.cantho.ioc.model.health.HealthCheck;

/** Kafka is up when the cluster answers a metadata request within two seconds. */
final class KafkaHealth implements HealthCheck {

    private final Admin admin;

    KafkaHealth(Admin admin) {
        this.admin = admin;
    }

    @Override
    public Status check() {
        try {
            int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000))
                    .nodes()
                    .get(3, TimeUnit.SECONDS)
                    .size();
            return Status.up(brokers + " broker(s)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Status.down("interrupted");
        } catch (Exception e) {
            return Status.down("cluster not reachable: " + e.getMessage());
        }
    }
}
