package vn.cantho.ioc.bench;

import java.util.List;
import java.util.Locale;

/**
 * The soak's chart as a self-contained SVG: resident memory (MiB, left axis) and total consumer lag
 * (records, right axis) over the minutes of the soak, the warm-up shaded. Written by hand so the chart
 * needs no library and renders in any browser and on GitHub.
 */
final class SoakChart {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 400;
    private static final int LEFT = 70;
    private static final int RIGHT = 80;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;
    private static final int TICKS = 5;
    private static final String RSS_COLOUR = "#1f77b4";
    private static final String LAG_COLOUR = "#d62728";

    private SoakChart() {}

    /**
     * The chart of {@code samples}.
     *
     * @param title         the heading, e.g. the rate and duration
     * @param warmUpMinutes the first minutes not judged, shaded
     */
    static String svg(String title, List<SoakSample> samples, double warmUpMinutes) {
        double lastMinute =
                samples.stream().mapToDouble(SoakSample::minute).max().orElse(1);
        double maxRss = niceCeiling(
                samples.stream().mapToDouble(SoakSample::rssMiB).max().orElse(0));
        double maxLag = niceCeiling(
                samples.stream().mapToDouble(SoakSample::lagTotal).max().orElse(0));
        Axes axes = new Axes(Math.max(1, lastMinute), maxRss, maxLag);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                        + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                WIDTH,
                HEIGHT,
                WIDTH,
                HEIGHT));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        svg.append(String.format(
                Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"15\">%s</text>%n", LEFT, escape(title)));
        if (warmUpMinutes > 0) {
            double end = axes.x(Math.min(warmUpMinutes, axes.minutes));
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#eeeeee\"/>"
                            + "%n<text x=\"%d\" y=\"%d\" fill=\"#777777\">warm-up</text>%n",
                    LEFT,
                    TOP,
                    end - LEFT,
                    HEIGHT - TOP - BOTTOM,
                    LEFT + 4,
                    TOP + 14));
        }
        gridAndAxes(svg, axes);
        svg.append(polyline(samples, axes, true, RSS_COLOUR));
        svg.append(polyline(samples, axes, false, LAG_COLOUR));
        svg.append(String.format(
                Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">RSS (MiB)</text>%n", LEFT, HEIGHT - 10, RSS_COLOUR));
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" fill=\"%s\">consumer lag, all groups" + " (records)</text>%n",
                LEFT + 110,
                HEIGHT - 10,
                LAG_COLOUR));
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** Plot area scales: minutes on x, RSS on the left axis and lag on the right, both from zero. */
    private record Axes(double minutes, double maxRss, double maxLag) {

        double x(double minute) {
            return LEFT + minute / minutes * (WIDTH - LEFT - RIGHT);
        }

        double y(double value, double max) {
            return HEIGHT - BOTTOM - (max <= 0 ? 0 : value / max) * (HEIGHT - TOP - BOTTOM);
        }
    }

    private static void gridAndAxes(StringBuilder svg, Axes axes) {
        int right = WIDTH - RIGHT;
        int bottom = HEIGHT - BOTTOM;
        for (int i = 0; i <= TICKS; i++) {
            double y = axes.y(i, TICKS);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#dddddd\"/>%n"
                            + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"%s\">%s</text>%n"
                            + "<text x=\"%d\" y=\"%.1f\" fill=\"%s\">%s</text>%n",
                    LEFT,
                    y,
                    right,
                    y,
                    LEFT - 6,
                    y + 4,
                    RSS_COLOUR,
                    label(axes.maxRss * i / TICKS),
                    right + 6,
                    y + 4,
                    LAG_COLOUR,
                    label(axes.maxLag * i / TICKS)));
            double x = axes.x(axes.minutes * i / TICKS);
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x,
                    bottom + 16,
                    label(axes.minutes * i / TICKS)));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">minutes</text>%n",
                (LEFT + right) / 2,
                bottom + 32));
        svg.append(String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\"" + " stroke=\"#333333\"/>%n",
                LEFT,
                TOP,
                right - LEFT,
                bottom - TOP));
    }

    private static String polyline(List<SoakSample> samples, Axes axes, boolean rss, String colour) {
        StringBuilder points = new StringBuilder();
        for (SoakSample sample : samples) {
            double y = rss ? axes.y(sample.rssMiB(), axes.maxRss) : axes.y(sample.lagTotal(), axes.maxLag);
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", axes.x(sample.minute()), y));
        }
        return String.format(
                Locale.ROOT,
                "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                points.toString().strip(),
                colour);
    }

    /** The smallest 1, 2 or 5 × 10^n at or above {@code value} (1 for nothing to show). */
    static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    static String label(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
