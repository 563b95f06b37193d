package dev.gaday.common.model.kpi;

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

    public static OverallKpis empty() {
        return new OverallKpis(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }
}
