package vn.cantho.ioc.api;

import io.javalin.testtools.JavalinTest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import vn.cantho.ioc.api.aggregate.AggregateBackend;
import vn.cantho.ioc.api.alert.AlertBackend;
import vn.cantho.ioc.api.alert.FakeAlerts;
import vn.cantho.ioc.api.auth.Authenticator;
import vn.cantho.ioc.api.auth.Principal;
import vn.cantho.ioc.api.explanation.FakeExplanations;
import vn.cantho.ioc.api.indicator.IndicatorBackend;
import vn.cantho.ioc.api.kpi.KpiBackend;
import vn.cantho.ioc.api.metrics.ApiMeters;
import vn.cantho.ioc.api.registry.AreaShapes;
import vn.cantho.ioc.api.registry.FakeRegistryChanges;
import vn.cantho.ioc.model.Indicator;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.IndicatorRegistry;
import vn.cantho.ioc.model.registry.LiveRegistry;
import vn.cantho.ioc.store.AggregatePage;
import vn.cantho.ioc.store.indicator.IndicatorPage;
import vn.cantho.ioc.store.indicator.IndicatorQuery;
import vn.cantho.ioc.store.kpi.KpiHistoryPage;
import vn.cantho.ioc.store.kpi.KpiHistoryQuery;
import vn.cantho.ioc.store.kpi.KpiValue;
import vn.cantho.ioc.store.token.TokenRole;

/**
 * The real {@link ApiServer} — every route, the token filter, the role checks and the error mapper — over
 * in-memory backends, started and stopped by javalin-testtools on a free port: route tests without a database.
 * Backends a test does not set answer empty; the built-in registry is in force, and admins' changes to it are
 * kept in memory ({@link FakeRegistryChanges}). Each role has a fixed token
 * ({@link #LEADER}, {@link #OPERATOR}, {@link #ADMIN}, {@link #DEPARTMENT}); any other token is unknown (401).
 */
public final class FakeApi {

    public static final String LEADER = "leader-token";
    public static final String OPERATOR = "operator-token";
    public static final String ADMIN = "admin-token";
    /** A department token of {@code cong-an}. */
    public static final String DEPARTMENT = "department-token";

    private final LiveRegistry registry = new LiveRegistry(DeviceRegistry.builtIn(), 0);
    private final IndicatorRegistry indicatorRegistry = IndicatorRegistry.builtIn();
    private AggregateBackend aggregates = query -> new AggregatePage(List.of(), null);
    private IndicatorBackend indicators = new IndicatorBackend() {
        @Override
        public IndicatorPage find(IndicatorQuery query) {
            return new IndicatorPage(List.of(), null);
        }

        @Override
        public List<Indicator> latest(String indicator, String areaCode) {
            return List.of();
        }
    };
    private KpiBackend kpis = new KpiBackend() {
        @Override
        public List<KpiValue> latest(String domain, String entityId, String areaCode) {
            return List.of();
        }

        @Override
        public KpiHistoryPage history(KpiHistoryQuery query) {
            return new KpiHistoryPage(List.of(), null);
        }
    };
    private AlertBackend alerts = new FakeAlerts();

    /** The device registry in force (what the fake registry backend edits). */
    public LiveRegistry registry() {
        return registry;
    }

    public FakeApi aggregates(AggregateBackend backend) {
        this.aggregates = backend;
        return this;
    }

    public FakeApi indicators(IndicatorBackend backend) {
        this.indicators = backend;
        return this;
    }

    public FakeApi kpis(KpiBackend backend) {
        this.kpis = backend;
        return this;
    }

    public FakeApi alerts(AlertBackend backend) {
        this.alerts = backend;
        return this;
    }

    /** A client of the running server per token; {@link Clients#anonymous()} sends none. */
    public record Clients(int port) {

        public ApiClient as(String token) {
            return new ApiClient(port, token);
        }

        public ApiClient anonymous() {
            return new ApiClient(port);
        }
    }

    /** Starts the server on these backends, runs {@code test} against it, stops it. */
    public void test(Consumer<Clients> test) {
        ApiServer server = new ApiServer(
                new ApiConfig("127.0.0.1", 0),
                new ApiBackends(
                        registry,
                        new FakeRegistryChanges(registry),
                        aggregates,
                        indicatorRegistry,
                        indicators,
                        kpis,
                        alerts,
                        Map.of(),
                        tokens(),
                        ApiMeters.create(),
                        new FakeExplanations(),
                        AreaShapes.builtIn()));
        // Jetty waits out its stop timeout (3 s in production, for in-flight requests) on every stop; a route test
        // starts a server per test and has nothing in flight when it stops.
        server.app().unsafeConfig().jetty.modifyServer(jetty -> jetty.setStopTimeout(0));
        try {
            JavalinTest.test(server.app(), (app, client) -> test.accept(new Clients(app.port())));
        } finally {
            server.close();
        }
    }

    private static Authenticator tokens() {
        Map<String, Principal> principals = Map.of(
                LEADER, new Principal(1, TokenRole.LEADER, null, "leader"),
                OPERATOR, new Principal(2, TokenRole.OPERATOR, null, "operator"),
                ADMIN, new Principal(3, TokenRole.ADMIN, null, "admin"),
                DEPARTMENT, new Principal(4, TokenRole.DEPARTMENT, "cong-an", "cong-an"));
        return token -> Optional.ofNullable(principals.get(token));
    }
}
