package vn.cantho.ioc.simulator;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import vn.cantho.ioc.model.registry.Device;

/**
 * Plausible particulate readings for an air station in Cần Thơ: a base level per district (the
 * urban core is dirtier), traffic peaks in the morning and evening rush hours, a cleaner rainy season
 * (May–November) than dry season, and sensor noise. PM10 follows PM2.5 with a coarse fraction.
 */
public final class AirQualityModel {

    static final ZoneId CAN_THO = ZoneId.of("Asia/Ho_Chi_Minh");

    private final RandomGenerator random;

    public AirQualityModel(RandomGenerator random) {
        this.random = random;
    }

    public Map<String, Double> reading(Device device, Instant at) {
        ZonedDateTime local = at.atZone(CAN_THO);
        double hour = local.getHour() + local.getMinute() / 60.0;
        double rushHours = 14 * bump(hour, 7.5, 1.2) + 12 * bump(hour, 18.5, 1.5);
        double season = local.getMonthValue() >= 5 && local.getMonthValue() <= 11 ? 0.8 : 1.25;
        double pm25 = Math.max(1, (baseLevel(device.areaCode()) + rushHours) * season + random.nextGaussian() * 3);
        double pm10 = pm25 * (1.5 + random.nextDouble() * 0.3) + random.nextGaussian() * 2;
        Map<String, Double> values = new LinkedHashMap<>();
        if (device.metrics().contains("pm25")) {
            values.put("pm25", round(pm25));
        }
        if (device.metrics().contains("pm10")) {
            values.put("pm10", round(Math.max(pm25, pm10)));
        }
        return values;
    }

    private static double baseLevel(String areaCode) {
        return switch (areaCode) {
            case "ninh-kieu", "cai-rang" -> 32;
            case "binh-thuy", "o-mon", "thot-not" -> 26;
            default -> 18;
        };
    }

    /** A smooth peak of height 1 at {@code center} hours with the given width. */
    private static double bump(double hour, double center, double width) {
        double d = (hour - center) / width;
        return Math.exp(-d * d);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
