package dev.gaday.kpi.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.model.kpi.KubernetesStatus;
import dev.gaday.common.model.kpi.ServiceKpis;
import dev.gaday.common.model.kpi.Window;
import dev.gaday.common.verdict.Status;
import dev.gaday.common.verdict.Verdict;
import dev.gaday.kpi.config.KpiConfig;
import dev.gaday.kpi.config.KpiConfigLoader;
import dev.gaday.kpi.config.QueryKey;
import dev.gaday.kpi.query.Evaluation;
import dev.gaday.kpi.query.Evaluation.LabeledValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The computation from query values to KPIs and verdict, on hand-made evaluations. */
class KpiCalculatorTest {
    static final KpiConfig CONFIG = KpiConfigLoader.load(null);
    static final Window WINDOW =
            new Window(Instant.parse("2026-06-01T00:00:00Z"), Instant.parse("2026-06-02T00:00:00Z"), 300);

    static LabeledValue service(String name, double value) {
        return new LabeledValue(Map.of("service", name), value);
    }

    static Evaluation evaluation() {
        Evaluation e = new Evaluation(WINDOW.end());
        for (QueryKey key : QueryKey.values()) {
            e.add(key, CONFIG.render(key, 86400), List.of(), null);
        }
        return e;
    }

    @Test
    void zeroTrafficAndMissingSeriesAreNoDataWithTheirReason() {
        Evaluation e = evaluation();
        e.add(QueryKey.REQUESTS, "r", List.of(service("busy", 1000), service("idle", 0)), null);
        e.add(QueryKey.ERRORS, "e", List.of(), null);
        e.add(
                QueryKey.LATENCY_BUCKETS,
                "b",
                List.of(
                        new LabeledValue(Map.of("service", "busy", "le", "0.1"), 990),
                        new LabeledValue(Map.of("service", "busy", "le", "+Inf"), 1000),
                        new LabeledValue(Map.of("service", "ghost", "le", "+Inf"), 0)),
                null);
        WindowKpis kpis = new KpiCalculator(CONFIG).compute(WINDOW, e);
        ServiceKpis busy = kpis.services().get(0);
        assertEquals("busy", busy.name());
        assertEquals(100.0, busy.availabilityPercent());
        assertEquals(0.0, busy.errors(), "no error series means no errors");
        ServiceKpis ghost = kpis.services().get(1);
        assertTrue(ghost.noDataReason().startsWith("no series"), ghost.noDataReason());
        ServiceKpis idle = kpis.services().get(2);
        assertNull(idle.availabilityPercent());
        assertTrue(idle.noDataReason().startsWith("zero traffic"));

        Verdict verdict = new KpiCriteria(CONFIG.thresholds())
                .certify(
                        kpis.overall(),
                        kpis.services(),
                        99.0,
                        KubernetesStatus.unavailable("none"),
                        false,
                        kpis.gaps(),
                        kpis.queries());
        assertEquals(Status.NO_DATA, verdict.status());
        assertEquals(3, verdict.exitCode().code());
        assertEquals(Status.PASS, verdict.criteria().get(0).status());
    }

    @Test
    void aFailedQueryIsAGapAndNoDataNeverAPass() {
        Evaluation e = evaluation();
        e.add(QueryKey.REQUESTS, "r", List.of(), "source unreachable: connection refused");
        WindowKpis kpis = new KpiCalculator(CONFIG).compute(WINDOW, e);
        assertTrue(kpis.gaps().stream()
                .anyMatch(
                        g -> g.field().equals("queries.requests") && g.reason().startsWith("source unreachable")));
        Verdict verdict = new KpiCriteria(CONFIG.thresholds())
                .certify(
                        kpis.overall(),
                        kpis.services(),
                        99.0,
                        KubernetesStatus.unavailable("none"),
                        false,
                        kpis.gaps(),
                        kpis.queries());
        assertEquals(Status.NO_DATA, verdict.criteria().get(0).status());
        assertTrue(verdict.criteria().get(0).reason().startsWith("source unreachable"));
    }

    @Test
    void kubernetesCountsOnlyWhenRequired() {
        Evaluation e = evaluation();
        e.add(QueryKey.REQUESTS, "r", List.of(service("a", 1000)), null);
        e.add(
                QueryKey.LATENCY_BUCKETS,
                "b",
                List.of(
                        new LabeledValue(Map.of("service", "a", "le", "0.1"), 1000),
                        new LabeledValue(Map.of("service", "a", "le", "+Inf"), 1000)),
                null);
        WindowKpis kpis = new KpiCalculator(CONFIG).compute(WINDOW, e);
        KpiCriteria criteria = new KpiCriteria(CONFIG.thresholds());
        KubernetesStatus none = KubernetesStatus.unavailable("no cluster configured");
        assertEquals(
                Status.PASS,
                criteria.certify(kpis.overall(), kpis.services(), 99.0, none, false, kpis.gaps(), kpis.queries())
                        .status());
        Verdict required =
                criteria.certify(kpis.overall(), kpis.services(), 99.0, none, true, kpis.gaps(), kpis.queries());
        assertEquals(Status.NO_DATA, required.status());
        KubernetesStatus stuck = new KubernetesStatus(
                true,
                "ns",
                null,
                List.of(new KubernetesStatus.DeploymentRollout("a", 3, 1, 2, false, "stuck")),
                List.of(),
                List.of());
        assertEquals(
                Status.FAIL,
                criteria.certify(kpis.overall(), kpis.services(), 99.0, stuck, true, kpis.gaps(), kpis.queries())
                        .status());
    }

    @Test
    void snapshotsGetTheSameKpisWithoutTheQueryStrings() {
        Evaluation e = evaluation();
        e.add(
                QueryKey.REQUESTS,
                "sum by (service) (increase(r[300s]))",
                List.of(service("a", 1000), service("b", 10)),
                null);
        e.add(QueryKey.ERRORS, "sum by (service) (increase(e[300s]))", List.of(service("a", 2)), null);
        e.add(
                QueryKey.LATENCY_BUCKETS,
                "sum by (service, le) (increase(b[300s]))",
                List.of(
                        new LabeledValue(Map.of("service", "a", "le", "0.1"), 900),
                        new LabeledValue(Map.of("service", "a", "le", "+Inf"), 1000),
                        new LabeledValue(Map.of("service", "b", "le", "+Inf"), 10),
                        new LabeledValue(Map.of("service", "b", "le", "0.1"), 5)),
                null);
        KpiCalculator calculator = new KpiCalculator(CONFIG);

        WindowKpis summary = calculator.compute(WINDOW, e);
        WindowKpis snapshot = calculator.compute(WINDOW, e, false);

        assertEquals(summary.overall(), snapshot.overall());
        assertEquals(summary.services(), snapshot.services());
        assertEquals(summary.infrastructure(), snapshot.infrastructure());
        assertEquals(summary.observability(), snapshot.observability());
        assertEquals(summary.gaps(), snapshot.gaps());
        assertTrue(snapshot.queries().isEmpty());
        assertEquals(99.8, summary.services().get(0).availabilityPercent(), 1e-9);
        assertEquals(
                "1000 * histogram_quantile(0.99, sum by (le) (sum by (service, le) (increase(b[300s]))))",
                summary.queries().get("overall.p99LatencyMs"));
        assertEquals(
                "100 * ((sum by (service) (increase(e[300s]))) or (sum by (service) (increase(r[300s]))) * 0)"
                        + " / (sum by (service) (increase(r[300s])))",
                summary.queries().get("services[].errorRatePercent"));
    }
}
