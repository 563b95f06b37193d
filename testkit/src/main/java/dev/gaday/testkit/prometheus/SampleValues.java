package dev.gaday.testkit.prometheus;

/**
 * Sample values as the Prometheus HTTP API writes them. A class of its own so that a caller
 * (QueryFloor, timed by scripts/bench/kpi.sh) does not initialise PrometheusServer, whose static
 * JDK HttpClient takes a large part of a short JVM's start.
 */
public final class SampleValues {
    private SampleValues() {}

    /** A decimal number, "NaN", "+Inf" or "-Inf". */
    public static double parse(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }
}
