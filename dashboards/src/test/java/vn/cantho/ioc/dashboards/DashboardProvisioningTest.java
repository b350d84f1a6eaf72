package vn.cantho.ioc.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.dashboards.GrafanaProvisioning.Dashboard;
import vn.cantho.ioc.model.registry.Area;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.IndicatorDefinition;
import vn.cantho.ioc.model.registry.IndicatorRegistry;
import vn.cantho.ioc.model.registry.Polarity;
import vn.cantho.ioc.streams.aqi.AqiCategory;

/**
 * The provisioning files the way Grafana 13 reads them, without a Grafana server (none is installable here):
 * classic dashboard JSON only, fixed unique uids, every data source provisioned, titles, descriptions and
 * units present, the official VN_AQI colours, BĐ I/II/III levels and the plan-status colours of the KPI
 * registry's targets; plus the applicable rules of grafana/dashboard-linter.
 */
class DashboardProvisioningTest {

    private static final Pattern UID = Pattern.compile("[a-z0-9-]{1,40}");
    private static final Pattern VIETNAMESE =
            Pattern.compile(".*[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵÀÁĐ].*");
    private static final List<Dashboard> DASHBOARDS = GrafanaProvisioning.dashboards();

    @Test
    void theProvisioningHasTheOverviewEightDomainsTheMapAlertsAndPlatformHealth() {
        // Given the dashboard files / When their uids are listed / Then the twelve the city asked for are there
        assertThat(DASHBOARDS)
                .extracting(Dashboard::uid)
                .containsExactlyInAnyOrder(
                        "ioc-overview",
                        "ioc-district-map",
                        "ioc-alerts",
                        "ioc-platform",
                        "ioc-domain-socioeconomic",
                        "ioc-domain-government",
                        "ioc-domain-security-traffic",
                        "ioc-domain-tourism",
                        "ioc-domain-citizen-feedback",
                        "ioc-domain-online-info",
                        "ioc-domain-environment",
                        "ioc-domain-cybersecurity");
        System.out.printf(
                "dashboards: %d, panels: %d%n",
                DASHBOARDS.size(),
                DASHBOARDS.stream().mapToInt(d -> d.panels().size()).sum());
    }

    @Test
    void everyDashboardIsClassicJsonThatGrafana13FileProvisioningAccepts() {
        for (Dashboard d : DASHBOARDS) {
            // Grafana 13 refuses the v2 shape ("dashboard appears to be in v2 format") from files.
            assertThat(d.json().has("panels")).as(d.file() + " has panels").isTrue();
            assertThat(d.json().path("schemaVersion").isInt())
                    .as(d.file() + " schemaVersion")
                    .isTrue();
            for (String v2 : List.of("elements", "layout", "apiVersion", "kind", "spec")) {
                assertThat(d.json().has(v2))
                        .as(d.file() + " has v2 field " + v2)
                        .isFalse();
            }
            assertThat(d.json().has("id"))
                    .as(d.file() + " carries no database id")
                    .isFalse();
        }
    }

