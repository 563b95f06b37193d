package dev.gaday.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.cli.CommandRun;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.drift.Drift;
import dev.gaday.common.model.drift.DriftAnalysis;
import dev.gaday.common.model.drift.DriftBaseline;
import dev.gaday.testkit.dataset.Dataset;
import dev.gaday.testkit.dataset.DriftScenarioGenerator;
import dev.gaday.testkit.dataset.DriftScenarioGenerator.Track;
import dev.gaday.testkit.prometheus.PrometheusServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * drift-detector against a real Prometheus holding generated scenarios with known truths (15 s
 * samples over 6 hours): a canary with latency +40 % and error ratio ×3, five no-change pairs with
 * different seeds, a zero-error stable against an erroring canary, a deploy with a memory step of
 * +30 %, and a metric without series.
 */
class DriftScenariosIT {
    static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    static final Instant DEPLOY = START.plus(Duration.ofHours(3));
    static final int SAME_PAIRS = 5;

    @TempDir
    static Path temp;

    static PrometheusServer prometheus;

    @BeforeAll
    static void startPrometheus() {
        List<Track> tracks = new ArrayList<>();
        tracks.add(Track.of("checkout", "stable", 1));
        tracks.add(Track.of("checkout", "canary", 2).latencyMedian(0.14).errorRatio(0.03));
        for (int i = 0; i < SAME_PAIRS; i++) {
            tracks.add(Track.of("same-" + i, "stable", 100 + 2 * i));
            tracks.add(Track.of("same-" + i, "canary", 101 + 2 * i));
        }
        tracks.add(Track.of("search", "stable", 3).errorRatio(0));
        tracks.add(Track.of("search", "canary", 4).errorRatio(0.005));
        tracks.add(Track.of("payments", "prod", 5).changeAt(DEPLOY, 1, 1, 1.3));
        Dataset dataset = new DriftScenarioGenerator(START, Duration.ofHours(6), Duration.ofSeconds(15), tracks)
                .generate(temp.resolve("dataset"));
        prometheus = PrometheusServer.start(dataset);
    }

    @AfterAll
    static void stopPrometheus() {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    static CommandRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(1, "--prometheus-url");
        all.add(2, prometheus.url());
        return CommandRun.of(new DetectDriftCommand(), all.toArray(String[]::new));
    }

