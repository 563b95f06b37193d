package dev.gaday.ws.report;

import dev.gaday.common.model.FileKind;
import dev.gaday.common.model.ws.WsHealthMetrics;
import dev.gaday.common.model.ws.WsHealthMetrics.Compliance;
import dev.gaday.common.model.ws.WsHealthMetrics.Latency;
import dev.gaday.common.verdict.Criterion;
import dev.gaday.common.verdict.CriterionResult;
import dev.gaday.common.verdict.Verdict;
import dev.gaday.ws.stats.RunStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Turns a run's measurements into {@code ws_health_metrics.json} and its compliance verdict. */
public final class MetricsReport {
    private MetricsReport() {
    }

    public static WsHealthMetrics build(String toolVersion, String endpoint, Instant startedAt, Instant finishedAt,
            int connections, String disconnectMode, RunStats stats, Thresholds thresholds) {
        Latency latency = stats.reconnectLatency();
        Verdict verdict = evaluate(stats, latency, thresholds);
        double seconds = Duration.between(startedAt, finishedAt).toNanos() / 1e9;
        return new WsHealthMetrics(FileKind.WS_HEALTH_METRICS.schemaVersion(), FileKind.WS_HEALTH_METRICS.id(),
                toolVersion, endpoint, startedAt, finishedAt, Math.round(seconds * 1000) / 1000.0, connections,
                stats.totalTests(), stats.successful(), stats.failed(), round(stats.successRatePercent()),
                latency, stats.applicationLatency(), roundMicros(stats.maxDowntimeSeconds()), stats.avgJitterMs(),
                round(stats.avgAttempts()), stats.serverDrops(), new Compliance(verdict.status(), verdict.criteria()),
                disconnectMode, stats.byMode(), stats.phases(), stats.maxJitterMs(), stats.unfinishedCycles(),
                stats.failureReasons());
    }

    static Verdict evaluate(RunStats stats, Latency latency, Thresholds thresholds) {
        if (stats.totalTests() == 0) {
            List<CriterionResult> none = new ArrayList<>();
            for (Criterion criterion : thresholds.criteria()) {
                none.add(criterion.evaluate(null, null, "no reconnect cycle completed"));
            }
            return Verdict.of(none);
        }
        String noLatency = "no reconnect succeeded";
        List<Criterion> criteria = thresholds.criteria();
        List<CriterionResult> results = List.of(
                criteria.get(0).evaluate(stats.successRatePercent(), "successRatePercent"),
                criteria.get(1).evaluate(seconds(latency.avg()), "latencyMs.avg", noLatency),
                criteria.get(2).evaluate(seconds(latency.p99()), "latencyMs.p99", noLatency),
                criteria.get(3).evaluate(roundMicros(stats.maxDowntimeSeconds()), "maxDowntimeSeconds"),
                criteria.get(4).evaluate(seconds(stats.avgJitterMs()), "avgJitterMs", "no reconnect attempt"));
        return Verdict.of(results);
    }

    private static Double seconds(Double millis) {
        return millis == null ? null : millis / 1000.0;
    }

    /** Seconds to the microsecond, the resolution of the latencies. */
    private static Double roundMicros(Double seconds) {
        return seconds == null ? null : Math.round(seconds * 1e6) / 1e6;
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 1000) / 1000.0;
    }
}
