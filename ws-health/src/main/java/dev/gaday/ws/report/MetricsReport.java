package dev.gaday.ws.report;

import dev.gaday.common.model.FileKind;
import dev.gaday.common.model.ws.WsHealthMetrics;
import dev.gaday.common.model.ws.WsHealthMetrics.Compliance;
import dev.gaday.common.model.ws.WsHealthMetrics.Latency;
import dev.gaday.common.text.ReportFormat;
import dev.gaday.common.verdict.Criterion;
import dev.gaday.common.verdict.CriterionResult;
import dev.gaday.common.verdict.Status;
import dev.gaday.common.verdict.Verdict;
import dev.gaday.ws.stats.RunStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Turns a run's measurements into {@code ws_health_metrics.json} and its compliance verdict. */
public final class MetricsReport {
    private MetricsReport() {}

    /**
     * @param interrupted  the run was stopped (SIGTERM, Ctrl-C) before its plan ended: its compliance is
     *                     never PASS (NO_DATA, or FAIL when a criterion already failed)
     * @param plannedCycles cycles the plan had (iterations × connections); null for a --duration run
     */
    public static WsHealthMetrics build(
            String toolVersion,
            String endpoint,
            Instant startedAt,
            Instant finishedAt,
            int connections,
            String disconnectMode,
            RunStats stats,
            Thresholds thresholds,
            boolean interrupted,
            Integer plannedCycles) {
        Latency latency = stats.reconnectLatency();
        Verdict verdict = evaluate(stats, latency, thresholds);
        Status status = interrupted ? verdict.status().worse(Status.NO_DATA) : verdict.status();
        double seconds = Duration.between(startedAt, finishedAt).toNanos() / 1e9;
        return new WsHealthMetrics(
                FileKind.WS_HEALTH_METRICS.schemaVersion(),
                FileKind.WS_HEALTH_METRICS.id(),
                toolVersion,
                endpoint,
                startedAt,
                finishedAt,
                Math.round(seconds * 1000) / 1000.0,
                connections,
                stats.totalTests(),
                stats.successful(),
                stats.failed(),
                round(stats.successRatePercent()),
                latency,
                stats.applicationLatency(),
                roundMicros(stats.maxDowntimeSeconds()),
                stats.avgJitterMs(),
                round(stats.avgAttempts()),
                stats.serverDrops(),
                new Compliance(status, verdict.criteria()),
                disconnectMode,
                stats.byMode(),
                stats.phases(),
                stats.maxJitterMs(),
                stats.unfinishedCycles(),
                stats.failureReasons(),
                interrupted,
                plannedCycles,
                stats.totalTests());
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
                // No reconnect succeeded: the endpoint never came back, so the longest downtime measured is only
                // a lower bound of an outage that had not ended; never a PASS.
                stats.successful() == 0
                                && (stats.maxDowntimeSeconds() == null
                                        || stats.maxDowntimeSeconds() < thresholds.maxDowntimeSeconds())
                        ? criteria.get(3)
                                .evaluate(
                                        null,
                                        "maxDowntimeSeconds",
                                        "the endpoint was never reached again"
                                                + " after going down: the downtime had not ended"
                                                + (stats.maxDowntimeSeconds() == null
                                                        ? ""
                                                        : " (at least "
                                                                + ReportFormat.seconds(
                                                                        roundMicros(stats.maxDowntimeSeconds()), 3)
                                                                + ")"))
                        : criteria.get(3).evaluate(roundMicros(stats.maxDowntimeSeconds()), "maxDowntimeSeconds"),
                criteria.get(4).evaluate(seconds(stats.avgJitterMs()), "avgJitterMs", "no reconnect attempt"));
        return Verdict.of(results);
    }

    /** A criterion's measured value as people read it: "99.5%", "0.012 s", or "no data". */
    public static String measured(CriterionResult result) {
        return result.value() == null ? "no data" : ReportFormat.withUnit(result.value(), 3, unitSuffix(result));
    }

    /** A criterion's threshold as people read it, in the same form as the value: ">= 95%", "< 10 s". */
    public static String threshold(CriterionResult result) {
        return result.comparator().symbol() + " " + ReportFormat.withUnit(result.threshold(), 3, unitSuffix(result));
    }

    /** "%" follows the number directly; other units after a space. */
    private static String unitSuffix(CriterionResult result) {
        String unit = result.unit();
        return unit.isEmpty() || unit.equals("%") ? unit : " " + unit;
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