    static CommandRun canary(Path out, String service, Instant from, Instant to, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "canary",
                "--canary",
                "track=\"canary\",service=~\"" + service + "\"",
                "--stable",
                "track=\"stable\",service=~\"" + service + "\"",
                "--from",
                from.toString(),
                "--to",
                to.toString(),
                "-o",
                out.toString()));
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }

    static DriftAnalysis analysis(Path out) {
        return Json.readFile(out.resolve("drift_analysis.json"), DriftAnalysis.class);
    }

    static Drift check(DriftAnalysis analysis, String metric, String service) {
        return analysis.drifts().stream()
                .filter(d -> d.metric().equals(metric) && d.service().equals(service))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no check " + metric + " for " + service));
    }

    @Test
    void aCanaryWithSlowerLatencyAndTripleErrorsFailsAndSaysWhy() {
        Path out = temp.resolve("canary-shift");
        CommandRun r = canary(out, "checkout", START.plus(Duration.ofMinutes(30)), START.plus(Duration.ofHours(5)));
        System.out.print(r.out()); // kept in failsafe's report: docs/drift-detector.md quotes it
        assertEquals(1, r.exitCode(), r.err() + r.out());
        DriftAnalysis a = analysis(out);
        assertEquals("canary", a.mode());
        assertEquals("FAIL", a.status());
        assertTrue(a.complete());

        Drift errors = check(a, "error_ratio", "checkout");
        assertEquals("High", errors.classification());
        assertEquals("two-proportion-z", errors.test().name());
        assertEquals(200, errors.changePercent(), 30, "error ratio ×3 is +200 %");
        assertEquals(0.01, errors.baseline(), 0.002);
        assertEquals(0.03, errors.current(), 0.004);
        assertTrue(errors.test().pValue() < 1e-10);
        assertTrue(errors.critical());
        assertTrue(errors.drifted());
        assertTrue(errors.query().contains("track=\"canary\""), errors.query());
        assertTrue(errors.reason().contains("critical"), errors.reason());

        for (String latency : List.of("latency_p50", "latency_p95", "latency_p99")) {
            Drift d = check(a, latency, "checkout");
            assertEquals("High", d.classification(), latency + ": " + d.reason());
            assertEquals(40, d.changePercent(), 12, latency + " +40 %");
            assertTrue(d.test().name().startsWith("mann-whitney-u"), d.test().name());
            assertEquals(270, d.test().nBaseline(), 1);
            assertTrue(
                    d.test().ciLow() > 0
                            && d.test().ciLow() <= d.test().hlShift()
                            && d.test().hlShift() <= d.test().ciHigh(),
                    latency + " CI around HL");
            assertTrue(d.test().cles() > 0.9, latency + " CLES " + d.test().cles());
            assertEquals(60, d.stepSeconds());
        }
        // Latency's aggregate is the quantile over the whole window, as Prometheus computes it itself.
        Drift p95 = check(a, "latency_p95", "checkout");
        Instant end = START.plus(Duration.ofHours(5));
        assertEquals(
                prometheus.singleValue(
                        "histogram_quantile(0.95, sum by (service, le) (rate("
                                + "http_request_duration_seconds_bucket{track=\"canary\",service=~\"checkout\"}[16200s])))",
                        end),
                p95.current(),
                1e-12);
        assertEquals(
                prometheus.singleValue(
                        "histogram_quantile(0.95, sum by (service, le) (rate("
                                + "http_request_duration_seconds_bucket{track=\"stable\",service=~\"checkout\"}[16200s])))",
                        end),
                p95.baseline(),
                1e-12);
        assertEquals("Pass", check(a, "cpu_cores", "checkout").classification());
        assertEquals("Pass", check(a, "memory_bytes", "checkout").classification());
        assertTrue(
                a.drifts().stream().noneMatch(d -> d.metric().equals("request_rate")),
                "request rate is not compared in canary mode");
        assertEquals(4, a.driftsDetected());
        List<String> kinds = a.mitigationActions().stream()
                .map(m -> m.kind())
                .distinct()
                .sorted()
                .toList();
        assertEquals(List.of("errors", "latency"), kinds);
        assertNotNull(a.canary());
        assertEquals("FAIL", a.canary().verdict());
        assertTrue(r.out().contains("canary FAIL"), r.out());
        // The run ends with the verdict, each drift named (the critical ones first) and the file.
        List<String> lines = r.out().lines().toList();
        int verdict = lines.size() - 1;
        while (verdict > 0 && !lines.get(verdict).startsWith("drift-detector canary: ")) {
            verdict--;
        }
        assertTrue(lines.get(verdict).matches("drift-detector canary: (\u2718 )?FAIL - .*"), r.out());
        assertTrue(
                lines.get(verdict + 1)
                        .matches("  (\u2718 )?FAIL  \\S+ \\(service checkout\\): \\+[0-9.,]+%, "
                                + "needs \\|change\\| < [0-9.]+% - High: .*"),
                r.out());
        assertEquals("  files: " + out.resolve("drift_analysis.json"), lines.get(lines.size() - 1));
        CommandRun json = canary(
                temp.resolve("canary-shift-json"),
                "checkout",
                START.plus(Duration.ofMinutes(30)),
                START.plus(Duration.ofHours(5)),
                "--format",
                "json");
        assertEquals(1, json.exitCode(), json.err());
        var node = dev.gaday.common.cli.RunSummarySchema.parse(json.out());
        assertEquals("FAIL", node.get("verdict").asText());
        assertEquals("drift-detector canary", node.get("tool").asText());
        assertEquals("FAIL", node.get("findings").get(0).get("severity").asText());
    }

    @Test
    void noChangePairsPassOverSeveralSeedsAndWindows() {
        List<String> failures = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            Instant from = START.plus(Duration.ofMinutes(10 + 110L * w));
            Path out = temp.resolve("same-" + w);
            CommandRun r = canary(out, "same-.*", from, from.plus(Duration.ofMinutes(100)));
            DriftAnalysis a = analysis(out);
            assertEquals(SAME_PAIRS * 6, a.totalChecks());
            for (Drift d : a.drifts()) {
                if (!"Pass".equals(d.classification())) {
                    failures.add("window " + w + " " + d.metric() + "/" + d.service() + ": " + d.reason());
                }
            }
            if (failures.isEmpty()) {
                assertEquals(0, r.exitCode(), r.err() + r.out());
                assertEquals("PASS", a.status());
                assertEquals(100.0, a.canary().score());
            }
        }
        assertEquals(List.of(), failures, "no false alarm on unchanged pairs");
    }

    @Test
    void aZeroErrorStableAgainstAnErroringCanaryIsCaught() {
        Path out = temp.resolve("zero");
        CommandRun r = canary(out, "search", START.plus(Duration.ofMinutes(30)), START.plus(Duration.ofHours(3)));
        assertEquals(1, r.exitCode(), r.err() + r.out());
        Drift errors = check(analysis(out), "error_ratio", "search");
        assertEquals("High", errors.classification(), errors.reason());
        assertEquals(0.0, errors.baseline());
        assertNull(errors.changePercent(), "no percentage of zero");
        assertEquals("fisher-exact", errors.test().name());
        assertTrue(errors.test().pValue() < 1e-10);
        assertTrue(errors.reason().contains("from zero"), errors.reason());
    }

    @Test
    void aDeployWithAMemoryStepIsACriticalMemoryDrift() {
        Path out = temp.resolve("deploy");
        CommandRun r = run(
                "deploy",
                "--at",
                DEPLOY.toString(),
                "--window",
                "2h",
                "--warmup",
                "10m",
                "--selector",
                "service=\"payments\"",
                "-o",
                out.toString());
        assertEquals(1, r.exitCode(), r.err() + r.out());
        DriftAnalysis a = analysis(out);
        assertEquals("deploy", a.mode());
        assertEquals(
                DEPLOY.minus(Duration.ofHours(2)), a.windows().get("before").start());
        assertEquals(
                DEPLOY.plus(Duration.ofMinutes(130)), a.windows().get("after").end());
        Drift memory = check(a, "memory_bytes", "payments");
        assertEquals("High", memory.classification(), memory.reason());
        assertEquals(30, memory.changePercent(), 2);
        assertEquals("critical", memory.severity());
        assertEquals("FAIL", a.status());
        assertTrue(a.reason().contains("critical severity"), a.reason());
        List<String> others = a.drifts().stream()
                .filter(d -> !d.metric().equals("memory_bytes"))
                .filter(d -> !"Pass".equals(d.classification()))
                .map(d -> d.metric() + ": " + d.reason())
                .toList();
        assertEquals(List.of(), others);
        assertEquals(
                List.of("memory"),
                a.mitigationActions().stream().map(m -> m.kind()).toList());
        assertTrue(a.mitigationActions().get(0).action().contains("leak"));
    }

    @Test
    void captureThenCompareFindsTheMemoryStepAndNothingBeforeIt() throws Exception {
        Path out = temp.resolve("baseline");
        CommandRun capture = run(
                "capture",
                "--from",
                START.plus(Duration.ofMinutes(30)).toString(),
                "--to",
                START.plus(Duration.ofMinutes(150)).toString(),
                "--selector",
                "service=\"payments\"",
                "-o",
                out.toString());
        assertEquals(0, capture.exitCode(), capture.err());
        Path baselineFile = out.resolve("baseline_metrics.json");
        DriftBaseline baseline = Json.readFile(baselineFile, DriftBaseline.class);
        assertEquals("drift-baseline", baseline.kind());
        assertEquals(60, baseline.stepSeconds());
        assertEquals(
                7, baseline.series().stream().map(s -> s.metric()).distinct().count());
        assertEquals(120, baseline.series().get(0).timestamps().size());

        Path same = temp.resolve("compare-same");
        CommandRun quiet = run(
                "compare",
                "--baseline",
                baselineFile.toString(),
                "--from",
                START.plus(Duration.ofMinutes(60)).toString(),
                "--to",
                START.plus(Duration.ofMinutes(175)).toString(),
                "-o",
                same.toString());
        assertEquals(0, quiet.exitCode(), quiet.err() + quiet.out());
        assertEquals("PASS", analysis(same).status());

        Path after = temp.resolve("compare-after");
        CommandRun drifted = run(
                "compare",
                "--baseline",
                baselineFile.toString(),
                "--from",
                DEPLOY.plus(Duration.ofMinutes(10)).toString(),
                "--to",
                DEPLOY.plus(Duration.ofMinutes(130)).toString(),
                "-o",
                after.toString());
        assertEquals(1, drifted.exitCode(), drifted.err() + drifted.out());
        DriftAnalysis a = analysis(after);
        assertEquals("compare", a.mode());
        Drift memory = check(a, "memory_bytes", "payments");
        assertEquals("High", memory.classification());
        assertEquals(30, memory.changePercent(), 2);
        assertEquals(1, a.severityBreakdown().critical());
        assertEquals(baseline.window(), a.windows().get("baseline"));
    }

    static Path paymentsBaseline() {
        Path out = temp.resolve("live-baseline");
        Path file = out.resolve("baseline_metrics.json");
        if (!Files.exists(file)) {
            CommandRun capture = run(
                    "capture",
                    "--from",
                    START.plus(Duration.ofMinutes(30)).toString(),
                    "--to",
                    START.plus(Duration.ofMinutes(150)).toString(),
                    "--selector",
                    "service=\"payments\"",
                    "-o",
                    out.toString());
            assertEquals(0, capture.exitCode(), capture.err());
        }
        return file;
    }

    /** Captures the stop action a SIGTERM would run, and accelerates the run's waiting like its clock. */
    static final class TestHooks implements LiveCompare.Hooks {
        final double speed;
        volatile Runnable stop;

        TestHooks(double speed) {
            this.speed = speed;
        }

        @Override
        public void onStop(Runnable action) {
            stop = action;
        }

        @Override
        public double speed() {
            return speed;
        }
    }

    static CommandRun live(Path out, double speed, TestHooks hooks, String duration, String interval) {
        Path baseline = paymentsBaseline(); // before the accelerated clock starts
        CompareCommand command = new CompareCommand();
        command.clock = new AcceleratedClock(DEPLOY.plus(Duration.ofMinutes(10)), speed);
        command.liveHooks = hooks;
        return CommandRun.of(
                command,
                "--prometheus-url",
                prometheus.url(),
                "--baseline",
                baseline.toString(),
                "--duration",
                duration,
                "--interval",
                interval,
                "-o",
                out.toString());
    }

    @Test
    void aLiveCompareWritesSnapshotsAndACompleteFinalAnalysis() throws Exception {
        Path out = temp.resolve("live-complete");
        CommandRun r = live(out, 3600, new TestHooks(3600), "2h", "10m");
        assertEquals(1, r.exitCode(), r.err() + r.out());
        DriftAnalysis last = analysis(out);
        assertTrue(last.complete());
        assertEquals(
                Duration.ofHours(2),
                Duration.between(
                        last.windows().get("current").start(),
                        last.windows().get("current").end()));
        assertEquals("High", check(last, "memory_bytes", "payments").classification());
        for (int n = 1; n <= 11; n++) {
            Path snapshot = out.resolve(String.format("drift_snapshot_%04d.json", n));
            DriftAnalysis s = Json.readFile(snapshot, DriftAnalysis.class);
            assertFalse(s.complete(), snapshot.toString());
            assertEquals(
                    last.windows().get("current").start().plus(Duration.ofMinutes(10L * n)),
                    s.windows().get("current").end());
        }
        assertFalse(Files.exists(out.resolve("drift_snapshot_0012.json")));
    }

    @Test
    void aStopSignalLeavesACompleteIncompleteAnalysisWithinFiveSeconds() throws Exception {
        Path out = temp.resolve("live-stopped");
        TestHooks hooks = new TestHooks(600);
        java.util.concurrent.CompletableFuture<CommandRun> running =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> live(out, 600, hooks, "2h", "5m"));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(out.resolve("drift_snapshot_0002.json")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(Files.exists(out.resolve("drift_snapshot_0002.json")), "two snapshots before the stop");
        long t0 = System.nanoTime();
        hooks.stop.run(); // what the JVM's shutdown hook runs on SIGTERM
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "stop took " + took);
        DriftAnalysis stopped = analysis(out);
        assertFalse(stopped.complete());
        CommandRun r = running.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(3, r.exitCode(), "an interrupted run never passes: " + r.err() + r.out());
        assertEquals(stopped, analysis(out), "the final file is written once");
    }

    static String noDataConfig(boolean critical) {
        return """
                step: 1m
                confidence: 0.98
                alpha: 0.05
                minSamples: 50
                practicalPercent: 10
                severity: {info: 5, warning: 10, critical: 25}
                score: {pass: 95, marginal: 75}
                groups: {saturation: 100}
                metrics:
                  - name: memory_bytes
                    kind: gauge
                    query: 'avg by (service) (process_resident_memory_bytes{{{scope}}})'
                    direction: increase
                    group: saturation
                  - name: queue_depth
                    kind: gauge
                    query: 'sum by (service) (queue_depth_that_nobody_exports{{{scope}}})'
                    direction: increase
                    group: saturation
                    critical: %s
                """
                .formatted(critical);
    }

    @Test
    void aMetricWithoutSeriesIsNoDataAndFailsTheRunWhenCritical() throws Exception {
        Path config = temp.resolve("nodata.yaml");
        Files.writeString(config, noDataConfig(false));
        Path out = temp.resolve("nodata");
        CommandRun r = canary(
                out,
                "same-0",
                START.plus(Duration.ofMinutes(30)),
                START.plus(Duration.ofHours(3)),
                "--config",
                config.toString());
        assertEquals(0, r.exitCode(), r.err() + r.out());
        DriftAnalysis a = analysis(out);
        Drift missing = a.drifts().stream()
                .filter(d -> d.metric().equals("queue_depth"))
                .findFirst()
                .orElseThrow();
        assertEquals("NoData", missing.classification());
        assertEquals("no series on either side.", missing.reason());
        assertEquals("PASS", a.status(), "a non-critical NoData is left out of the score");
        assertEquals(100.0, a.canary().score());

        Path criticalConfig = temp.resolve("nodata-critical.yaml");
        Files.writeString(criticalConfig, noDataConfig(true));
        CommandRun critical = canary(
                temp.resolve("nodata-critical"),
                "same-0",
                START.plus(Duration.ofMinutes(30)),
                START.plus(Duration.ofHours(3)),
                "--config",
                criticalConfig.toString());
        assertEquals(1, critical.exitCode(), critical.err() + critical.out());
        DriftAnalysis failed = analysis(temp.resolve("nodata-critical"));
        assertEquals("FAIL", failed.status());
        assertTrue(failed.reason().contains("NoData"), failed.reason());
    }

    @Test
    void aQueryTheServerRejectsIsAnErrorThatFailsACriticalMetric() throws Exception {
        Path config = temp.resolve("bad-query.yaml");
        Files.writeString(
                config,
                """
                step: 1m
                confidence: 0.98
                alpha: 0.05
                minSamples: 50
                practicalPercent: 10
                severity: {info: 5, warning: 10, critical: 25}
                score: {pass: 95, marginal: 75}
                groups: {saturation: 100}
                metrics:
                  - name: broken
                    kind: gauge
                    query: 'avg by (service) (rate(process_resident_memory_bytes{{{scope}}}))'
                    direction: increase
                    group: saturation
                    critical: true
                """);
        Path out = temp.resolve("bad-query");
        CommandRun r = canary(
                out,
                "same-0",
                START.plus(Duration.ofMinutes(30)),
                START.plus(Duration.ofHours(3)),
                "--config",
                config.toString());
        assertEquals(1, r.exitCode(), r.err() + r.out());
        Drift broken = analysis(out).drifts().get(0);
        assertEquals("Error", broken.classification());
        assertTrue(broken.reason().startsWith("the query failed"), broken.reason());

        CommandRun check = run(
                "check",
                "--config",
                config.toString(),
                "--at",
                START.plus(Duration.ofHours(1)).toString());
        assertEquals(2, check.exitCode(), check.out());
        assertTrue(check.out().contains("REJECTED broken"), check.out());
        assertEquals(1, check.errLines().size(), check.err());
    }

    @Test
    void checkListsEveryBuiltInQueryAndWhatWouldBeNoData() {
        CommandRun r = run("check", "--at", START.plus(Duration.ofHours(1)).toString());
        assertEquals(0, r.exitCode(), r.err() + r.out());
        List<String> lines = r.out().lines().collect(Collectors.toList());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("OK") && l.contains("latency_p95")), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.contains("error_ratio.errors")), r.out());
        assertFalse(r.out().contains("REJECTED"), r.out());
        assertTrue(lines.get(lines.size() - 1).startsWith("7 metrics, 0 queries rejected"), r.out());
    }
}
