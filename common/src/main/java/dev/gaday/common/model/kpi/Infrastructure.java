package dev.gaday.common.model.kpi;

/** Shared infrastructure KPIs; each part is null when its exporter had no data. */
public record Infrastructure(Postgres postgres, Redis redis, Cluster cluster, Network network) {

    public static Infrastructure empty() {
        return new Infrastructure(null, null, null, null);
    }

    public record Postgres(Double p50LatencyMs, Double p95LatencyMs, Double p99LatencyMs, Double maxP95LatencyMs,
            Double connectionPoolUsagePercent) {
    }

    public record Redis(Double hitRatePercent, Double memoryMb, Double connectedClients) {
    }

    public record Cluster(Double cpuPercent, Double peakCpuPercent, Double memoryPercent, Double peakMemoryPercent) {
    }

    public record Network(Double bytesIn, Double bytesOut, Double avgThroughputMbps) {
    }
}
