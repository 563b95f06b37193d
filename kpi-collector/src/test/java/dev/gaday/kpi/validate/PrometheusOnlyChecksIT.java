package dev.gaday.kpi.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.cli.CommandRun;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.validation.ValidationResults;
import dev.gaday.testkit.dataset.Dataset;
import dev.gaday.testkit.dataset.GaDayGenerator;
import dev.gaday.testkit.prometheus.PrometheusServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks answered by a real Prometheus alone (no cluster, no input files), on a short generated day plus
 * kube-state-metrics series written here, backfilled together: rollout and restarts of a past window, PromQL
 * checks over the window and at its end, the canary judged on its matchers' requests.
 */
class PrometheusOnlyChecksIT {
    @TempDir
    static Path dir;

    static PrometheusServer prometheus;
    static Dataset dataset;

    @BeforeAll
    static void start() throws Exception {
        Dataset generated = GaDayGenerator.builder()
                .hours(2)
                .services(2)
                .step(Duration.ofSeconds(60))
                .build()
                .generate(dir.resolve("dataset"));
        long start = generated.manifest().start().getEpochSecond();
        long end = generated.manifest().end().getEpochSecond();
        StringBuilder spec = new StringBuilder();
        StringBuilder updated = new StringBuilder();
        StringBuilder available = new StringBuilder();
        StringBuilder restarts = new StringBuilder();
        String ksm = "job=\"kube-state-metrics\",instance=\"ksm:8080\",namespace=\"release\"";
        for (long t = start; t <= end; t += 60) {
            for (String deployment : List.of("checkout", "payments")) {
                String labels = "{" + ksm + ",deployment=\"" + deployment + "\"} ";
                spec.append("kube_deployment_spec_replicas")
                        .append(labels)
                        .append("3 ")
                        .append(t)
                        .append('\n');
                updated.append("kube_deployment_status_replicas_updated")
                        .append(labels)
                        .append("3 ")
                        .append(t)
                        .append('\n');
                // payments loses a replica 30 minutes before the end and does not get it back.
                int up = deployment.equals("payments") && t > end - 1800 ? 2 : 3;
                available
                        .append("kube_deployment_status_replicas_available")
                        .append(labels)
                        .append(up)
                        .append(' ')
                        .append(t)
                        .append('\n');
            }
            // Two restarts of payments-0's container, at 60 and 90 minutes.
            int count = (t >= start + 3600 ? 1 : 0) + (t >= start + 5400 ? 1 : 0);
            restarts.append("kube_pod_container_status_restarts_total{")
                    .append(ksm)
                    .append(",pod=\"payments-0\",container=\"app\"} ")
                    .append(count)
                    .append(' ')
                    .append(t)
                    .append('\n');
        }
        Path file = dir.resolve("dataset").resolve("kube-state-metrics.om");
        Files.writeString(
                file,
                "# TYPE kube_deployment_spec_replicas gauge\n" + spec
                        + "# TYPE kube_deployment_status_replicas_updated gauge\n" + updated
                        + "# TYPE kube_deployment_status_replicas_available gauge\n" + available
                        + "# TYPE kube_pod_container_status_restarts counter\n" + restarts + "# EOF\n");
        List<Path> files = new ArrayList<>(generated.files());
        files.add(file);
        dataset = new Dataset(generated.directory(), files, generated.manifest());
        prometheus = PrometheusServer.start(dataset);
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    ValidationResults validate(String checksYaml, String name, int exitCode) throws Exception {
        Path checks = dir.resolve(name + ".yaml");
        Files.writeString(checks, checksYaml);
        Path out = dir.resolve(name);
        ValidateCommand command = new ValidateCommand();
        command.environment = Map.of(); // no $KUBECONFIG: the cluster checks read kube-state-metrics
        CommandRun run = CommandRun.of(
                command,
                "--prometheus-url",
                prometheus.url(),
                "--ga-start",
                dataset.manifest().start().toString(),
                "--ga-end",
                dataset.manifest().end().toString(),
                "--ga-mode",
                "--checks",
                checks.toString(),
                "--check",
                "ga.rollout_complete",
                "--check",
                "ga.no_pod_restarts",
                "-o",
                out.toString());
        assertEquals(exitCode, run.exitCode(), run.err());
        return Json.readFile(out.resolve(ValidationSuite.JSON_FILE), ValidationResults.class);
    }

    @Test
    void aPastWindowsRolloutAndRestartsComeFromKubeStateMetrics() throws Exception {
        ValidationResults results = validate("ga: {}\n", "all", 1);
        ValidationResults.Case rollout = results.cases().get(0);
        assertEquals("failed", rollout.status());
        assertEquals(200.0 / 3, rollout.observed(), 1e-9);
        assertEquals(
                "rollout incomplete: {deployment=\"payments\", namespace=\"release\"} 66.6667 %", rollout.reason());
        assertTrue(
                rollout.evidence()
                        .contains("{deployment=\"checkout\", namespace=\"release\"}: desired 3, "
                                + "updated 3, available 3"),
                rollout.evidence());
        ValidationResults.Case restarts = results.cases().get(1);
        assertEquals("failed", restarts.status());
        assertEquals(2.0, restarts.observed());
        assertTrue(restarts.evidence().contains("pod=\"payments-0\""), restarts.evidence());
    }

    @Test
    void watchedDeploymentsNarrowTheRolloutAndTheRestartWindowNarrowsTheRestarts() throws Exception {
        ValidationResults results = validate("ga: {deployments: [checkout], restartWindow: 20m}\n", "narrow", 0);
        ValidationResults.Case rollout = results.cases().get(0);
        assertEquals("passed", rollout.status(), rollout.reason());
        assertEquals("1 deployment fully rolled out", rollout.reason());
        ValidationResults.Case restarts = results.cases().get(1);
        // The last restart was 30 minutes before the end: none in the last 20 minutes.
        assertEquals("passed", restarts.status(), restarts.reason());
        assertEquals(0.0, restarts.observed());
    }

    @Test
    void promqlChecksHoldEveryPointOverTheWindowOrOneValueAtItsEnd() throws Exception {
        Path checks = dir.resolve("promql.yaml");
        Files.writeString(
                checks,
                """
                checks:
                  - name: replicas.payments
                    kind: promql
                    category: capacity
                    query: max(kube_deployment_status_replicas_available{deployment="payments"})
                    comparator: ">="
                    threshold: 3
                    over: window
                  - name: restarts.max
                    kind: promql
                    query: max_over_time(kube_pod_container_status_restarts_total[{{window}}])
                    comparator: "<="
                    threshold: 1
                    severity: warning
                  - name: absent.series
                    kind: promql
                    query: nothing_like_this_metric
                    comparator: "<"
                    threshold: 1
                    severity: warning
                """);
        Path out = dir.resolve("promql");
        CommandRun run = CommandRun.of(
                new ValidateCommand(),
                "--prometheus-url",
                prometheus.url(),
                "--ga-start",
                dataset.manifest().start().toString(),
                "--ga-end",
                dataset.manifest().end().toString(),
                "--checks",
                checks.toString(),
                "-o",
                out.toString());
        assertEquals(1, run.exitCode(), run.err());
        ValidationResults results = Json.readFile(out.resolve(ValidationSuite.JSON_FILE), ValidationResults.class);
        ValidationResults.Case replicas = results.cases().get(0);
        assertEquals("failed", replicas.status());
        assertEquals(2.0, replicas.observed());
        // 2 h at a 1 m step is 121 points; the replica is missing after end - 30 min: 30 of them.
        assertTrue(replicas.reason().startsWith("30 of 121 points beyond >= 3; worst 2 at "), replicas.reason());
        ValidationResults.Case restarts = results.cases().get(1);
        assertEquals("failed", restarts.status());
        assertEquals(2.0, restarts.observed());
        assertTrue(restarts.evidence().contains("[7200s]"), restarts.evidence());
        ValidationResults.Case absent = results.cases().get(2);
        assertEquals("error", absent.status());
        assertEquals("no-data", absent.errorKind());
        assertEquals(List.of("replicas.payments"), results.critical());
        assertEquals(List.of("replicas.payments", "restarts.max"), results.failed());
        // The run ends on stdout with the verdict and each check that did not pass, the critical failure first.
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).matches("kpi-collector validate: (\u2718 )?FAIL - 0 of 3 checks passed"), run.out());
        assertTrue(
                lines.get(1)
                        .matches("  (\u2718 )?FAIL  replicas\\.payments \\(capacity\\): 2, needs >= ?3 - 30 of "
                                + "121 points beyond.*"),
                run.out());
        assertTrue(lines.get(2).contains("NO DATA  absent.series"), run.out());
        assertTrue(lines.get(3).contains("WARN  restarts.max"), run.out());
        assertEquals(
                "  files: " + out.resolve(ValidationSuite.XML_FILE) + ", " + out.resolve(ValidationSuite.HTML_FILE)
                        + ", " + out.resolve(ValidationSuite.JSON_FILE),
                lines.get(4));

