package vn.cantho.ioc.streams.indicator;

import java.util.Locale;

/**
 * The flood alert levels (báo động, BĐ I/II/III) of a river gauge, in metres on the gauge's datum. The
 * defaults are those of the Cần Thơ station on the Hậu river as reported under Decision 05/2020/QĐ-TTg
 * (1.80 / 1.90 / 2.00 m); the city can change them without a code change, e.g. when the levels are revised.
 *
 * @param bd1 BĐ I, the lowest level
 * @param bd2 BĐ II
 * @param bd3 BĐ III, the highest level
 */
public record FloodAlertLevels(double bd1, double bd2, double bd3) {

    /** The Cần Thơ station's levels. */
    public static final FloodAlertLevels CAN_THO = new FloodAlertLevels(1.80, 1.90, 2.00);

    public FloodAlertLevels {
        if (!Double.isFinite(bd1) || !Double.isFinite(bd2) || !Double.isFinite(bd3) || !(bd1 < bd2 && bd2 < bd3)) {
            throw new IllegalArgumentException(
                    "flood alert levels must be finite and rising (BĐ I < BĐ II < BĐ III), got " + bd1 + ", " + bd2
                            + ", " + bd3);
        }
    }

    /**
     * Reads {@code "1.80,1.90,2.00"} (BĐ I, II, III in metres).
     *
     * @throws IllegalArgumentException with a message for people when the text is not three rising numbers
     */
    public static FloodAlertLevels parse(String text) {
        String[] parts = text.trim().split("\\s*,\\s*");
        if (parts.length != 3) {
            throw new IllegalArgumentException(
                    "expected three levels in metres, BĐ I,BĐ II,BĐ III, e.g. 1.80,1.90,2.00");
        }
        double[] levels = new double[3];
        for (int i = 0; i < 3; i++) {
            try {
                levels[i] = Double.parseDouble(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + parts[i] + "' is not a number of metres");
            }
        }
        return new FloodAlertLevels(levels[0], levels[1], levels[2]);
    }

    /** 0 below BĐ I, 1 from BĐ I, 2 from BĐ II, 3 from BĐ III (a level exactly on a threshold has reached it). */
    public int levelOf(double waterLevel) {
        if (waterLevel >= bd3) {
            return 3;
        }
        if (waterLevel >= bd2) {
            return 2;
        }
        return waterLevel >= bd1 ? 1 : 0;
    }

    /** {@code BĐ I}, {@code BĐ II}, {@code BĐ III}, or {@code dưới BĐ I} (below alert level I) for 0. */
    public static String nameOf(int level) {
        return switch (level) {
            case 0 -> "dưới BĐ I";
            case 1 -> "BĐ I";
            case 2 -> "BĐ II";
            case 3 -> "BĐ III";
            default -> throw new IllegalArgumentException("alert level must be 0 to 3, got " + level);
        };
    }

    /** The configuration form, {@code 1.80,1.90,2.00}. */
    public String format() {
        return String.format(Locale.ROOT, "%.2f,%.2f,%.2f", bd1, bd2, bd3);
    }
}
