package dev.gaday.kpi.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.error.ToolException;
import dev.gaday.common.model.kpi.Infrastructure;
import dev.gaday.common.model.kpi.KpiSnapshot;
import dev.gaday.common.model.kpi.KubernetesStatus;
import dev.gaday.common.model.kpi.OverallKpis;
import dev.gaday.common.model.kpi.ServiceKpis;
import dev.gaday.common.model.kpi.Window;
import dev.gaday.common.verdict.CriterionResult;
import dev.gaday.common.verdict.Status;
import dev.gaday.common.verdict.Verdict;
import dev.gaday.kpi.config.KpiConfig;
import dev.gaday.kpi.config.KpiConfigLoader;
import dev.gaday.kpi.config.QueryKey;
import dev.gaday.kpi.query.Evaluation;
import dev.gaday.kpi.query.Evaluation.LabeledValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Labels per metric family, criteria on/off/warning, per-service overrides, down time and worst interval p99. */
class ShapedCriteriaTest {
    static final Window WINDOW = KpiCalculatorTest.WINDOW;

    @TempDir
    Path temp;

    private KpiConfig config(String yaml) throws IOException {
        Path file = temp.resolve("c" + System.nanoTime() + ".yaml");
        Files.writeString(file, yaml);
        return KpiConfigLoader.load(file);
    }

    private static Evaluation evaluation(KpiConfig config) {
        Evaluation e = new Evaluation(WINDOW.end());
        for (QueryKey key : QueryKey.values()) {
            e.add(key, config.render(key, 86400), List.of(), null);
        }
        return e;
    }