        CommandRun json = CommandRun.of(
                new ValidateCommand(),
                "--prometheus-url",
                prometheus.url(),
                "--ga-start",
                dataset.manifest().start().toString(),
                "--ga-end",
                dataset.manifest().end().toString(),
                "--checks",
                checks.toString(),
                "-o",
                dir.resolve("promql-json").toString(),
                "--format",
                "json");
        assertEquals(1, json.exitCode(), json.err());
        var node = dev.gaday.common.cli.RunSummarySchema.parse(json.out());
        assertEquals("FAIL", node.get("verdict").asText());
        assertEquals(
                "replicas.payments",
                node.get("findings").get(0).get("criterion").asText());
        assertEquals("2", node.get("findings").get(0).get("observed").asText());
    }

    @Test
    void withoutADriftAnalysisTheCanaryIsJudgedOnItsMatchersRequests() throws Exception {
        Path checks = dir.resolve("canary.yaml");
        Files.writeString(checks, "ga: {canaryMatchers: 'service=\"checkout\"'}\n");
        Path out = dir.resolve("canary");
        CommandRun run = CommandRun.of(
                new ValidateCommand(),
                "--prometheus-url",
                prometheus.url(),
                "--ga-start",
                dataset.manifest().start().toString(),
                "--ga-end",
                dataset.manifest().end().toString(),
                "--ga-mode",
                "--checks",
                checks.toString(),
                "--check",
                "ga.canary_success",
                "-o",
                out.toString());
        ValidationResults.Case canary = Json.readFile(out.resolve(ValidationSuite.JSON_FILE), ValidationResults.class)
                .cases()
                .get(0);
        var checkout = dataset.manifest().truths().services().get("checkout");
        double expected = 100.0 * (1 - (double) checkout.errors5xx() / checkout.totalRequests());
        assertEquals(expected, canary.observed(), 1e-9);
        assertEquals(expected >= 99 ? "passed" : "failed", canary.status());
        assertEquals(expected >= 99 ? 0 : 1, run.exitCode(), run.err());
        assertTrue(
                canary.evidence().contains("http_requests_total{service=\"checkout\", status=~\"5..\"}"),
                canary.evidence());
    }
}
