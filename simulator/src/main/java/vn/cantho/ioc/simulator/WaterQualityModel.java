package vn.cantho.ioc.simulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.cantho.ioc.model.registry.Device;

/**
 * Water-quality station on the Cần Thơ river:
 * <ul>
 *   <li>pH 6.5–7.5: near neutral, a little higher in the afternoon (photosynthesis), lower after rain;</li>
 *   <li>dissolved oxygen 3–6 mg/L: highest mid-afternoon, lowest before dawn, lower in the warm flood season;</li>
 *   <li>turbidity (NTU): the sediment-laden Mekong flood (75–125 NTU in October against 20–30 in the dry
 *       season), higher when the tide runs fast in either direction and after rain (run-off).</li>
 * </ul>
 */
final class WaterQualityModel {

    private final Noise noise;
    private final Weather weather;
    private final WaterLevelModel river;

    WaterQualityModel(Noise noise, Weather weather, WaterLevelModel river) {
        this.noise = noise;
        this.weather = weather;
        this.river = river;
    }

    Map<String, Double> values(Device device, Instant at) {
        String id = device.id();
        long index = at.toEpochMilli();
        double hour = CityTime.hour(at);
        double flood = CityTime.floodSeason(at);
        double rain = weather.rain(at);
        double daily = noise.smooth(id + ":daily", index / 86_400_000.0);

        double ph = 7.0
                + 0.18 * Math.sin(2 * Math.PI * (hour - 10) / 24)
                - 0.15 * rain
                + 0.08 * daily
                + 0.03 * noise.gaussian(id + ":ph", index);
        double oxygen = 4.6
                + 0.9 * Math.cos(2 * Math.PI * (hour - 15) / 24)
                - 0.3 * flood
                + 0.2 * daily
                + 0.08 * noise.gaussian(id + ":do", index);
        double current = Math.min(1.5, Math.abs(river.rateAtCanTho(at)) / 0.35);
        double turbidity =
                (25 + 75 * flood) * (0.75 + 0.35 * current) + 60 * rain + 2 * noise.gaussian(id + ":turbidity", index);

        Map<String, Double> values = new LinkedHashMap<>();
        values.put("ph", clamp(ph, 6.5, 7.5));
        values.put("dissolved_oxygen", clamp(oxygen, 3, 6));
        values.put("turbidity", Math.max(3, turbidity));
        return values;
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
