package dev.gaday.common.model.drift;

import dev.gaday.common.text.ReportFormat;
import java.util.Locale;

/**
 * How a drift check's numbers read wherever they are shown (the report's tables and charts, the verdict's
 * reasons): each side's value in the metric's unit, to three significant digits, and the change.
 */
public final class DriftFormat {
    private DriftFormat() {}

    /**
     * One side's value: a ratio as a percent ("0.353%"), a latency (seconds in the file) in milliseconds ("473 ms"),
     * a metric named {@code *_bytes} in bytes, anything else as a number; N/A alone for no value.
     */
    public static String value(String kind, String metric, Double value) {
        if (value == null || !Double.isFinite(value)) {
            return ReportFormat.NOT_AVAILABLE;
        }
        String name = metric == null ? "" : metric.toLowerCase(Locale.ROOT);
        return switch (kind == null ? "" : kind) {
            case "ratio" -> ReportFormat.percent(value * 100, decimals(value * 100));
            case "latency" -> ReportFormat.millis(value * 1000, decimals(value * 1000));
            default -> name.endsWith("bytes") ? ReportFormat.bytes(value) : ReportFormat.number(value, decimals(value));
        };
    }

    /** {@link #value(String, String, Double)} for a check of the file. */
    public static String value(Drift drift, Double value) {
        return value(drift.kind(), drift.metric(), value);
    }

    /** "+494.9%", "-4.9%"; "rose from zero" when the baseline was zero; N/A when there is no change to tell. */
    public static String change(Double changePercent, Double baseline, Double current) {
        if (changePercent == null) {
            return baseline != null && baseline == 0 && current != null && current > 0
                    ? "rose from zero"
                    : ReportFormat.NOT_AVAILABLE;
        }
        return (changePercent > 0 ? "+" : "") + ReportFormat.percent(changePercent, 1);
    }

    /** {@link #change(Double, Double, Double)} for a check of the file. */
    public static String change(Drift drift) {
        return change(drift.changePercent(), drift.baseline(), drift.current());
    }

    /** The order checks are listed in, worst first: critical, warning, info, then anything else. */
    public static int severityRank(String severity) {
        return switch (severity == null ? "" : severity) {
            case "critical" -> 0;
            case "warning" -> 1;
            case "info" -> 2;
            default -> 3;
        };
    }

    /** Decimals that show three significant digits (none for 100 and above, at most six). */
    private static int decimals(double value) {
        if (value == 0) {
            return 0;
        }
        return (int) Math.max(0, Math.min(6, 2 - Math.floor(Math.log10(Math.abs(value)))));
    }
}
