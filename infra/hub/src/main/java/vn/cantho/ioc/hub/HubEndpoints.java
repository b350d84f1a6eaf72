package vn.cantho.ioc.hub;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a running hub can be reached and the files it wrote for its users: what the banner prints and what tests and
 * benchmarks connect to. The ports are the bound ones, so also known when configured as 0.
 *
 * @param httpPort       the port the API listens on
 * @param feedPort       the port the department feed API listens on
 * @param kafkaBootstrap the Kafka cluster the hub uses (embedded unless configured)
 * @param mqttUrl        the broker devices publish to
 * @param dbUrl          the JDBC URL of the hub's database
 * @param apiTokens      the leader/operator/admin demo-token file of the embedded default; empty with an external
 *                       database
 * @param demoTokens     the department demo-token file of the embedded default; empty with an external database
 */
public record HubEndpoints(
        int httpPort,
        int feedPort,
        String kafkaBootstrap,
        String mqttUrl,
        String dbUrl,
        Optional<Path> apiTokens,
        Optional<Path> demoTokens) {}
