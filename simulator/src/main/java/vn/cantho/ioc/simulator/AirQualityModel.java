package vn.cantho.ioc.simulator;

import static vn.cantho.ioc.simulator.CityTime.bump;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.cantho.ioc.model.registry.Device;

/**
 * Plausible air quality at a Cần Thơ station, in µg/m³:
 * <ul>
 *   <li>PM2.5 and PM10: a base level per district (the urban core is dirtier), traffic (rush hours), stagnant
 *       air at night and dawn, a hazier dry season (December–April) than rainy season, wash-out by rain, slowly
 *       drifting weather; PM10 is PM2.5 plus a coarse fraction;</li>
 *   <li>NO₂ and CO: mostly traffic, so they follow the rush hours, with a night-time build-up;</li>
 *   <li>O₃: photochemical, peaks mid-afternoon (about 14:00–15:00) on sunny days, near zero at night and
 *       eaten up by fresh traffic NO (titration);</li>
 *   <li>SO₂: low, a little from diesel traffic.</li>
 * </ul>
 * A {@link Incident.Kind#PM25_SPIKE} (a fire, straw burning) adds 120–350 µg/m³ of PM2.5, and smoke CO.
 */
final class AirQualityModel {

    private final Noise noise;
    private final Weather weather;

    AirQualityModel(Noise noise, Weather weather) {
        this.noise = noise;
        this.weather = weather;
    }

    Map<String, Double> values(Device device, Instant at, Incident incident) {
        String id = device.id();
        long index = at.toEpochMilli();
        double hour = CityTime.hour(at);
        double area = urbanFactor(device.areaCode());
        double traffic = TrafficModel.intensity(at) * area;
        double stagnant = bump(hour, 5.5, 2.5) + 0.6 * bump(hour, 22, 2);
        double dry = CityTime.drySeason(at);
        double rain = weather.rain(at);
        double drift = 1 + 0.2 * noise.smooth("aq-weather", at.toEpochMilli() / 3_600_000.0 / 30);
        double smoke = incident == null ? 0 : (120 + 230 * incident.magnitude()) * spikeShape(incident.progress(at));

        double pm25 = (baseLevel(device.areaCode()) + 16 * traffic + 6 * stagnant)
                        * (0.8 + 0.5 * dry)
                        * drift
                        * (1 - 0.4 * rain)
                + 2 * noise.gaussian(id + ":pm25", index)
                + smoke;
        pm25 = Math.max(2, pm25);
        double pm10 = Math.max(
                pm25,
                pm25 * (1.45 + 0.3 * noise.uniform(id + ":pm10", index)) + 1.5 * noise.gaussian(id + ":pm10n", index));
        double no2 = Math.max(
                1, (6 + 40 * traffic + 8 * stagnant) * (0.85 + 0.3 * dry) + 2 * noise.gaussian(id + ":no2", index));
        double co = Math.max(
                50, 300 + 1700 * traffic + 350 * stagnant + 6 * smoke + 50 * noise.gaussian(id + ":co", index));
        double sunshine = bump(hour, 14.3, 2.6) * (0.75 + 0.35 * dry) * (1 - 0.6 * rain);
        double o3 = Math.max(
                2,
                12
                        + 95 * sunshine
                        - 10 * traffic
                        + 6 * noise.smooth(id + ":o3", index / 3_600_000.0)
                        + 2.5 * noise.gaussian(id + ":o3", index));
        double so2 = Math.max(0.5, 5 + 6 * traffic + 3 * stagnant + noise.gaussian(id + ":so2", index));

        Map<String, Double> values = new LinkedHashMap<>();
        values.put("pm25", pm25);
        values.put("pm10", pm10);
        values.put("o3", o3);
        values.put("co", co);
        values.put("no2", no2);
        values.put("so2", so2);
        return values;
    }

    /** Quick rise, slower decay: the smoke arrives, then disperses. */
    private static double spikeShape(double progress) {
        return progress < 0.25
                ? Math.sin(progress / 0.25 * Math.PI / 2)
                : Math.cos((progress - 0.25) / 0.75 * Math.PI / 2);
    }

    private static double baseLevel(String areaCode) {
        return switch (areaCode) {
            case "ninh-kieu", "cai-rang" -> 24;
            case "binh-thuy", "o-mon", "thot-not" -> 20;
            default -> 15;
        };
    }

    /** How much of the city's traffic reaches a station: the urban core most, the rural districts least. */
    static double urbanFactor(String areaCode) {
        return switch (areaCode) {
            case "ninh-kieu", "cai-rang" -> 1.0;
            case "binh-thuy", "o-mon", "thot-not" -> 0.7;
            default -> 0.45;
        };
    }
}
