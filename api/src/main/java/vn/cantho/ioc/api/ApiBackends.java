package vn.cantho.ioc.api;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import vn.cantho.ioc.alerting.AlertService;
import vn.cantho.ioc.api.aggregate.AggregateBackend;
import vn.cantho.ioc.api.alert.AlertBackend;
import vn.cantho.ioc.api.auth.Authenticator;
import vn.cantho.ioc.api.auth.TokenAuthenticator;
import vn.cantho.ioc.api.auth.jwt.OidcAuthentication;
import vn.cantho.ioc.api.auth.jwt.OidcOptions;
import vn.cantho.ioc.api.explanation.ExplanationBackend;
import vn.cantho.ioc.api.indicator.IndicatorBackend;
import vn.cantho.ioc.api.kpi.KpiBackend;
import vn.cantho.ioc.api.registry.AreaShapes;
import vn.cantho.ioc.api.registry.RegistryBackend;
import vn.cantho.ioc.model.health.HealthCheck;
import vn.cantho.ioc.model.registry.IndicatorRegistry;
import vn.cantho.ioc.model.registry.LiveRegistry;
import vn.cantho.ioc.store.AggregateQueries;
import vn.cantho.ioc.store.explanation.ExplanationStore;
import vn.cantho.ioc.store.indicator.IndicatorQueries;
import vn.cantho.ioc.store.kpi.KpiQueries;
import vn.cantho.ioc.store.registry.RegistryEditor;
import vn.cantho.ioc.store.registry.RegistryStore;
import vn.cantho.ioc.store.token.TokenService;

/**
 * What the API serves from: the registry, one backend per route group, the health checks, the token check and the
 * meter registry {@code /metrics} shows. Each backend is a small interface owned by the route group that calls it,
 * so routes are tested with in-memory fakes; the constructor taking the stores and the alert service wires the
 * production backends over PostgreSQL.
 *
 * @param registry the device registry in force (it changes when an admin edits it)
 * @param registryEditor applies admins' registry changes
 * @param indicatorRegistry definitions of the derived indicators and KPIs (units, targets)
 * @param indicators stored indicator values (VN_AQI, flood levels, KPIs)
 * @param kpis KPI values with their targets
 * @param alerts the alert lifecycle: queries, commands, silences
 * @param health components {@code /health} reports besides the API itself, by name (e.g. {@code kafka},
 *               {@code database}), in this map's order; {@code api} is reserved
 * @param explanations requests for explanation about KPIs and their audit trail
 * @param areaShapes the areas' GeoJSON the console's map draws ({@link AreaShapes#fromDirectory} with
 *                   {@code REGISTRY_DIR}, else {@link AreaShapes#builtIn})
 */
public record ApiBackends(
        LiveRegistry registry,
        RegistryBackend registryEditor,
        AggregateBackend aggregates,
        IndicatorRegistry indicatorRegistry,
        IndicatorBackend indicators,
        KpiBackend kpis,
        AlertBackend alerts,
        Map<String, HealthCheck> health,
        Authenticator authenticator,
        PrometheusMeterRegistry meters,
        ExplanationBackend explanations,
        AreaShapes areaShapes) {

    /** The production backends: the stores over PostgreSQL and the alerting module's service. */
    public ApiBackends(
            LiveRegistry registry,
            RegistryEditor registryEditor,
            AggregateQueries aggregates,
            IndicatorRegistry indicatorRegistry,
            IndicatorQueries indicators,
            KpiQueries kpis,
            AlertService alerts,
            Map<String, HealthCheck> health,
            Authenticator authenticator,
            PrometheusMeterRegistry meters,
            ExplanationStore explanations,
            AreaShapes areaShapes) {
        this(
                registry,
                RegistryBackend.of(registryEditor),
                AggregateBackend.of(aggregates),
                indicatorRegistry,
                IndicatorBackend.of(indicators),
                KpiBackend.of(kpis),
                AlertBackend.of(alerts),
                health,
                authenticator,
                meters,
                ExplanationBackend.of(explanations),
                areaShapes);
    }

    /**
     * What a hub's API serves from: every store over {@code database}, the alerting runtime's service (so its change
     * callback wakes the live stream at once), the hub's tokens behind OpenID Connect when configured, and the area
     * shapes of {@code registryDir} (else the built-in ones).
     */
    public static ApiBackends fromDatabase(
            DataSource database,
            LiveRegistry registry,
            RegistryStore registryStore,
            IndicatorRegistry indicatorRegistry,
            AlertService alerts,
            Map<String, HealthCheck> health,
            TokenService tokens,
            Optional<OidcOptions> oidc,
            PrometheusMeterRegistry meters,
            Optional<Path> registryDir) {
        return new ApiBackends(
                registry,
                new RegistryEditor(registryStore, registry),
                new AggregateQueries(database),
                indicatorRegistry,
                new IndicatorQueries(database),
                new KpiQueries(database, indicatorRegistry),
                alerts,
                health,
                OidcAuthentication.around(new TokenAuthenticator(tokens), oidc, Clock.systemUTC()),
                meters,
                new ExplanationStore(database),
                registryDir.map(AreaShapes::fromDirectory).orElseGet(AreaShapes::builtIn));
    }
}
