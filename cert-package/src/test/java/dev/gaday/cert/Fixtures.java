package dev.gaday.cert;

import dev.gaday.common.io.AtomicFiles;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.FileKind;
import dev.gaday.common.model.kpi.Certification;
import dev.gaday.common.model.kpi.DataGap;
import dev.gaday.common.model.kpi.Infrastructure;
import dev.gaday.common.model.kpi.KpiSnapshot;
import dev.gaday.common.model.kpi.KpiSummary;
import dev.gaday.common.model.kpi.KubernetesStatus;
import dev.gaday.common.model.kpi.Observability;
import dev.gaday.common.model.kpi.OverallKpis;
import dev.gaday.common.model.kpi.ServiceKpis;
import dev.gaday.common.model.kpi.Window;
import dev.gaday.common.model.ws.WsHealthMetrics;
import dev.gaday.common.verdict.Comparator;
import dev.gaday.common.verdict.Criterion;
import dev.gaday.common.verdict.CriterionResult;
import dev.gaday.common.verdict.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A full, realistic input set built from the records the tools write: a 24-hour window of hourly
 * snapshots with an incident at 14:00 (availability and latency dip), a KPI summary with its
 * criteria, a WebSocket run and a release file.
 */
public final class Fixtures {
    public static final Instant START = Instant.parse("2026-11-22T00:00:00Z");
    public static final Instant END = Instant.parse("2026-11-23T00:00:00Z");
    public static final int INCIDENT_HOUR = 14;

    private Fixtures() {}

    /** A service with the given availability, its error rate the rest, the other figures fixed. */
    public static ServiceKpis service(String name, double availability) {
        return new ServiceKpis(
                name,
                availability,
                100.0,
                1000.0,
                1.0,
                100 - availability,
                10.0,
                20.0,
                300.0,
                400.0,
                1.0,
                null,
                null,
                null,
                null,
                null);
    }