    private static LabeledValue series(double value, String... labels) {
        java.util.Map<String, String> map = new java.util.HashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            map.put(labels[i], labels[i + 1]);
        }
        return new LabeledValue(map, value);
    }

    /** A fleet of "api" (p99 in (0.1, 0.25] s) and "batch" (p99 in (2.5, 5] s), no Redis, no Postgres. */
    private static Evaluation fleet(KpiConfig config, String label) {
        Evaluation e = evaluation(config);
        e.add(QueryKey.REQUESTS, "r", List.of(series(10000, label, "api"), series(1000, label, "batch")), null);
        e.add(
                QueryKey.LATENCY_BUCKETS,
                "b",
                List.of(
                        series(9950, label, "api", "le", "0.1"),
                        series(10000, label, "api", "le", "0.25"),
                        series(10000, label, "api", "le", "+Inf"),
                        series(900, label, "batch", "le", "2.5"),
                        series(1000, label, "batch", "le", "5"),
                        series(1000, label, "batch", "le", "+Inf")),
                null);
        return e;
    }

    @Test
    void theDefaultsFindTheServiceInJobWhenThereIsNoServiceLabel() {
        KpiConfig config = KpiConfigLoader.load(null);
        Evaluation e = fleet(config, "job");
        // up and process_* by job/instance only, as kube-prometheus-stack and plain scrape configs label them.
        e.add(
                QueryKey.UPTIME_PERCENT,
                "u",
                List.of(series(100, "job", "api"), series(50, "job", "batch"), series(100, "job", "postgres-exporter")),
                null);
        e.add(QueryKey.MEMORY_BYTES, "m", List.of(series(1048576, "job", "api")), null);
        WindowKpis kpis = new KpiCalculator(config).compute(WINDOW, e);
        assertEquals(
                List.of("api", "batch"),
                kpis.services().stream().map(ServiceKpis::name).toList());
        assertEquals(100.0, kpis.services().get(0).uptimePercent());
        assertEquals(1.0, kpis.services().get(0).memoryMb());
        // Every null has a gap naming the labels looked at.
        assertNull(kpis.services().get(1).memoryMb());
        assertTrue(
                kpis.gaps().stream()
                        .anyMatch(g -> g.field().equals("services[batch].memoryMb")
                                && g.reason().contains("service or job = \"batch\"")),
                kpis.gaps().toString());
        assertTrue(kpis.gaps().stream().anyMatch(g -> g.field().equals("services[api].cpuCores")));
        assertFalse(kpis.gaps().stream().anyMatch(g -> g.field().equals("services[api].uptimePercent")));
    }

    @Test
    void aFamilyMayNameItsOwnLabel() throws IOException {
        KpiConfig config = config(
                """
                labels:
                  service: app
                  serviceByFamily: {up: [job]}
                """);
        assertEquals("100 * avg by (job) (avg_over_time(up{}[300s]))", config.render(QueryKey.UPTIME_PERCENT, 300));
        assertTrue(config.render(QueryKey.REQUESTS, 300).startsWith("sum by (app) ("));
        ToolException bad = assertThrows(
                ToolException.class,
                () -> config(
                        """
                labels:
                  serviceByFamily: {upp: [job]}
                """));
        assertTrue(bad.getMessage().contains("labels.serviceByFamily.upp: unknown family"), bad.getMessage());
    }

    @Test
    void redisAndPostgresOffMakeAHealthyFleetWithoutThemPass() throws IOException {
        KpiConfig defaults = KpiConfigLoader.load(null);
        WindowKpis kpis = new KpiCalculator(defaults).compute(WINDOW, fleet(defaults, "service"));
        Verdict byDefault = verdict(defaults, kpis);
        // The batch service's p99 (about 4.75 s) fails the fleet's 1 s; Redis is missing.
        assertEquals(Status.FAIL, byDefault.status());
        assertEquals(
                Status.NO_DATA, result(byDefault, KpiCriteria.REDIS_HIT_RATE).status());

        KpiConfig shaped = config(
                """
                criteria:
                  redisHitRate: off
                  postgresP99Latency: off
                  maxP99Latency: warning
                services:
                  batch: {maxP99LatencyMs: 6000}
                """);
        Verdict verdict = verdict(shaped, new KpiCalculator(shaped).compute(WINDOW, fleet(shaped, "service")));
        assertFalse(verdict.criteria().stream().anyMatch(c -> c.name().equals(KpiCriteria.REDIS_HIT_RATE)));
        assertEquals(Status.WARN, result(verdict, KpiCriteria.MAX_P99_LATENCY).status());
        CriterionResult batch = result(verdict, KpiCriteria.serviceCriterion("batch", "p99 latency"));
        assertEquals(Status.PASS, batch.status());
        assertEquals(6000.0, batch.threshold());
        assertEquals(
                1000.0,
                result(verdict, KpiCriteria.serviceCriterion("api", "p99 latency"))
                        .threshold());
        assertEquals(Status.WARN, verdict.status());
        assertEquals(0, verdict.exitCode().code());
    }

    @Test
    void aWarningOnlyCriterionWithoutDataWarnsAndPostgresCanGate() throws IOException {
        KpiConfig config = config(
                """
                criteria: {redisHitRate: warning, postgresP99Latency: on, perService: off, maxP99Latency: off}
                """);
        WindowKpis kpis = new KpiCalculator(config).compute(WINDOW, fleet(config, "service"));
        Verdict verdict = verdict(config, kpis);
        assertEquals(Status.WARN, result(verdict, KpiCriteria.REDIS_HIT_RATE).status());
        CriterionResult postgres = result(verdict, KpiCriteria.POSTGRES_P99_LATENCY);
        assertEquals(Status.NO_DATA, postgres.status());
        assertTrue(postgres.reason().startsWith("no series"), postgres.reason());
        assertEquals(Status.NO_DATA, verdict.status());
    }

    @Test
    void aModeIsOnOffOrWarning() {
        ToolException bad = assertThrows(ToolException.class, () -> config("criteria: {redisHitRate: maybe}\n"));
        assertTrue(bad.getMessage().contains("on, off or warning"), bad.getMessage());
    }

    @Test
    void downTimeIsNoSuccessfulRequestOrEveryInstanceDownAndTheWorstIntervalP99Gates() throws IOException {
        KpiConfig config = config("criteria: {worstIntervalP99Latency: on}\n");
        List<KpiSnapshot> snapshots = new ArrayList<>();
        Instant start = WINDOW.start();
        // Interval 0: healthy; 1-2: api answers only errors; 3: healthy but slow (p99 4 s) and a little below
        // target; 4: every api instance down (uptime 0, no requests); 5: healthy.
        double[][] apiRequestsErrorsUptimeP99 = {
            {1000, 0, 100, 90},
            {500, 500, 100, 90},
            {400, 400, 100, 90},
            {1000, 5, 100, 4000},
            {0, 0, 0, 0},
            {1000, 0, 100, 90}
        };
        for (int i = 0; i < apiRequestsErrorsUptimeP99.length; i++) {
            double[] v = apiRequestsErrorsUptimeP99[i];
            Double p99 = v[3] == 0 ? null : v[3];
            ServiceKpis api = new ServiceKpis(
                    "api", null, v[2], v[0], v[1], null, null, null, p99, null, null, null, null, null, null, null);
            Double availability = v[0] == 0 ? null : 100.0 * (v[0] - v[1]) / v[0];
            OverallKpis overall = new OverallKpis(
                    availability,
                    v[2],
                    null,
                    v[0],
                    v[1],
                    null,
                    null,
                    p99,
                    null,
                    null,
                    null,
                    p99,
                    null,
                    null,
                    null,
                    null);
            Window w = new Window(start.plusSeconds(300L * i), start.plusSeconds(300L * (i + 1)), 300);
            snapshots.add(new KpiSnapshot(
                    dev.gaday.common.model.FileKind.KPI_SNAPSHOT.schemaVersion(),
                    dev.gaday.common.model.FileKind.KPI_SNAPSHOT.id(),
                    i + 1,
                    w,
                    overall,
                    List.of(api),
                    List.of(),
                    Infrastructure.empty()));
        }
        WindowKpis window = new KpiCalculator(config).compute(WINDOW, fleet(config, "service"));
        var summary = new SummaryAssembler(config)
                .assemble(
                        window, snapshots, KubernetesStatus.unavailable("none"), false, false, WINDOW.end(), List.of());
        OverallKpis o = summary.overall();
        assertEquals(15.0, o.downtimeMinutes(), "intervals 1, 2 and 4");
        assertEquals(7.5, o.meanTimeToRecoveryMinutes(), "two down periods: 10 and 5 minutes");
        assertEquals(15.0, o.timeBelowTargetMinutes(), "intervals 1, 2 and 3 (4 has no availability)");
        assertEquals(4000.0, o.worstIntervalP99LatencyMs());
        CriterionResult worst = result(
                new Verdict(
                        summary.certification().status(),
                        summary.certification().criteria()),
                KpiCriteria.WORST_INTERVAL_P99_LATENCY);
        assertEquals(Status.FAIL, worst.status());
    }

    private static Verdict verdict(KpiConfig config, WindowKpis kpis) {
        return new KpiCriteria(config)
                .certify(
                        kpis.overall(),
                        kpis.services(),
                        kpis.infrastructure(),
                        KubernetesStatus.unavailable("none"),
                        false,
                        kpis.gaps(),
                        kpis.queries());
    }

    private static CriterionResult result(Verdict verdict, String name) {
        return verdict.criteria().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + verdict.criteria()));
    }
}
