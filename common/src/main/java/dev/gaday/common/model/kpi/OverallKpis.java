package dev.gaday.common.model.kpi;

import dev.gaday.common.model.Ranges;

/**
 * Fleet-wide KPIs over a window. Every value is nullable: null means no data, and the reason
 * is in the file's {@code gaps}. Counts come from {@code increase()} and may be fractional.
 */
public record OverallKpis(
        Double availabilityPercent,
        Double uptimePercent,
        Double errorRatePercent,
        Double totalRequests,
        Double totalErrors,
        Double p50LatencyMs,
        Double p95LatencyMs,
        Double p99LatencyMs,
        Double avgP50LatencyMs,
        Double avgP95LatencyMs,
        Double avgP99LatencyMs,
        Double maxP99LatencyMs,
        Double avgRps,
        Double peakRps,
        Double totalDowntimeMinutes,
        Double meanTimeToRecoveryMinutes) {

    /** Percentages from 0 to 100, everything else 0 or more; all finite (or null: no data). */
    public OverallKpis {
        availabilityPercent = Ranges.percent("availabilityPercent", availabilityPercent);
        uptimePercent = Ranges.percent("uptimePercent", uptimePercent);
        errorRatePercent = Ranges.percent("errorRatePercent", errorRatePercent);
        totalRequests = Ranges.nonNegative("totalRequests", totalRequests);
        totalErrors = Ranges.nonNegative("totalErrors", totalErrors);
        p50LatencyMs = Ranges.nonNegative("p50LatencyMs", p50LatencyMs);
        p95LatencyMs = Ranges.nonNegative("p95LatencyMs", p95LatencyMs);
        p99LatencyMs = Ranges.nonNegative("p99LatencyMs", p99LatencyMs);
        avgP50LatencyMs = Ranges.nonNegative("avgP50LatencyMs", avgP50LatencyMs);
        avgP95LatencyMs = Ranges.nonNegative("avgP95LatencyMs", avgP95LatencyMs);
        avgP99LatencyMs = Ranges.nonNegative("avgP99LatencyMs", avgP99LatencyMs);
        maxP99LatencyMs = Ranges.nonNegative("maxP99LatencyMs", maxP99LatencyMs);
        avgRps = Ranges.nonNegative("avgRps", avgRps);
        peakRps = Ranges.nonNegative("peakRps", peakRps);
        totalDowntimeMinutes = Ranges.nonNegative("totalDowntimeMinutes", totalDowntimeMinutes);
        meanTimeToRecoveryMinutes = Ranges.nonNegative("meanTimeToRecoveryMinutes", meanTimeToRecoveryMinutes);
    }

    public static OverallKpis empty() {
        return new OverallKpis(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
