package vn.cantho.ioc.bench;

import java.time.Duration;
import vn.cantho.ioc.simulator.Cadences;

/** Reading the benchmarks' own options ({@code --name value}); the load generator's pass through to it. */
final class BenchArgs {

    private BenchArgs() {}

    /** The value after the option at {@code index}. */
    static String value(String[] args, int index) {
        if (index + 1 >= args.length) {
            throw new IllegalArgumentException(args[index] + " needs a value");
        }
        return args[index + 1];
    }

    /** A whole number from {@code min} to {@code max}. */
    static int number(String name, String value, int min, int max) {
        int number;
        try {
            number = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a number, got '" + value + "'");
        }
        if (number < min || number > max) {
            throw new IllegalArgumentException(name + " must be " + min + " to " + max);
        }
        return number;
    }

    /** A duration such as 45s or 1m. */
    static Duration duration(String name, String value) {
        try {
            return Cadences.duration(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }
}