    @Test
    void uidsAreFixedUniqueAndNameTheirFile() {
        Set<String> seen = new HashSet<>();
        for (Dashboard d : DASHBOARDS) {
            assertThat(d.uid()).as(d.file().toString()).matches(UID);
            assertThat(seen.add(d.uid())).as("uid " + d.uid() + " is unique").isTrue();
            assertThat(d.file().getFileName().toString()).isEqualTo(d.uid() + ".json");
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : d.panels()) {
                assertThat(ids.add(panel.path("id").asInt()))
                        .as(d.uid() + " panel id " + panel.path("id"))
                        .isTrue();
            }
        }
    }

    @Test
    void everyPanelTargetAndVariableUsesAProvisionedDataSourceOfTheRightType() {
        Map<String, String> provisioned = new HashMap<>();
        for (JsonNode ds : GrafanaProvisioning.datasources().path("datasources")) {
            provisioned.put(ds.path("uid").asText(), ds.path("type").asText());
        }
        assertThat(provisioned)
                .containsEntry("ioc-timescaledb", GrafanaProvisioning.POSTGRES_TYPE)
                .containsEntry("ioc-prometheus", "prometheus")
                .containsEntry("ioc-alertmanager", "alertmanager");
        for (Dashboard d : DASHBOARDS) {
            List<JsonNode> refs = new ArrayList<>();
            for (JsonNode panel : d.panels()) {
                refs.add(panel.path("datasource"));
                panel.path("targets").forEach(refs::add);
                assertThat(panel.path("targets").size())
                        .as(d.uid() + " / " + panel.path("title") + " has a query")
                        .isPositive();
            }
            for (JsonNode variable : d.json().path("templating").path("list")) {
                if (variable.has("datasource")) {
                    refs.add(variable);
                }
            }
            for (JsonNode ref : refs) {
                JsonNode ds = ref.has("refId") || ref.has("name") ? ref.path("datasource") : ref;
                String uid = ds.path("uid").asText();
                assertThat(provisioned).as(d.uid() + ": data source " + uid).containsKey(uid);
                assertThat(ds.path("type").asText())
                        .as(d.uid() + ": type of " + uid)
                        .isEqualTo(provisioned.get(uid));
            }
        }
    }

    @Test
    void titlesAreVietnameseWithEnglishDescriptionsAndEveryPanelHasAUnit() {
        for (Dashboard d : DASHBOARDS) {
            assertThat(d.title()).as(d.uid()).matches(VIETNAMESE);
            assertThat(d.json().path("description").asText())
                    .as(d.uid() + " description")
                    .isNotBlank();
            for (JsonNode panel : d.panels()) {
                String where = d.uid() + " / " + panel.path("title").asText();
                // dashboard-linter panel-title-description-rule and panel-units-rule.
                assertThat(panel.path("title").asText()).as(where).isNotBlank();
                assertThat(panel.path("description").asText())
                        .as(where + " description")
                        .hasSizeGreaterThan(15);
                assertThat(panel.path("fieldConfig")
                                .path("defaults")
                                .path("unit")
                                .asText())
                        .as(where + " unit")
                        .isNotBlank();
            }
        }
    }

    @Test
    void dashboardLinterRulesThatApplyToProvisionedDashboardsHold() {
        for (Dashboard d : DASHBOARDS) {
            // uneditable-dashboard-rule: provisioned dashboards are code.
            assertThat(d.json().path("editable").asBoolean(true))
                    .as(d.uid() + " editable")
                    .isFalse();
            for (JsonNode panel : d.panels()) {
                for (JsonNode target : panel.path("targets")) {
                    String expr = target.path("expr").asText("");
                    // target-rate-interval-rule: rate() over $__rate_interval, not a fixed window.
                    if (expr.contains("rate(")) {
                        assertThat(expr).as(d.uid() + " " + expr).contains("[$__rate_interval]");
                    }
                    // Newer Grafana strips SQL comments before expanding macros; keep none so both agree.
                    assertThat(target.path("rawSql").asText(""))
                            .as(d.uid() + " SQL comment")
                            .doesNotContain("--")
                            .doesNotContain("/*");
                }
            }
        }
        // template-datasource-rule and panel-datasource-rule (a $datasource variable) are left out on purpose:
        // the provisioned data sources have fixed uids, and a variable would let a wall show another database.
    }

    @Test
    void wallDashboardsRefreshOftenEnoughForAWallAndTheirProviderRefusesUiEdits() {
        for (Dashboard d : DASHBOARDS) {
            String refresh = d.json().path("refresh").asText();
            assertThat(refresh).as(d.uid() + " refresh").isNotBlank();
            if (d.folder().equals("wall")) {
                assertThat(GrafanaSqlMacros.parseInterval(refresh).toSeconds())
                        .as(d.uid())
                        .isBetween(30L, 300L);
            }
        }
        JsonNode providers = GrafanaProvisioning.dashboardProviders().path("providers");
        Set<String> folders = new HashSet<>();
        Set<String> paths = new HashSet<>();
        for (JsonNode provider : providers) {
            folders.add(provider.path("folderUid").asText() + "|"
                    + provider.path("folder").asText());
            paths.add(provider.path("options").path("path").asText());
            assertThat(provider.path("allowUiUpdates").asBoolean(true))
                    .as(provider.path("name").asText())
                    .isFalse();
        }
        assertThat(folders).as("one folder").hasSize(1);
        Set<String> expected = new HashSet<>();
        DASHBOARDS.forEach(d -> expected.add("/etc/grafana/dashboards/" + d.folder()));
        assertThat(paths).isEqualTo(expected);
    }

    @Test
    void vnAqiPanelsUseTheOfficialBandsAndColoursOfDecision1459() {
        List<Map<String, Object>> official = new ArrayList<>();
        for (AqiCategory category : AqiCategory.values()) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("color", category.hexColour());
            step.put("value", category.min() == 0 ? null : (Object) (double) category.min());
            official.add(step);
        }
        int checked = 0;
        for (Dashboard d : DASHBOARDS) {
            for (JsonNode panel : d.panels()) {
                String sql = panel.path("targets").toString();
                if (sql.contains("vn_aqi_")) {
                    assertThat(steps(thresholds(panel, "VN_AQI", "aqi")))
                            .as(d.uid() + " / " + panel.path("title"))
                            .isEqualTo(official);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(5);
    }

    @Test
    void riverLevelPanelsDrawTheFloodAlertLevelsBdOneTwoThree() {
        int checked = 0;
        for (Dashboard d : DASHBOARDS) {
            for (JsonNode panel : d.panels()) {
                if (panel.path("targets").toString().contains("water_level'")) {
                    List<Map<String, Object>> steps =
                            steps(panel.path("fieldConfig").path("defaults").path("thresholds"));
                    assertThat(steps)
                            .extracting(s -> s.get("value"))
                            .as(d.uid())
                            .containsExactly(null, 1.8, 1.9, 2.0);
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(2);
    }

    @Test
    void kpiTilesColourThePlanStatusFromTheRegistryTarget() {
        // Given the KPI registry's targets and polarities
        IndicatorRegistry registry = IndicatorRegistry.builtIn();
        Pattern kpi = Pattern.compile("indicator = '([a-z0-9_]+)'");
        int checked = 0;
        for (Dashboard d : DASHBOARDS) {
            for (JsonNode panel : d.panels()) {
                String sql = panel.path("targets").path(0).path("rawSql").asText("");
                Matcher m = kpi.matcher(sql);
                if (!panel.path("type").asText().equals("stat")
                        || !m.find()
                        || m.group(1).startsWith("vn_aqi")) {
                    continue;
                }
                // When a tile shows a KPI / Then its colours are the plan rule applied to that KPI's target
                IndicatorDefinition definition = registry.require(m.group(1));
                assertThat(steps(panel.path("fieldConfig").path("defaults").path("thresholds")))
                        .as(d.uid() + " / " + definition.id())
                        .isEqualTo(planSteps(definition));
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(25);
    }

    @Test
    void everyLinkOpensAProvisionedDashboardWithVariablesItHas() {
        // Given the uids and each dashboard's variables
        Map<String, Set<String>> variables = new HashMap<>();
        for (Dashboard d : DASHBOARDS) {
            Set<String> names = new HashSet<>();
            d.json()
                    .path("templating")
                    .path("list")
                    .forEach(v -> names.add(v.path("name").asText()));
            variables.put(d.uid(), names);
        }
        Pattern link = Pattern.compile("/d/([a-z0-9-]+)(\\?[^\"]*)?");
        Pattern var = Pattern.compile("var-([a-zA-Z0-9_]+)=");
        int checked = 0;
        for (Dashboard d : DASHBOARDS) {
            // When a panel or data link points at /d/<uid>?var-x=… / Then that dashboard exists and has $x
            Matcher m = link.matcher(d.json().toString());
            while (m.find()) {
                assertThat(variables).as(d.uid() + " links to " + m.group(1)).containsKey(m.group(1));
                Matcher v = var.matcher(m.group(2) == null ? "" : m.group(2));
                while (v.find()) {
                    assertThat(variables.get(m.group(1)))
                            .as(d.uid() + " → " + m.group())
                            .contains(v.group(1));
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(10);
    }

    @Test
    void districtVariablesListExactlyTheAreaRegistry() {
        List<String> registry = DeviceRegistry.builtIn().areas().stream()
                .map(a -> a.name() + " : " + a.code())
                .toList();
        int checked = 0;
        for (Dashboard d : DASHBOARDS) {
            for (JsonNode variable : d.json().path("templating").path("list")) {
                if (variable.path("name").asText().equals("area")) {
                    assertThat(List.of(variable.path("query").asText().split(",\\s*")))
                            .as(d.uid())
                            .isEqualTo(registry);
                    assertThat(variable.path("options"))
                            .extracting(o -> o.path("value").asText())
                            .containsExactlyElementsOf(DeviceRegistry.builtIn().areas().stream()
                                    .map(Area::code)
                                    .toList());
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(5);
    }

    /**
     * Green on track, orange progressing (within 10 % of the target), red at risk; grey for a KPI without a
     * target or direction. Lower-is-better targets are met at the target itself, so orange starts just above it.
     */
    static List<Map<String, Object>> planSteps(IndicatorDefinition definition) {
        List<Map<String, Object>> steps = new ArrayList<>();
        Double target = definition.target();
        Polarity polarity = definition.polarity();
        if (target == null || polarity == null) {
            steps.add(step("#8E8E8E", null));
        } else if (polarity == Polarity.HIGHER_IS_BETTER) {
            steps.add(step("red", null));
            steps.add(step("orange", Math.round(target * 0.9 * 1e6) / 1e6));
            steps.add(step("green", target));
        } else if (target == 0) {
            steps.add(step("green", null));
            steps.add(step("red", 0.001));
        } else {
            steps.add(step("green", null));
            steps.add(step("orange", Math.round((target + 0.001) * 1e6) / 1e6));
            steps.add(step("red", Math.round((target * 1.1 + 0.001) * 1e6) / 1e6));
        }
        return steps;
    }

    private static Map<String, Object> step(String colour, Double value) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("color", colour);
        step.put("value", value);
        return step;
    }

    private static JsonNode thresholds(JsonNode panel, String... fieldNames) {
        for (JsonNode override : panel.path("fieldConfig").path("overrides")) {
            if (List.of(fieldNames)
                    .contains(override.path("matcher").path("options").asText())) {
                for (JsonNode property : override.path("properties")) {
                    if (property.path("id").asText().equals("thresholds")) {
                        return property.path("value");
                    }
                }
            }
        }
        return panel.path("fieldConfig").path("defaults").path("thresholds");
    }

    private static List<Map<String, Object>> steps(JsonNode thresholds) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (JsonNode s : thresholds.path("steps")) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("color", s.path("color").asText());
            JsonNode v = s.path("value");
            step.put("value", v.isNull() || v.isMissingNode() ? null : (Object) v.asDouble());
            out.add(step);
        }
        return out;
    }
}
