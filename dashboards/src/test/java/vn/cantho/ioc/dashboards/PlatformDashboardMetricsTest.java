package vn.cantho.ioc.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.api.metrics.ApiMeters;
import vn.cantho.ioc.dashboards.GrafanaProvisioning.Dashboard;
import vn.cantho.ioc.model.metrics.StageMeters;

/**
 * Every metric the platform-health dashboard queries is one the hub exports: a stage meter of the single
 * name registry {@link StageMeters} (which the stages' code registers by those constants), or a meter of the
 * API's registry, whose JVM part is checked by scraping a real {@link ApiMeters} registry.
 */
class PlatformDashboardMetricsTest {

    /** A PromQL identifier directly followed by a selector, a range or the end of a function argument. */
    private static final Pattern METRIC = Pattern.compile("\\b([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(?=[{\\[)]|$)");

    private static final Set<String> PROMQL_WORDS = Set.of(
            "sum",
            "by",
            "rate",
            "histogram_quantile",
            "le",
            "avg",
            "max",
            "min",
            "count",
            "irate",
            "increase",
            "without");

    @Test
    void everyMetricThePlatformDashboardQueriesIsExportedByTheHub() {
        // Given the names the hub exports
        Set<String> exported = new LinkedHashSet<>(StageMeters.prometheusNames());
        exported.addAll(StageMeters.API_AND_JVM_PROMETHEUS_NAMES);
        // When every PromQL expression of every dashboard is read
        List<String> used = new ArrayList<>();
        for (Dashboard d : GrafanaProvisioning.dashboards()) {
            for (JsonNode panel : d.panels()) {
                for (JsonNode target : panel.path("targets")) {
                    used.addAll(metricNames(target.path("expr").asText("")));
                }
            }
        }
        // Then each is exported (histogram and timer series by their base name)
        assertThat(used).hasSizeGreaterThanOrEqualTo(12);
        for (String name : used) {
            assertThat(exported).as(name).contains(name.replaceAll("_(bucket|count|sum|max)$", ""));
        }
        // And every stage meter has a panel: a meter nobody looks at would be a silent gap
        for (String stage : StageMeters.prometheusNames()) {
            assertThat(used.stream().anyMatch(u -> u.startsWith(stage)))
                    .as("a panel for " + stage)
                    .isTrue();
        }
    }

    @Test
    void theJvmMetersThePanelsReadAreOnTheHubsRegistry() {
        PrometheusMeterRegistry registry = ApiMeters.create();
        String scrape = registry.scrape();
        assertThat(scrape)
                .contains("jvm_memory_used_bytes{")
                .contains("process_cpu_usage{")
                .contains("application=\"ioc-hub\"");
        registry.close();
    }

    @Test
    void stageMeterNamesFollowPrometheusConventions() {
        for (String name : StageMeters.prometheusNames()) {
            assertThat(name).matches("ioc_[a-z0-9_]+");
        }
        assertThat(StageMeters.prometheusNames())
                .filteredOn(n -> n.contains("pushes")
                        || n.contains("rows")
                        || n.contains("evaluations")
                        || n.contains("transitions"))
                .allMatch(n -> n.endsWith("_total"));
        assertThat(StageMeters.prometheusNames()).contains("ioc_sink_batch_seconds");
    }

    static List<String> metricNames(String expr) {
        // Labels inside {...} and legend templates are not metric names.
        String stripped = expr.replaceAll("\\{[^}]*}", "{}")
                .replaceAll("by \\([^)]*\\)", "")
                .replaceAll("\\[[^]]*]", "[]");
        List<String> out = new ArrayList<>();
        Matcher m = METRIC.matcher(stripped);
        while (m.find()) {
            if (!PROMQL_WORDS.contains(m.group(1)) && !m.group(1).matches("\\d.*")) {
                out.add(m.group(1));
            }
        }
        return out;
    }
}
