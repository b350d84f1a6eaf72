package vn.cantho.ioc.simulator;

import java.util.SplittableRandom;

/**
 * Deterministic randomness: every random number is a hash of the seed, a key (device and quantity) and an
 * index (usually a time), so a simulated value depends only on the seed, the device and the instant — not on
 * how often or in which order values were asked for. The same seed replays the same city.
 */
public final class Noise {

    private final long seed;

    public Noise(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** SplitMix64's finaliser: a good 64-bit mixing function. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    public long hash(String key, long index) {
        return mix(mix(seed + 0x9E3779B97F4A7C15L) ^ mix(key.hashCode() * 0xC2B2AE3D27D4EB4FL + index));
    }

    /** Uniform in [0, 1). */
    public double uniform(String key, long index) {
        return unit(hash(key, index));
    }

    /** Standard normal (Box–Muller). */
    public double gaussian(String key, long index) {
        long h = hash(key, index);
        double u1 = Math.max(unit(h), 1e-12);
        double u2 = unit(mix(h + 0x9E3779B97F4A7C15L));
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /**
     * Smooth value noise in [-1, 1]: random values at whole {@code x}, joined by cosine interpolation, so it
     * drifts without jumps (weather, river discharge).
     */
    public double smooth(String key, double x) {
        double floor = Math.floor(x);
        long i = (long) floor;
        double a = 2 * uniform(key, i) - 1;
        double b = 2 * uniform(key, i + 1) - 1;
        double w = (1 - Math.cos(Math.PI * (x - floor))) / 2;
        return a + (b - a) * w;
    }

    /** A Poisson-distributed count with mean {@code lambda} (normal approximation above 30). */
    public long poisson(double lambda, String key, long index) {
        if (!(lambda > 0)) {
            return 0;
        }
        if (lambda >= 30) {
            return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * gaussian(key, index)));
        }
        SplittableRandom random = new SplittableRandom(hash(key, index));
        double limit = Math.exp(-lambda);
        double product = random.nextDouble();
        long count = 0;
        while (product > limit) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }

    private static double unit(long h) {
        return (h >>> 11) * 0x1.0p-53;
    }
}
