package vn.cantho.ioc.simulator;

import java.time.Instant;

/**
 * City-wide rain: in the rainy season (May–November) most days bring an afternoon or early-evening
 * shower of one to three hours; in the dry season rain is rare. Deterministic per seed and day.
 */
final class Weather {

    private final Noise noise;

    Weather(Noise noise) {
        this.noise = noise;
    }

    /** Rain intensity, 0 (dry) to 1 (downpour). */
    double rain(Instant at) {
        long day = CityTime.localDay(at);
        double chance = 0.06 + 0.6 * CityTime.wetSeason(at);
        if (noise.uniform("rain-day", day) >= chance) {
            return 0;
        }
        double start = 13.5 + 4.5 * noise.uniform("rain-start", day);
        double duration = 0.75 + 2.25 * noise.uniform("rain-duration", day);
        double intensity = 0.3 + 0.7 * noise.uniform("rain-intensity", day);
        double hour = CityTime.hour(at);
        if (hour < start) {
            return 0;
        }
        if (hour < start + 0.25) {
            return intensity * (hour - start) / 0.25;
        }
        if (hour < start + duration) {
            return intensity;
        }
        return intensity * Math.exp(-(hour - start - duration) / 0.4);
    }
}
