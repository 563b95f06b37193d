package dev.gaday.common.model.kpi;

import dev.gaday.common.model.Ranges;

/** Shared infrastructure KPIs; each part is null when its exporter had no data. */
public record Infrastructure(Postgres postgres, Redis redis, Cluster cluster, Network network) {

    public static Infrastructure empty() {
        return new Infrastructure(null, null, null, null);
    }

    public record Postgres(
            Double p50LatencyMs,
            Double p95LatencyMs,
            Double p99LatencyMs,
            Double maxP95LatencyMs,
            Double connectionPoolUsagePercent) {
        public Postgres {
            p50LatencyMs = Ranges.nonNegative("p50LatencyMs", p50LatencyMs);
            p95LatencyMs = Ranges.nonNegative("p95LatencyMs", p95LatencyMs);
            p99LatencyMs = Ranges.nonNegative("p99LatencyMs", p99LatencyMs);
            maxP95LatencyMs = Ranges.nonNegative("maxP95LatencyMs", maxP95LatencyMs);
            connectionPoolUsagePercent = Ranges.nonNegative("connectionPoolUsagePercent", connectionPoolUsagePercent);
        }
    }

    public record Redis(Double hitRatePercent, Double memoryMb, Double connectedClients) {
        public Redis {
            hitRatePercent = Ranges.percent("hitRatePercent", hitRatePercent);
            memoryMb = Ranges.nonNegative("memoryMb", memoryMb);
            connectedClients = Ranges.nonNegative("connectedClients", connectedClients);
        }
    }

    public record Cluster(Double cpuPercent, Double peakCpuPercent, Double memoryPercent, Double peakMemoryPercent) {
        public Cluster {
            cpuPercent = Ranges.nonNegative("cpuPercent", cpuPercent);
            peakCpuPercent = Ranges.nonNegative("peakCpuPercent", peakCpuPercent);
            memoryPercent = Ranges.nonNegative("memoryPercent", memoryPercent);
            peakMemoryPercent = Ranges.nonNegative("peakMemoryPercent", peakMemoryPercent);
        }
    }

    public record Network(Double bytesIn, Double bytesOut, Double avgThroughputMbps) {
        public Network {
            bytesIn = Ranges.nonNegative("bytesIn", bytesIn);
            bytesOut = Ranges.nonNegative("bytesOut", bytesOut);
            avgThroughputMbps = Ranges.nonNegative("avgThroughputMbps", avgThroughputMbps);
        }
    }
}
