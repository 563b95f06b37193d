package dev.gaday.common.model.ws;

import dev.gaday.common.model.FileKind;
import dev.gaday.common.model.Ranges;
import dev.gaday.common.verdict.CriterionResult;
import dev.gaday.common.verdict.Status;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code ws_health_metrics.json}: the outcome of a WebSocket reconnect validation run. Field names
 * are a contract (docs/schema/ws-health-metrics.md). Latencies are reconnect latencies: from
 * the forced disconnect until the connection (or, with an expected reply, the application)
 * answers again.
 */
public record WsHealthMetrics(
        int schemaVersion,
        String kind,
        String toolVersion,
        String endpoint,
        Instant startedAt,
        Instant finishedAt,
        double testDurationSeconds,
        int connections,
        int totalTests,
        int successful,
        int failed,
        Double successRatePercent,
        Latency latencyMs,
        Latency applicationLatencyMs,
        Double maxDowntimeSeconds,
        Double avgJitterMs,
        Double avgAttempts,
        ServerDrops serverInitiatedDrops,
        Compliance compliance,
        // Added after schema 1's first draft; all optional for readers (null when absent).
        String disconnectMode,
        Map<String, ModeStats> byDisconnectMode,
        Phases phasesMs,
        Double maxJitterMs,
        Integer unfinishedCycles,
        Map<String, Integer> failureReasons,
        // Schema 1, later still: whether the run was stopped before its plan ended (SIGTERM, Ctrl-C),
        // and how many cycles it planned and completed. A reader treats an interrupted run as partial
        // evidence: it never certifies. Null in files written before these fields existed.
        Boolean interrupted,
        Integer plannedCycles,
        Integer completedCycles) {

    /** Whether the run ended before its plan did: its figures are partial evidence. */
    public boolean wasInterrupted() {
        return Boolean.TRUE.equals(interrupted);
    }

    public WsHealthMetrics {
        FileKind.WS_HEALTH_METRICS.check(schemaVersion, kind);
        if (endpoint == null || endpoint.isBlank()) {
            throw new IllegalArgumentException("endpoint is required");
        }
        if (totalTests < 0 || successful < 0 || failed < 0 || successful + failed != totalTests) {
            throw new IllegalArgumentException("successful (" + successful + ") + failed (" + failed
                    + ") must equal totalTests (" + totalTests + ")");
        }
        Objects.requireNonNull(compliance, "compliance");
        Ranges.nonNegative("testDurationSeconds", testDurationSeconds);
        Ranges.nonNegative("connections", connections);
        successRatePercent = Ranges.percent("successRatePercent", successRatePercent);
        maxDowntimeSeconds = Ranges.nonNegative("maxDowntimeSeconds", maxDowntimeSeconds);
        avgJitterMs = Ranges.nonNegative("avgJitterMs", avgJitterMs);
        avgAttempts = Ranges.nonNegative("avgAttempts", avgAttempts);
        maxJitterMs = Ranges.nonNegative("maxJitterMs", maxJitterMs);
        unfinishedCycles = Ranges.nonNegative("unfinishedCycles", unfinishedCycles);
        if (failureReasons != null) {
            failureReasons.forEach((reason, count) -> Ranges.nonNegative("failureReasons." + reason, count));
        }
        byDisconnectMode = byDisconnectMode == null ? null : Map.copyOf(byDisconnectMode);
        failureReasons = failureReasons == null ? null : Map.copyOf(failureReasons);
        if (plannedCycles != null && plannedCycles < 0 || completedCycles != null && completedCycles < 0) {
            throw new IllegalArgumentException("plannedCycles and completedCycles must not be negative");
        }
    }

    /** Latency statistics in milliseconds; all null when nothing succeeded. {@code min} was added later. */
    public record Latency(Double avg, Double p50, Double p95, Double p99, Double max, Double min) {
        public Latency {
            avg = Ranges.nonNegative("avg", avg);
            p50 = Ranges.nonNegative("p50", p50);
            p95 = Ranges.nonNegative("p95", p95);
            p99 = Ranges.nonNegative("p99", p99);
            max = Ranges.nonNegative("max", max);
            min = Ranges.nonNegative("min", min);
        }

        public Latency(Double avg, Double p50, Double p95, Double p99, Double max) {
            this(avg, p50, p95, p99, max, null);
        }

        public static Latency none() {
            return new Latency(null, null, null, null, null, null);
        }
    }

    /** Disconnects the server started on its own during the run, measured like forced ones. */
    public record ServerDrops(int count, int recovered, Double avgRecoveryMs, Double maxRecoveryMs) {
        public ServerDrops {
            Ranges.nonNegative("count", count);
            Ranges.nonNegative("recovered", recovered);
            avgRecoveryMs = Ranges.nonNegative("avgRecoveryMs", avgRecoveryMs);
            maxRecoveryMs = Ranges.nonNegative("maxRecoveryMs", maxRecoveryMs);
        }
    }

    /** The cycles of one kind of disconnect: "close" (close frame), "drop" (abrupt TCP drop), "outage" (already down). */
    public record ModeStats(int totalTests, int successful, int failed, Latency latencyMs) {
        public ModeStats {
            Ranges.nonNegative("totalTests", totalTests);
            Ranges.nonNegative("successful", successful);
            Ranges.nonNegative("failed", failed);
        }
    }

    /** Where a successful connect spent its time: TCP connect, TLS handshake (null for ws://), HTTP upgrade. */
    public record Phases(Latency tcpConnect, Latency tlsHandshake, Latency upgrade) {}

    public record Compliance(Status status, List<CriterionResult> requirements) {
        public Compliance {
            Objects.requireNonNull(status, "compliance.status");
            requirements = requirements == null ? List.of() : List.copyOf(requirements);
        }
    }
}
