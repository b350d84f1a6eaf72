package vn.cantho.ioc.streams.kpi;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.cantho.ioc.model.FeedRecord;
import vn.cantho.ioc.model.Indicator;
import vn.cantho.ioc.model.registry.IndicatorRegistry;

/** Every KPI family of the department feeds, found by feed id (inputs) and by cell family (outputs). */
final class KpiCatalog {

    /** Every KPI id the families emit; each must be in the indicator registry. */
    static final List<String> KPI_IDS = List.of(
            "dossiers_on_time_rate",
            "dossiers_overdue",
            "dossiers_online_share",
            "dossiers_on_time_rate_city",
            "dossiers_overdue_city",
            "dossiers_online_share_city",
            "citizen_reports_backlog",
            "citizen_reports_backlog_city",
            "citizen_reports_received",
            "citizen_reports_ack_sla",
            "citizen_reports_resolution_sla",
            "citizen_reports_ack_sla_city",
            "citizen_reports_resolution_sla_city",
            "online_negative_share",
            "online_negative_share_6h",
            "cyber_blocked_attacks",
            "cyber_high_critical_alerts",
            "cyber_defaced_websites",
            "cyber_infected_endpoints",
            "cyber_incidents",
            "tourist_arrivals",
            "tourist_arrivals_change",
            "tourism_revenue",
            "hotel_occupancy",
            "hotel_occupancy_city",
            "grdp_growth",
            "retail_sales_growth",
            "exports_growth",
            "industrial_production_growth",
            "cpi_change",
            "statistical_report_timeliness",
            "traffic_accidents",
            "traffic_deaths",
            "traffic_injuries",
            "traffic_accidents_city",
            "traffic_deaths_city",
            "traffic_injuries_city");

    private final Map<String, KpiFamily> byFeed = new HashMap<>();
    private final Map<String, KpiFamily> byBucketFamily = new HashMap<>();
    private final IndicatorFactory factory;

    KpiCatalog(IndicatorRegistry registry, SlaPolicy sla) {
        this.factory = new IndicatorFactory(registry);
        factory.requireAll(KPI_IDS);
        for (KpiFamily family : List.of(
                new GovernmentKpis(),
                new CitizenFeedbackKpis(sla),
                new OnlineInfoKpis(),
                new CybersecurityKpis(),
                new TourismKpis(),
                new SocioeconomicKpis(),
                new TrafficSafetyKpis())) {
            family.feeds().forEach(feed -> byFeed.put(feed, family));
            family.bucketFamilies().forEach(id -> byBucketFamily.put(id, family));
        }
    }

    /** What the record adds to which cells; empty for feeds without KPIs. */
    List<Contribution> contributions(FeedRecord record) {
        KpiFamily family = byFeed.get(record.feed());
        return family == null ? List.of() : family.contributions(record);
    }

    List<Indicator> indicators(BucketState state) {
        KpiFamily family = byBucketFamily.get(state.bucket().family());
        return family == null ? List.of() : family.indicators(state, factory);
    }
}
