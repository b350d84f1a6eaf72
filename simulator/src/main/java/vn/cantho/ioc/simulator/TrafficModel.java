package vn.cantho.ioc.simulator;

import static vn.cantho.ioc.simulator.CityTime.bump;
import static vn.cantho.ioc.simulator.CityTime.window;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.cantho.ioc.model.registry.Device;

/**
 * Traffic counters and cameras: vehicles since the previous message and their mean speed.
 * <ul>
 *   <li>Demand follows {@link #intensity}: on weekdays a morning rush around 07:15 and an evening rush around
 *       17:30 with a busy working day between; at weekends a later, flatter day with a leisure evening.</li>
 *   <li>Each road has a capacity (vehicles per minute at full rush) and a free-flow speed; the mean speed falls
 *       with the square of the load, so volume and speed move against each other.</li>
 *   <li>A {@link Incident.Kind#TRAFFIC_JAM} drops the mean speed to 2–9 km/h for 20–50 minutes and lets only
 *       about a third of the vehicles through.</li>
 * </ul>
 */
final class TrafficModel {

    /** Vehicles per minute at full rush and free-flow speed in km/h. */
    record Road(double capacity, double freeFlowSpeed) {}

    private static final Map<String, Road> ROADS = Map.of(
            "tc-tran-hung-dao", new Road(380, 38),
            "tc-30-thang-4", new Road(420, 40),
            "tc-nguyen-van-cu", new Road(360, 42),
            "tc-cau-can-tho", new Road(160, 60),
            "tc-ql91-binh-thuy", new Road(220, 48),
            "tc-ql91-o-mon", new Road(150, 52),
            "tc-ql91-thot-not", new Road(120, 55));

    private final Noise noise;

    TrafficModel(Noise noise) {
        this.noise = noise;
    }

    /** City traffic demand, 0 (dead of night) to about 1 (weekday rush). */
    static double intensity(Instant at) {
        double h = CityTime.hour(at);
        double value;
        if (CityTime.weekend(at)) {
            value = 0.04 + 0.30 * bump(h, 8.5, 1.6) + 0.42 * window(h, 9, 21, 1.2) + 0.30 * bump(h, 19, 1.8);
        } else {
            value = 0.04
                    + 0.90 * bump(h, 7.25, 0.9)
                    + 0.50 * window(h, 8.5, 16.5, 1.0)
                    + 0.90 * bump(h, 17.6, 1.1)
                    + 0.30 * bump(h, 20.5, 1.5);
        }
        return Math.min(1, value);
    }

    Map<String, Double> values(Device device, Instant at, Duration interval, Incident jam) {
        Road road = ROADS.getOrDefault(device.id(), new Road(200, 45));
        long index = at.toEpochMilli();
        double load = intensity(at) * (1 + 0.08 * noise.smooth(device.id() + ":demand", index / 3_600_000.0 / 6));
        double minutes = interval.toMillis() / 60_000.0;
        double speed;
        double flow = road.capacity() * load;
        if (jam != null) {
            double crawl = 2 + 7 * jam.magnitude();
            speed = Math.min(9.5, Math.max(2, crawl + 0.5 * noise.gaussian(device.id() + ":speed", index)));
            flow *= 0.35;
        } else {
            speed = road.freeFlowSpeed() * (1 - 0.55 * load * load)
                    + 1.5 * noise.gaussian(device.id() + ":speed", index);
            speed = Math.max(12, speed);
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("vehicle_count", (double) noise.poisson(flow * minutes, device.id() + ":count", index));
        values.put("mean_speed", speed);
        return values;
    }
}
