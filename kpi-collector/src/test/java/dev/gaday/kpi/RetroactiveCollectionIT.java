package dev.gaday.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.cli.CommandRun;
import dev.gaday.common.io.Sha256;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.kpi.KpiSnapshot;
import dev.gaday.common.model.kpi.KpiSummary;
import dev.gaday.common.model.kpi.ServiceKpis;
import dev.gaday.common.text.ReportFormat;
import dev.gaday.common.verdict.CriterionResult;
import dev.gaday.common.verdict.Status;
import dev.gaday.kpi.compute.KpiCriteria;
import dev.gaday.testkit.dataset.Dataset;
import dev.gaday.testkit.dataset.GaDayGenerator;
import dev.gaday.testkit.dataset.Manifest;
import dev.gaday.testkit.prometheus.PrometheusServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retroactive mode against a real Prometheus holding a generated 24-hour day (60 s step, 4
 * services): every number is checked against the generator's truth or a direct PromQL query.
 */
class RetroactiveCollectionIT {
    private static final int SERVICES = 4;

    @TempDir
    static Path temp;

    static PrometheusServer prometheus;
    static Manifest manifest;
    static CommandRun run;
    static KpiSummary summary;
    static Path output;

    @BeforeAll
    static void collect() {
        Dataset dataset = GaDayGenerator.builder()
                .hours(24)
                .step(Duration.ofSeconds(60))
                .services(SERVICES)
                .build()
                .generate(temp.resolve("dataset"));
        prometheus = PrometheusServer.start(dataset);
        manifest = dataset.manifest();
        output = temp.resolve("kpis");
        run = CommandRun.of(
                new CollectKpisCommand(),
                "--prometheus-url",
                prometheus.url(),
                "--ga-start",
                manifest.start().toString(),
                "--ga-end",
                manifest.end().toString(),
                "--interval",
                "60",
                "--no-kubernetes",
                "-v",
                "--output",
                output.toString());
        summary = Json.readFile(output.resolve("ga_kpi_summary.json"), KpiSummary.class);
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    void everyServiceMatchesTheGeneratorsTruth() {
        assertEquals(SERVICES, summary.services().size(), summary.services().toString());
        for (ServiceKpis service : summary.services()) {
            Manifest.ServiceTruth truth = manifest.truths().services().get(service.name());
            assertNotNull(truth, service.name());
            assertEquals(truth.totalRequests(), service.requests(), 1e-6, service.name() + " requests");
            assertEquals(truth.errors5xx(), service.errors(), 1e-6, service.name() + " errors");
            assertEquals(truth.availabilityPercent(), service.availabilityPercent(), 1e-9, service.name());
            double errorRate = 100.0 * truth.errors5xx() / truth.totalRequests();
            assertEquals(errorRate, service.errorRatePercent(), 1e-9, service.name());
            assertNull(service.noDataReason());
        }
        long total = manifest.truths().services().values().stream()
                .mapToLong(Manifest.ServiceTruth::totalRequests)
                .sum();
        assertEquals(total, summary.overall().totalRequests(), 1e-6);
    }

    @Test
    void percentilesEqualPrometheusOwnHistogramQuantile() {
        Instant end = manifest.end();
        for (double q : new double[] {0.5, 0.95, 0.99}) {
            Map<String, Double> expected = prometheus.vectorBy(
                    "service",
                    "1000 * histogram_quantile(" + q
                            + ", sum by (service, le) (increase(http_request_duration_seconds_bucket[86400s])))",
                    end);
            for (ServiceKpis service : summary.services()) {
                Double actual =
                        q == 0.5 ? service.p50LatencyMs() : q == 0.95 ? service.p95LatencyMs() : service.p99LatencyMs();
                assertEquals(expected.get(service.name()), actual, 1e-6, service.name() + " p" + q);
            }
        }
        double overallP99 = prometheus.singleValue(
                "1000 * histogram_quantile(0.99, sum by (le) "
                        + "(increase(http_request_duration_seconds_bucket[86400s])))",
                end);
        assertEquals(overallP99, summary.overall().p99LatencyMs(), 1e-6);
    }

    @Test
    void recordedQueriesReproduceTheValues() {
        Map<String, Double> availability =
                prometheus.vectorBy("service", summary.queries().get("services[].availabilityPercent"), manifest.end());
        for (ServiceKpis service : summary.services()) {
            assertEquals(availability.get(service.name()), service.availabilityPercent(), 1e-9, service.name());
        }
        assertEquals(
                prometheus.singleValue(summary.queries().get("overall.availabilityPercent"), manifest.end()),
                summary.overall().availabilityPercent(),
                1e-9);
        assertEquals(
                prometheus.singleValue(summary.queries().get("infrastructure.redis.hitRatePercent"), manifest.end()),
                summary.infrastructure().redis().hitRatePercent(),
                1e-9);
        assertEquals(
                100 * manifest.truths().redis().hitRatio(),
                summary.infrastructure().redis().hitRatePercent(),
                1e-9);
        assertEquals(
                prometheus.singleValue(summary.queries().get("observability.criticalAlerts"), manifest.end()),
                summary.observability().criticalAlerts(),
                1e-9);
        assertEquals(
                manifest.alerts().stream()
                        .filter(a -> a.severity().equals("critical"))
                        .count(),
                (long) summary.observability().criticalAlerts());
        assertTrue(
                summary.gaps().stream()
                        .anyMatch(g -> g.field().equals("queries.activeSeries")
                                && g.reason().startsWith("no series")),
                "a query without series is a recorded gap");
    }

    @Test
    void theIncidentServiceFailsAndTheVerdictFollowsTheTruth() {
        String incident = manifest.events().incident().service();
        for (CriterionResult criterion : summary.certification().criteria()) {
            assertNotNull(criterion.source(), criterion.name());
        }
        assertEquals(
                Status.FAIL,
                criterion(KpiCriteria.serviceCriterion(incident, "availability"))
                        .status());
        assertEquals(
                Status.FAIL,
                criterion(KpiCriteria.serviceCriterion(incident, "error rate")).status());
        for (ServiceKpis service : summary.services()) {
            Manifest.ServiceTruth truth = manifest.truths().services().get(service.name());
            double errorRate = 100.0 * truth.errors5xx() / truth.totalRequests();
            Status expected = truth.availabilityPercent() >= 99.9 ? Status.PASS : Status.FAIL;
            assertEquals(
                    expected,
                    criterion(KpiCriteria.serviceCriterion(service.name(), "availability"))
                            .status());
            assertEquals(
                    errorRate < 0.1 ? Status.PASS : Status.FAIL,
                    criterion(KpiCriteria.serviceCriterion(service.name(), "error rate"))
                            .status());
            if (!service.name().equals(incident)) {
                // As generated, only the incident breaks the gates.
                assertEquals(
                        Status.PASS,
                        criterion(KpiCriteria.serviceCriterion(service.name(), "availability"))
                                .status(),
                        service.name());
                assertEquals(
                        Status.PASS,
                        criterion(KpiCriteria.serviceCriterion(service.name(), "error rate"))
                                .status(),
                        service.name());
            }
        }
        assertEquals(Status.FAIL, summary.certification().status());
        assertEquals(1, run.exitCode(), run.err());
    }

    @Test
    void theFailingRunEndsWithTheVerdictAndEachFailedCriterionNamedOnStdout() {
        String incident = manifest.events().incident().service();
        List<String> lines = run.out().lines().toList();
        assertTrue(
                lines.get(0).startsWith("kpi-collector: ") && lines.get(0).contains("FAIL - availability "), run.out());
        List<String> failed =
                lines.stream().filter(l -> l.matches("  \\S* ?FAIL  .*")).toList();
        assertTrue(
                failed.stream()
                        .anyMatch(l -> l.contains("availability (service " + incident + "): ")
                                && l.contains(", needs >= 99.9%")),
                run.out());
        assertTrue(failed.stream().anyMatch(l -> l.contains("error rate (service " + incident + "): ")), run.out());
        assertTrue(lines.size() <= 1 + 10 + 2, run.out());
        assertEquals(
                "  files: " + output.resolve("ga_kpi_summary.json") + ", " + output.resolve("ga_kpi_summary.md") + ", "
                        + output + "/snapshot_*.json",
                lines.get(lines.size() - 1));
    }

    @Test
    void formatJsonInGithubActionsPrintsTheSummaryAndWritesTheJobSummaryAndAnnotations() throws IOException {
        String incident = manifest.events().incident().service();
        Path stepSummary = temp.resolve("step-summary.md");
        CollectKpisCommand command = new CollectKpisCommand();
        command.environment = Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", stepSummary.toString());
        CommandRun json = CommandRun.of(
                command,
                "--prometheus-url",
                prometheus.url(),
                "--ga-start",
                manifest.start().toString(),
                "--ga-end",
                manifest.end().toString(),
                "--interval",
                "60",
                "--no-kubernetes",
                "--format",
                "json",
                "--output",
                temp.resolve("kpis-json").toString());
        assertEquals(1, json.exitCode(), json.err());
        var node = dev.gaday.common.cli.RunSummarySchema.parse(json.out());
        assertEquals("FAIL", node.get("verdict").asText());
        assertEquals("kpi-collector", node.get("tool").asText());
        var first = node.get("findings").get(0);
        assertEquals("FAIL", first.get("severity").asText());
        List<String> annotations =
                json.err().lines().filter(l -> l.startsWith("::")).toList();
        assertEquals(node.get("findings").size(), annotations.size(), json.err());
        String observed = dev.gaday.common.text.ReportFormat.withUnit(
                criterion(KpiCriteria.serviceCriterion(incident, "availability"))
                        .value(),
                3,
                "%");
        assertTrue(
                annotations.contains("::error title=kpi-collector%3A availability (service " + incident
                        + ")::availability (service " + incident + "): " + observed.replace("%", "%25")
                        + ", needs >= 99.9%25"),
                json.err());
        String markdown = Files.readString(stepSummary);
        assertTrue(markdown.startsWith("### kpi-collector: FAIL (exit 1)\n"), markdown);
        assertTrue(markdown.contains("| FAIL | availability | service " + incident + " | "), markdown);
    }

    @Test
    void theCounterResetGivesNoNegativeOrInflatedCount() throws IOException {
        Manifest.CounterResetTruth reset = manifest.truths().counterReset();
        List<KpiSnapshot> snapshots = snapshots();
        assertEquals(24, snapshots.size());
        double sum = 0;
        for (KpiSnapshot snapshot : snapshots) {
            ServiceKpis service = snapshot.services().stream()
                    .filter(s -> s.name().equals(reset.service()))
                    .findFirst()
                    .orElseThrow();
            assertTrue(service.requests() >= 0, "negative count in snapshot " + snapshot.sequence());
            sum += service.requests();
        }
        long truth = manifest.truths().services().get(reset.service()).totalRequests();
        // Snapshot ranges end on samples, so only the restarted instance's reappearance mid-range can extrapolate.
        assertEquals(truth, sum, truth * 0.005, "sum of snapshots vs truth");
        assertTrue(reset.valueBeforeReset() > 0);
        assertEquals(
                truth,
                summary.services().stream()
                        .filter(s -> s.name().equals(reset.service()))
                        .findFirst()
                        .orElseThrow()
                        .requests(),
                1e-6);
    }

    @Test
    void filesAreCompleteAndTheChecksumVerifies() throws Exception {
        Path json = output.resolve("ga_kpi_summary.json");
        String sidecar = Files.readString(output.resolve("ga_kpi_summary.json.sha256"));
        assertEquals(Sha256.hex(json) + "  ga_kpi_summary.json\n", sidecar);
        Process check = new ProcessBuilder("sha256sum", "-c", "ga_kpi_summary.json.sha256")
                .directory(output.toFile())
                .redirectErrorStream(true)
                .start();
        assertEquals(0, check.waitFor(), new String(check.getInputStream().readAllBytes()));
        String markdown = Files.readString(output.resolve("ga_kpi_summary.md"));
        assertTrue(markdown.contains("**FAIL**"), markdown);
        // Numbers as the report writes them: a unit word after a space, bytes in decimal units, times to the second.
        assertTrue(markdown.matches("(?s).*\\| max p99 latency \\| [0-9.,]+ ms \\| \\\\< 1000 ms \\|.*"), markdown);
        assertTrue(markdown.matches("(?s).*\\| Network in \\| [0-9.]+ [kMGT]?B \\|.*"), markdown);
        assertTrue(markdown.contains("- **Window:** " + ReportFormat.timestamp(manifest.start()) + " to "), markdown);
        assertFalse(summary.partial());
        assertEquals(manifest.start(), summary.window().start());
        assertEquals(3600, summary.window().intervalSeconds());
        assertTrue(summary.queries().containsKey("services[].p99LatencyMs"));
        assertNotNull(summary.infrastructure().postgres().p99LatencyMs());
        assertNotNull(summary.infrastructure().cluster().peakCpuPercent());
        try (Stream<Path> files = Files.list(output)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void theNumberOfRequestsDoesNotDependOnTheNumberOfServices() {
        long queries = run.err().lines().filter(l -> l.contains(" promql=")).count();
        long ranges = run.err().lines().filter(l -> l.contains("query_range ")).count();
        // 20 summary queries and 10 snapshot range queries, for 4 services as for 100.
        assertEquals(30, queries, run.err());
        assertEquals(10, ranges);
        for (String service : manifest.truths().services().keySet()) {
            assertTrue(run.err().lines().filter(l -> l.contains(" promql=")).noneMatch(l -> l.contains(service)));
        }
    }

    @Test
    void aWindowWithoutDataIsNoDataWithExitThree() {
        Instant start = manifest.start().minus(Duration.ofHours(3));
        CommandRun empty = CommandRun.of(
                new CollectKpisCommand(),
                "--prometheus-url",
                prometheus.url(),
                "--ga-start",
                start.toString(),
                "--ga-end",
                start.plus(Duration.ofHours(1)).toString(),
                "--interval",
                "30",
                "--no-kubernetes",
                "--output",
                temp.resolve("empty").toString());
        assertEquals(3, empty.exitCode(), empty.err());
        KpiSummary none = Json.readFile(temp.resolve("empty/ga_kpi_summary.json"), KpiSummary.class);
        assertEquals(Status.NO_DATA, none.certification().status());
        CriterionResult availability = none.certification().criteria().get(0);
        assertEquals(Status.NO_DATA, availability.status());
        assertTrue(availability.reason().startsWith("no series"), availability.reason());
    }

    @Test
    void serviceAndStatusLabelNamesComeFromTheConfig() throws IOException {
        Path config = temp.resolve("by-job.yaml");
        Files.writeString(config, "labels:\n  service: job\n");
        CommandRun byJob = CommandRun.of(
                new CollectKpisCommand(),
                "--prometheus-url",
                prometheus.url(),
                "--ga-start",
                manifest.start().toString(),
                "--ga-end",
                manifest.end().toString(),
                "--interval",
                "720",
                "--no-kubernetes",
                "--config",
                config.toString(),
                "--output",
                temp.resolve("by-job").toString());
        KpiSummary other = Json.readFile(temp.resolve("by-job/ga_kpi_summary.json"), KpiSummary.class);
        assertEquals(1, byJob.exitCode(), byJob.err());
        assertTrue(other.queries().get("services[].requests").contains("sum by (job)"));
        for (ServiceKpis service : other.services()) {
            assertEquals(
                    manifest.truths().services().get(service.name()).availabilityPercent(),
                    service.availabilityPercent(),
                    1e-9);
        }
    }

    private static CriterionResult criterion(String name) {
        return summary.certification().criteria().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no criterion " + name));
    }

    private static List<KpiSnapshot> snapshots() throws IOException {
        try (Stream<Path> files = Files.list(output)) {
            return files.filter(f -> f.getFileName().toString().startsWith("snapshot_"))
                    .sorted()
                    .map(f -> Json.readFile(f, KpiSnapshot.class))
                    .toList();
        }
    }
}
