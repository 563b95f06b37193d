package dev.gaday.common.model.kpi;

/**
 * One service's KPIs over a window. {@code noDataReason} says why availability could not be
 * computed (no series, zero traffic, query error), when it could not.
 */
public record ServiceKpis(
        String name,
        Double availabilityPercent,
        Double uptimePercent,
        Double requests,
        Double errors,
        Double errorRatePercent,
        Double p50LatencyMs,
        Double p95LatencyMs,
        Double p99LatencyMs,
        Double p999LatencyMs,
        Double peakRps,
        Double cpuCores,
        Double cpuPercent,
        Double memoryMb,
        Double memoryPercent,
        String noDataReason) {
    public ServiceKpis {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("services[].name must not be empty");
        }
    }
}
