package vn.cantho.ioc.simulator;

import static vn.cantho.ioc.simulator.CityTime.bump;
import static vn.cantho.ioc.simulator.CityTime.window;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import vn.cantho.ioc.model.registry.Device;

/**
 * Visitor counters at tourist sites: people entering since the previous message. Each site has its own day:
 * the Cái Răng floating market is busiest at dawn (05:00–08:00) and empty by noon, Ninh Kiều wharf fills in
 * the evening, temples and gardens in the daytime, the Bằng Lăng stork garden towards dusk when the birds
 * return. Weekends bring more visitors (1.5–2×), the dry and Tết season (December–April) more than the rainy
 * season.
 */
final class VisitorModel {

    /** Visitors per minute by local hour, on a weekday, and the weekend multiplier. */
    record Site(DoubleUnaryOperator perMinute, double weekend) {}

    private static final Map<String, Site> SITES = Map.of(
            "vc-cho-noi-cai-rang", new Site(h -> 0.2 + 34 * bump(h, 6.4, 1.0) + 6 * bump(h, 9.3, 1.1), 1.5),
            "vc-ben-ninh-kieu", new Site(h -> 0.3 + 7 * window(h, 7.5, 17, 1) + 42 * bump(h, 19.5, 1.5), 1.8),
            "vc-nha-co-binh-thuy", new Site(h -> 4 * window(h, 8, 17, 0.7) * (1 - 0.5 * bump(h, 12.3, 0.8)), 1.6),
            "vc-truc-lam-phuong-nam",
                    new Site(h -> 12 * window(h, 6.5, 17.5, 0.8) * (1 + 0.5 * bump(h, 8.5, 1.5)), 2.0),
            "vc-my-khanh", new Site(h -> 8 * window(h, 8, 17, 0.8), 1.8),
            "vc-vuon-co-bang-lang", new Site(h -> 1 * window(h, 8, 18, 1) + 3 * bump(h, 16.8, 1.2), 1.6));
    private static final Site DEFAULT = new Site(h -> 6 * window(h, 8, 17, 1), 1.5);

    private final Noise noise;

    VisitorModel(Noise noise) {
        this.noise = noise;
    }

    /** Expected visitors per minute at {@code deviceId} at {@code at}. */
    double rate(String deviceId, Instant at) {
        Site site = SITES.getOrDefault(deviceId, DEFAULT);
        double season = 0.9 + 0.3 * CityTime.drySeason(at);
        double weekend = CityTime.weekend(at) ? site.weekend() : 1;
        double drift = 1 + 0.1 * noise.smooth(deviceId + ":visitors", at.toEpochMilli() / 86_400_000.0);
        return site.perMinute().applyAsDouble(CityTime.hour(at)) * season * weekend * drift;
    }

    Map<String, Double> values(Device device, Instant at, Duration interval) {
        double expected = rate(device.id(), at) * interval.toMillis() / 60_000.0;
        return Map.of("visitor_count", (double) noise.poisson(expected, device.id() + ":count", at.toEpochMilli()));
    }
}
