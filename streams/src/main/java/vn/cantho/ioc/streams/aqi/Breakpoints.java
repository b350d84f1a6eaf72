package vn.cantho.ioc.streams.aqi;

import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One column of Table 2 of Decision 1459/QĐ-TCMT: concentration breakpoints BP<sub>i</sub> (µg/m³) and the
 * index values I<sub>i</sub> they map to, with the decision's linear interpolation (its formulas 1 and 2)
 *
 * <pre>AQI_x = (I_{i+1} − I_i) / (BP_{i+1} − BP_i) × (C_x − BP_i) + I_i</pre>
 *
 * <p>Six tables have eight levels whose top one is written "≥" (e.g. PM2.5 "≥500"): a concentration at or
 * above it is level 8, AQI 500 — the scale ends there, so it is capped rather than extrapolated. The O3 8-hour
 * table stops at 400 µg/m³ (AQI 300) and the decision says not to use it above that, so it has no value there.
 */
public final class Breakpoints {

    private static final int[] INDEX_LEVELS = {0, 50, 100, 150, 200, 300, 400, 500};

    public static final Breakpoints O3_1H = standard("O3 1h", 0, 160, 200, 300, 400, 800, 1_000, 1_200);
    public static final Breakpoints O3_8H = new Breakpoints(
            "O3 8h", new double[] {0, 100, 120, 170, 210, 400}, new int[] {0, 50, 100, 150, 200, 300}, false);
    public static final Breakpoints CO = standard("CO", 0, 10_000, 30_000, 45_000, 60_000, 90_000, 120_000, 150_000);
    public static final Breakpoints SO2 = standard("SO2", 0, 125, 350, 550, 800, 1_600, 2_100, 2_630);
    public static final Breakpoints NO2 = standard("NO2", 0, 100, 200, 700, 1_200, 2_350, 3_100, 3_850);
    public static final Breakpoints PM10 = standard("PM10", 0, 50, 150, 250, 350, 420, 500, 600);
    public static final Breakpoints PM25 = standard("PM2.5", 0, 25, 50, 80, 150, 250, 350, 500);

    /**
     * Floating-point slack for half-up rounding: concentrations have one or two decimals, and a sub-index
     * that is exactly x.5 in decimal arithmetic can come out just below it in binary (O3 at 161.2 µg/m³ is
     * 51.5 but computes as 51.49999999999999).
     */
    private static final double ROUNDING_SLACK = 1e-9;

    private final String name;
    private final double[] concentrations;
    private final int[] indices;
    private final boolean cappedAtTop;

    private Breakpoints(String name, double[] concentrations, int[] indices, boolean cappedAtTop) {
        this.name = name;
        this.concentrations = concentrations;
        this.indices = indices;
        this.cappedAtTop = cappedAtTop;
    }

    private static Breakpoints standard(String name, double... concentrations) {
        return new Breakpoints(name, concentrations, INDEX_LEVELS, true);
    }

    /** The table used for a pollutant's 1-hour values: hourly AQI and the daily maxima (O3 uses "O3 (1h)"). */
    public static Breakpoints oneHour(Pollutant pollutant) {
        return switch (pollutant) {
            case PM25 -> PM25;
            case PM10 -> PM10;
            case O3 -> O3_1H;
            case CO -> CO;
            case NO2 -> NO2;
            case SO2 -> SO2;
        };
    }

    /** The unrounded sub-index; empty for a negative or non-finite concentration or above the O3 8h table. */
    public OptionalDouble subIndex(double concentration) {
        if (!Double.isFinite(concentration) || concentration < 0) {
            return OptionalDouble.empty();
        }
        int top = concentrations.length - 1;
        if (concentration > concentrations[top]) {
            return cappedAtTop ? OptionalDouble.of(indices[top]) : OptionalDouble.empty();
        }
        int i = 0;
        while (concentration > concentrations[i + 1]) {
            i++;
        }
        double slope = (double) (indices[i + 1] - indices[i]) / (concentrations[i + 1] - concentrations[i]);
        return OptionalDouble.of(slope * (concentration - concentrations[i]) + indices[i]);
    }

    /** The sub-index rounded to an integer as the decision requires ("được làm tròn thành số nguyên"). */
    public OptionalInt aqi(double concentration) {
        OptionalDouble raw = subIndex(concentration);
        return raw.isPresent() ? OptionalInt.of(roundHalfUp(raw.getAsDouble())) : OptionalInt.empty();
    }

    static int roundHalfUp(double value) {
        return (int) Math.floor(value + 0.5 + ROUNDING_SLACK);
    }

    public String name() {
        return name;
    }

    /** BP<sub>1</sub>..BP<sub>n</sub> in µg/m³ (a copy). */
    public double[] concentrations() {
        return concentrations.clone();
    }

    /** I<sub>1</sub>..I<sub>n</sub> (a copy). */
    public int[] indices() {
        return indices.clone();
    }

    /** Whether a concentration above the top breakpoint maps to the top index (true) or has no value (O3 8h). */
    public boolean cappedAtTop() {
        return cappedAtTop;
    }

    @Override
    public String toString() {
        return name + Arrays.toString(concentrations);
    }
}
