package dev.gaday.common.model.kpi;

import dev.gaday.common.model.Ranges;

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
        // cpuPercent and memoryPercent are of a limit or request, which usage may exceed: 0 or more only.
        availabilityPercent = Ranges.percent("availabilityPercent", availabilityPercent);
        uptimePercent = Ranges.percent("uptimePercent", uptimePercent);
        requests = Ranges.nonNegative("requests", requests);
        errors = Ranges.nonNegative("errors", errors);
        errorRatePercent = Ranges.percent("errorRatePercent", errorRatePercent);
        p50LatencyMs = Ranges.nonNegative("p50LatencyMs", p50LatencyMs);
        p95LatencyMs = Ranges.nonNegative("p95LatencyMs", p95LatencyMs);
        p99LatencyMs = Ranges.nonNegative("p99LatencyMs", p99LatencyMs);
        p999LatencyMs = Ranges.nonNegative("p999LatencyMs", p999LatencyMs);
        peakRps = Ranges.nonNegative("peakRps", peakRps);
        cpuCores = Ranges.nonNegative("cpuCores", cpuCores);
        cpuPercent = Ranges.nonNegative("cpuPercent", cpuPercent);
        memoryMb = Ranges.nonNegative("memoryMb", memoryMb);
        memoryPercent = Ranges.nonNegative("memoryPercent", memoryPercent);
    }
}
