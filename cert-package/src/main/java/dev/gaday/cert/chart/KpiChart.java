package dev.gaday.cert.chart;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one KPI chart shows, before any layout: a series of values over a time range, the
 * certification threshold and the incidents.
 *
 * @param name the file stem: charts/NAME.svg
 * @param yTitle the value axis' title, with its unit: "Availability (%)"
 * @param seriesLabel the series' legend text: "Availability"
 * @param start the x axis' start (the first snapshot's interval start)
 * @param end the x axis' end (the last snapshot's interval end)
 * @param points the values in time order, inside [start, end]; a null or non-finite value breaks
 *     the line
 * @param threshold the threshold line, or null
 * @param incidents incidents inside [start, end]
 */
public record KpiChart(
        String name,
        String yTitle,
        String seriesLabel,
        Instant start,
        Instant end,
        List<Point> points,
        Threshold threshold,
        List<Incident> incidents) {
    /** Where a chart's SVG lies in the package, and how the report's Markdown refers to it. */
    public static final String DIRECTORY = "charts/";

    public static final String EXTENSION = ".svg";
    /** The title a fleet chart is shown with, in the report's Markdown and in its SVG. */
    public static String title(String name) {
        return switch (name) {
            case "availability" -> "Availability over the GA window";
            case "error_rate" -> "Error rate over the GA window";
            case "p99_latency" -> "P99 latency over the GA window (fleet, per 5-minute snapshot)";
            default -> name;
        };
    }

    /** The chart's path in the package: charts/NAME.svg. */
    public static String file(String name) {
        return DIRECTORY + name + EXTENSION;
    }

    public KpiChart {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(yTitle, "yTitle");
        Objects.requireNonNull(seriesLabel, "seriesLabel");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("chart " + name + ": end " + end + " is not after start " + start);
        }
        points = List.copyOf(points);
        incidents = List.copyOf(incidents);
        if (points.stream().noneMatch(Point::finite)) {
            throw new IllegalArgumentException("chart " + name + ": no finite value to draw");
        }
        // Nothing may be drawn outside the plot.
        for (Point point : points) {
            requireInside(name, "point", point.at(), start, end);
        }
        for (Incident incident : incidents) {
            requireInside(name, "incident", incident.at(), start, end);
        }
    }

    private static void requireInside(String name, String what, Instant at, Instant start, Instant end) {
        if (at.isBefore(start) || at.isAfter(end)) {
            throw new IllegalArgumentException(
                    "chart " + name + ": " + what + " at " + at + " is outside " + start + ".." + end);
        }
    }

    /** One value at a time; value null or NaN for "no data". */
    public record Point(Instant at, Double value) {
        public Point {
            Objects.requireNonNull(at, "at");
        }

        public boolean finite() {
            return value != null && Double.isFinite(value);
        }
    }

    /** The threshold's value and its legend text ("Threshold ≥ 99.9%"). */
    public record Threshold(double value, String label) {
        public Threshold {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("threshold must be finite: " + value);
            }
            Objects.requireNonNull(label, "label");
        }
    }

    /** An incident's time and its label (id, else severity, else "incident"). */
    public record Incident(Instant at, String label) {
        public Incident {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(label, "label");
        }
    }
}
