package vn.cantho.ioc.api.alertmanager;

import java.time.Instant;
import java.util.List;

/**
 * Alertmanager's {@code alertmanagerStatus}. {@code config.original} is a valid Alertmanager
 * configuration (Grafana loads it with Alertmanager's own loader and fails the data source otherwise)
 * describing, read-only, how the hub routes: every alert goes to the one receiver {@value AmAlert#RECEIVER}
 * (the operator console, escalation policies and webhooks, configured in the hub, not here), grouped
 * by domain and area, and the hub's shipped inhibition rules. Changing it here changes nothing.
 */
record AmStatus(Cluster cluster, VersionInfo versionInfo, Config config, Instant uptime) {

    /** As the real Alertmanager answers with clustering off: no name, no peers. */
    record Cluster(String status, List<Peer> peers) {}

    record Peer(String name, String address) {}

    record VersionInfo(
            String version, String revision, String branch, String buildUser, String buildDate, String goVersion) {}

    record Config(String original) {}

    static final String CONFIG = """
            # Cần Thơ IOC hub: routing as the hub applies it, shown read-only (Alertmanager API v2 subset).
            # Silences made here are hub silences; escalation and webhooks are configured in the hub
            # (ALERT_POLICY_FILE, ALERT_RECEIVERS_FILE), not in this file.
            global:
              resolve_timeout: 5m
            route:
              receiver: ioc-hub
              group_by: [domain, area]
              group_wait: 0s
              group_interval: 1m
              repeat_interval: 4h
            receivers:
              - name: ioc-hub
            inhibit_rules:
              - source_matchers: ['kind="STALE"', 'device=~".+"']
                target_matchers: ['kind!="STALE"']
                equal: [device]
              - source_matchers: ['kind="STALE"', 'feed=~".+"']
                target_matchers: ['kind!="STALE"']
                equal: [feed]
            """;

    /** The status of a hub that started at {@code startedAt}; no cluster (hub instances share the database). */
    static AmStatus of(Instant startedAt, String hubVersion) {
        return new AmStatus(
                new Cluster("disabled", List.of()),
                new VersionInfo(
                        hubVersion,
                        "ioc-hub",
                        "ioc-hub",
                        "ioc-hub",
                        "",
                        "java" + Runtime.version().feature()),
                new Config(CONFIG),
                startedAt);
    }
}
