package vn.cantho.ioc.api.explanation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.cantho.ioc.model.Granularity;
import vn.cantho.ioc.model.Indicator;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.indicator.IndicatorWriter;

/**
 * KPI values for the drill-down and request-for-explanation tests, written with the real indicator writer:
 * on-time dossier rate today of agency so-tnmt 70 % (yesterday 75 %: red, falling) and so-xd 97 % (green),
 * traffic deaths in Ninh Kiều 2 today (target 0: red), the city's hotel occupancy 56 % (target 60: orange),
 * a two-month-old on-time rate of so-gtvt (grey: no current value) and tourist arrivals (no target: grey).
 */
public final class KpiFixtures {

    private KpiFixtures() {}

    public static void write(Database database) {
        Instant today = LocalDate.now(ZoneOffset.ofHours(7))
                .atStartOfDay(ZoneOffset.ofHours(7))
                .toInstant();
        Instant yesterday = today.minus(Duration.ofDays(1));
        List<Indicator> rows = new ArrayList<>();
        rows.add(day("dossiers_on_time_rate", Scope.AGENCY, "so-tnmt", "government", null, yesterday, 75));
        rows.add(day("dossiers_on_time_rate", Scope.AGENCY, "so-tnmt", "government", null, today, 70));
        rows.add(day("dossiers_on_time_rate", Scope.AGENCY, "so-xd", "government", null, today, 97));
        rows.add(day(
                "dossiers_on_time_rate",
                Scope.AGENCY,
                "so-gtvt",
                "government",
                null,
                today.minus(Duration.ofDays(60)),
                50));
        rows.add(day("traffic_deaths", Scope.AREA, "ninh-kieu", "security_traffic", "ninh-kieu", today, 2));
        rows.add(day("hotel_occupancy_city", Scope.CITY, "can-tho", "tourism", null, today, 56));
        Instant month = LocalDate.now(ZoneOffset.ofHours(7))
                .withDayOfMonth(1)
                .minusMonths(1)
                .atStartOfDay(ZoneOffset.ofHours(7))
                .toInstant();
        rows.add(new Indicator(
                Indicator.SCHEMA_VERSION,
                "tourist_arrivals",
                Scope.CITY,
                "can-tho",
                "tourism",
                null,
                Granularity.MONTH,
                month,
                month.plus(Duration.ofDays(30)),
                800_000,
                new TreeMap<>(),
                Map.of(),
                month));
        new IndicatorWriter(database.dataSource()).upsert(rows);
    }

    private static Indicator day(
            String indicator, Scope scope, String entity, String domain, String area, Instant start, double value) {
        return new Indicator(
                Indicator.SCHEMA_VERSION,
                indicator,
                scope,
                entity,
                domain,
                area,
                Granularity.DAY,
                start,
                start.plus(Duration.ofDays(1)),
                value,
                new TreeMap<>(),
                Map.of(),
                start);
    }
}