    public static List<KpiSnapshot> snapshots() {
        List<KpiSnapshot> snapshots = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            boolean incident = hour == INCIDENT_HOUR;
            double availability = incident ? 98.7 : 99.95 + (hour % 3) * 0.01;
            double errorRate = incident ? 1.3 : 0.03 + (hour % 4) * 0.005;
            double p99 = incident ? 870 : 310 + (hour % 5) * 12;
            OverallKpis overall = new OverallKpis(
                    availability,
                    100.0,
                    errorRate,
                    36000.0 + hour * 10,
                    36000.0 * errorRate / 100,
                    40.0,
                    120.0,
                    p99,
                    40.0,
                    120.0,
                    p99,
                    p99,
                    10.0,
                    14.0,
                    0.0,
                    null);
            Window window =
                    new Window(START.plus(Duration.ofHours(hour)), START.plus(Duration.ofHours(hour + 1)), 3600);
            snapshots.add(
                    new KpiSnapshot(1, FileKind.KPI_SNAPSHOT.id(), hour + 1, window, overall, List.of(), List.of()));
        }
        return snapshots;
    }

    public static KpiSummary summary(String serviceName) {
        OverallKpis overall = new OverallKpis(
                99.894, 99.95, 0.087, 864_123.4, 751.8, 41.2, 118.9, 402.5, 40.8, 119.3, 333.1, 870.0, 10.0, 21.5, 45.0,
                6.25, 12.5, 45.0, 1210.0);
        List<ServiceKpis> services = List.of(
                new ServiceKpis(
                        serviceName,
                        99.91,
                        99.97,
                        500_000.0,
                        400.0,
                        0.08,
                        35.0,
                        110.0,
                        380.0,
                        720.0,
                        15.0,
                        0.42,
                        21.0,
                        512.0,
                        50.0,
                        null),
                new ServiceKpis(
                        "checkout-api",
                        99.87,
                        99.9,
                        364_123.4,
                        351.8,
                        0.0966,
                        48.0,
                        130.0,
                        430.0,
                        910.0,
                        8.0,
                        1.1,
                        55.0,
                        1024.0,
                        62.5,
                        null),
                new ServiceKpis(
                        "batch-worker",
                        null,
                        null,
                        0.0,
                        0.0,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        0.2,
                        10.0,
                        256.0,
                        25.0,
                        "zero traffic in the window"));
        Infrastructure infra = new Infrastructure(
                new Infrastructure.Postgres(3.1, 12.4, 40.2, 55.9, 37.5),
                new Infrastructure.Redis(97.25, 812.3, 41.0),
                new Infrastructure.Cluster(38.4, 71.2, 55.6, 68.9),
                new Infrastructure.Network(12_345_678_901.0, 23_456_789_012.0, 3.47));
        KubernetesStatus k8s = new KubernetesStatus(
                true,
                "prod",
                null,
                List.of(
                        new KubernetesStatus.DeploymentRollout(serviceName, 3, 3, 3, true, null),
                        new KubernetesStatus.DeploymentRollout("checkout-api", 4, 4, 4, true, null)),
                List.of(),
                List.of());
        Observability obs = new Observability(99.99, 152_340.0, 8123.4, 15.0, 7, 1, 6);
        List<CriterionResult> criteria = List.of(
                Criterion.of("availability", Comparator.GREATER_OR_EQUAL, 99.5, "%")
                        .evaluate(overall.availabilityPercent(), "overall.availabilityPercent"),
                Criterion.of("error rate", Comparator.LESS, 0.1, "%")
                        .evaluate(overall.errorRatePercent(), "overall.errorRatePercent"),
                Criterion.of("max p99 latency", Comparator.LESS, 1000, "ms")
                        .evaluate(overall.maxP99LatencyMs(), "overall.maxP99LatencyMs"),
                Criterion.of("redis hit rate", Comparator.GREATER_OR_EQUAL, 95, "%")
                        .evaluate(97.25, "infrastructure.redis.hitRatePercent"));
        return new KpiSummary(
                1,
                FileKind.KPI_SUMMARY.id(),
                "0.1.0",
                END.plusSeconds(60),
                false,
                new Window(START, END, 3600),
                overall,
                services,
                infra,
                k8s,
                obs,
                Certification.of(Verdict.of(criteria)),
                List.of(new DataGap("services[].availabilityPercent", null, null, null, "batch-worker: zero traffic")),
                Map.of("overall.availabilityPercent", "sum(rate(http_requests_total{code!~\"5..\"}[5m]))"));
    }

    public static WsHealthMetrics ws(String endpoint, boolean pass) {
        List<CriterionResult> requirements = List.of(
                Criterion.of("reconnect success rate", Comparator.GREATER_OR_EQUAL, 95, "%")
                        .evaluate(pass ? 98.5 : 90.0, "successRatePercent"),
                Criterion.of("avg reconnect latency", Comparator.LESS, 10_000, "ms")
                        .evaluate(412.3, "latencyMs.avg"),
                Criterion.of("p99 reconnect latency", Comparator.LESS, 30_000, "ms")
                        .evaluate(2210.0, "latencyMs.p99"),
                Criterion.of("max downtime", Comparator.LESS, 60, "s").evaluate(4.75, "maxDowntimeSeconds"),
                Criterion.of("avg jitter", Comparator.LESS, 2000, "ms")
                        .warningOnly(true)
                        .evaluate(2300.0, "avgJitterMs"));
        Verdict verdict = Verdict.of(requirements);
        return new WsHealthMetrics(
                1,
                FileKind.WS_HEALTH_METRICS.id(),
                "0.1.0",
                endpoint,
                START.plus(Duration.ofHours(10)),
                START.plus(Duration.ofHours(11)),
                3600.0,
                5,
                200,
                pass ? 197 : 180,
                pass ? 3 : 20,
                pass ? 98.5 : 90.0,
                new WsHealthMetrics.Latency(412.3, 380.0, 1200.0, 2210.0, 2900.0),
                WsHealthMetrics.Latency.none(),
                4.75,
                2300.0,
                1.2,
                new WsHealthMetrics.ServerDrops(4, 4, 700.0, 1500.0),
                new WsHealthMetrics.Compliance(verdict.status(), requirements),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    public static final String RELEASE_YAML =
            """
            version: "2.4.0"
            name: "Checkout 2.4.0"
            pipelineRunId: "run-4242"
            hotfixes:
              - {id: HF-101, title: "WebSocket auto-reconnect", status: validated}
            timeline:
              - {time: "2026-11-21T09:00:00Z", phase: pre, event: "Go/no-go meeting", status: done}
              - {time: "2026-11-22T00:00:00Z", phase: ga, event: "Traffic switched to 2.4.0", status: done, notes: "100% rollout"}
              - {time: "2026-11-22T14:05:00Z", phase: ga, event: "Error spike on checkout-api", status: mitigated}
              - {time: "2026-11-23T09:00:00Z", phase: post, event: "Retrospective", status: planned}
            incidents:
              - id: INC-7
                time: "2026-11-22T14:05:00Z"
                severity: SEV-2
                title: "Checkout errors after cache flush"
                status: resolved
                mttrMinutes: 38
                details: "5xx on checkout-api for 38 minutes"
                rootCause: "cache stampede after a config push"
                remediation: "request coalescing enabled"
            actionItems:
              - {horizon: immediate, title: "Add cache stampede alert", owner: "sre", due: "2026-11-24"}
              - {horizon: short-term, title: "Load test cache flush", owner: "qa"}
              - {horizon: long-term, title: "Move to tiered cache"}
            lessons:
              wentWell: ["Rollback plan rehearsed"]
              toImprove: ["Config pushes during GA"]
              processImprovements: ["Freeze config on GA day"]
            rollback:
              plan: ["Switch traffic back to 2.3.9", "Restore the cache snapshot"]
              testStatus: "Rehearsed on staging"
              timeEstimateMinutes: 12
              dataMigrationReversible: true
            signOff:
              ENG_LEAD: {name: "Ada Lovelace", signature: "approved", date: "2026-11-23"}
              RELEASE_MANAGER: {name: "Grace Hopper", signature: "approved", date: "2026-11-23"}
            links:
              INSERT_GRAFANA_DASHBOARD_LINKS:
                - {title: "Fleet overview", url: "https://grafana.example.com/d/fleet"}
            values:
              CANARY_TRAFFIC_PERCENT: 5
              INSERT_CANARY_BASELINE_COMPARISON:
                - ["error rate", "0.05%", "0.06%", "+0.01", "PASS"]
            bindings:
              FRONTEND_AVAILABILITY: "ga_kpi_summary.json:services[name=checkout-api].availabilityPercent"
              COST_PER_1M_REQUESTS: "literal:0.42"
            """;

    /** Writes a full input set into dir: summary, snapshots, ws metrics, release.yaml. */
    public static void writeInputs(Path dir, String serviceName, boolean wsPass) {
        Json.writeFile(dir.resolve("ga_kpi_summary.json"), summary(serviceName));
        for (KpiSnapshot snapshot : snapshots()) {
            Json.writeFile(dir.resolve(KpiSnapshot.fileName(snapshot.sequence())), snapshot);
        }
        Json.writeFile(dir.resolve("ws_health_metrics.json"), ws("wss://ws.example.com/live", wsPass));
        AtomicFiles.writeString(dir.resolve("release.yaml"), RELEASE_YAML);
    }

    /** Writes the sample input set the benchmark uses: {@code java ... Fixtures DIR}. */
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        writeInputs(dir, "web-frontend", true);
    }
}
