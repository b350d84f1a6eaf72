package vn.cantho.ioc.streams.kpi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.cantho.ioc.model.FeedRecord;
import vn.cantho.ioc.model.Granularity;
import vn.cantho.ioc.model.Indicator;
import vn.cantho.ioc.model.Scope;

/**
 * Citizen feedback from the 1022 hotline's report events ({@code hotline-1022-reports}, one record per
 * report, re-pushed as its status changes): the open backlog per area and category, and per day of
 * reception the reports received and the SLA compliance (acknowledged in time, resolved in time).
 *
 * <p>An SLA outcome is <em>decided</em> once the report says when it was acknowledged (or resolved,
 * which implies acknowledgement), or once the report's latest version reached the hub after the
 * deadline without that time (a breach known at that moment). Undecided reports are left out of the
 * ratio until they are decided; rejected reports are left out of the resolution SLA.
 */
final class CitizenFeedbackKpis implements KpiFamily {

    static final String FEED = "hotline-1022-reports";
    static final String BACKLOG = "reports-backlog";
    static final String DAILY = "reports-daily";
    private static final Set<String> OPEN = Set.of("received", "acknowledged", "in_progress");

    private final SlaPolicy sla;

    CitizenFeedbackKpis(SlaPolicy sla) {
        this.sla = sla;
    }

    @Override
    public Set<String> feeds() {
        return Set.of(FEED);
    }

    @Override
    public Set<String> bucketFamilies() {
        return Set.of(BACKLOG, DAILY);
    }

    @Override
    public List<Contribution> contributions(FeedRecord record) {
        String status = Fields.text(record, "status").orElseThrow();
        String category = Fields.text(record, "category").orElseThrow();
        Instant received = Fields.instant(record, "received_at").orElseThrow();
        String area = record.areaCode();
        List<Contribution> out = new ArrayList<>();

        if (OPEN.contains(status)) {
            Map<String, Double> open = Map.of("open", 1.0);
            if (area != null) {
                out.add(Contribution.of(
                        Bucket.instant(BACKLOG, Scope.AREA, area, area, Bucket.label("category", category)), open));
            }
            out.add(Contribution.of(
                    Bucket.instant(BACKLOG, Scope.CITY, Periods.CITY, null, Bucket.label("category", category)), open));
        }

        Map<String, Double> day = new HashMap<>();
        day.put("received", 1.0);
        Instant now = record.receivedAt();
        Optional<Instant> resolvedAt = Fields.instant(record, "resolved_at");
        Optional<Instant> acknowledgedAt =
                Fields.instant(record, "acknowledged_at").or(() -> resolvedAt);
        decide(acknowledgedAt, sla.acknowledgeDeadline(received), now, "ack", day);
        if (!"rejected".equals(status)) {
            decide(resolvedAt, sla.resolutionDeadline(received), now, "resolution", day);
        }
        if (area != null) {
            out.add(Contribution.of(
                    Bucket.period(DAILY, Scope.AREA, area, area, null, Granularity.DAY, received), day));
        }
        out.add(Contribution.of(
                Bucket.period(DAILY, Scope.CITY, Periods.CITY, null, null, Granularity.DAY, received), day));
        return out;
    }

    private static void decide(
            Optional<Instant> done, Instant deadline, Instant now, String name, Map<String, Double> sums) {
        if (done.isPresent()) {
            sums.put(name + "_decided", 1.0);
            sums.put(name + "_met", done.get().isAfter(deadline) ? 0.0 : 1.0);
        } else if (now != null && now.isAfter(deadline)) {
            sums.put(name + "_decided", 1.0);
        }
    }

    @Override
    public List<Indicator> indicators(BucketState state, IndicatorFactory factory) {
        boolean city = state.bucket().scope() == Scope.CITY;
        if (BACKLOG.equals(state.bucket().family())) {
            // An empty backlog cell is a real value: the last open report of the category was closed.
            return List.of(factory.make(
                    city ? "citizen_reports_backlog_city" : "citizen_reports_backlog",
                    state,
                    state.sum("open"),
                    Map.of()));
        }
        if (state.isEmpty()) {
            return List.of();
        }
        List<Indicator> out = new ArrayList<>();
        if (!city) {
            out.add(factory.make("citizen_reports_received", state, state.sum("received"), Map.of()));
        }
        String suffix = city ? "_city" : "";
        if (state.sum("ack_decided") > 0) {
            out.add(factory.ratio(
                    "citizen_reports_ack_sla" + suffix, state, state.sum("ack_met"), state.sum("ack_decided")));
        }
        if (state.sum("resolution_decided") > 0) {
            out.add(factory.ratio(
                    "citizen_reports_resolution_sla" + suffix,
                    state,
                    state.sum("resolution_met"),
                    state.sum("resolution_decided")));
        }
        return out;
    }
}
