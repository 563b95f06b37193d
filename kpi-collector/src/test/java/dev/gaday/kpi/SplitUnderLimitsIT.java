package dev.gaday.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.cli.CommandRun;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.kpi.KpiSummary;
import dev.gaday.testkit.dataset.Manifest;
import dev.gaday.testkit.prometheus.PrometheusExtension;
import dev.gaday.testkit.prometheus.PrometheusServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prometheus's sample limit, for real: the same generated 6-hour day (6 services, 4 instances each, 60 s
 * samples) served by a stock Prometheus and by one started with a low {@code --query.max-samples}. The limit
 * ({@value #MAX_SAMPLES}) is above what the fleet-wide infrastructure queries need (about 370 samples: one
 * series' 6 hours) but below the service-level ones: the window's latency buckets, requests and errors (about
 * 450-650 samples), and the snapshots' range queries (up to 26,000), whose single steps of latency buckets
 * (about 650) need shards of services. kpi-collector must split them and give the numbers of the stock run,
 * to the last bit. With a limit no single step of one service fits, it fails with one line and exit 4.
 */
class SplitUnderLimitsIT {
    private static final int MAX_SAMPLES = 450;

    @RegisterExtension
    static final PrometheusExtension STOCK =
            PrometheusExtension.withDataset(d -> d.hours(6).services(6).instancesPerService(4));

    @RegisterExtension
    static final PrometheusExtension LIMITED = STOCK.withFlags("--query.max-samples=" + MAX_SAMPLES);

    @RegisterExtension
    static final PrometheusExtension TINY = STOCK.withFlags("--query.max-samples=40");

    /** Every query times out on the server. */
    @RegisterExtension
    static final PrometheusExtension TIMING_OUT = STOCK.withFlags("--query.timeout=1ms");

    @TempDir
    static Path temp;

    static CommandRun stockRun;
    static CommandRun limitedRun;

    @BeforeAll
    static void collect() {
        stockRun = collect(STOCK.server(), temp.resolve("stock"));
        limitedRun = collect(LIMITED.server(), temp.resolve("limited"));
    }

    private static CommandRun collect(PrometheusServer server, Path output) {
        Manifest manifest = server.manifest();
        return CommandRun.of(
                new CollectKpisCommand(),
                "--prometheus-url",
                server.url(),
                "--ga-start",
                manifest.start().toString(),
                "--ga-end",
                manifest.end().toString(),
                "--interval",
                "5m",
                "--no-kubernetes",
                "-v",
                "--output",
                output.toString());
    }

    private static KpiSummary summary(String run) {
        return Json.readFile(temp.resolve(run).resolve("ga_kpi_summary.json"), KpiSummary.class);
    }

    private static List<String> splitLines(CommandRun run) {
        return run.err()
                .lines()
                .filter(l -> l.startsWith("kpi-collector: split "))
                .toList();
    }

    @Test
    void theLimitedRunCompletesWithTheStockRunsNumbers() {
        assertTrue(stockRun.exitCode() == 0 || stockRun.exitCode() == 1, stockRun.err());
        assertEquals(stockRun.exitCode(), limitedRun.exitCode(), limitedRun.err());
        assertTrue(splitLines(stockRun).isEmpty(), "the stock server needs no split");
        KpiSummary stock = summary("stock");
        KpiSummary limited = summary("limited");
        assertEquals(6, stock.services().size());
        assertEquals(stock.overall(), limited.overall());
        assertEquals(stock.services(), limited.services());
        assertEquals(stock.infrastructure(), limited.infrastructure());
        assertEquals(stock.observability(), limited.observability());
        assertEquals(stock.certification(), limited.certification());
        assertEquals(stock.gaps(), limited.gaps());
        assertEquals(stock.queries(), limited.queries(), "the recorded queries are the unsplit ones");
        assertTrue(stock.overall().totalRequests() > 0);
    }

    @Test
    void everySnapshotIsTheStockRunsToTheByte() throws IOException {
        Map<String, String> stock = snapshotFiles(temp.resolve("stock"));
        Map<String, String> limited = snapshotFiles(temp.resolve("limited"));
        assertEquals(72, stock.size());
        assertEquals(stock.keySet(), limited.keySet());
        stock.forEach((name, text) -> assertEquals(text, limited.get(name), name));
    }

    @Test
    void eachSplitIsOneLineAtVerboseNamingTheKpiTheLimitAndTheParts() {
        List<String> lines = splitLines(limitedRun);
        String limit = ": too many samples (Prometheus's --query.max-samples limit)";
        assertTrue(lines.size() > 10, String.join("\n", lines));
        assertTrue(lines.stream().allMatch(l -> l.endsWith(limit)), String.join("\n", lines));
        assertTrue(
                lines.stream()
                        .anyMatch(
                                l -> l.startsWith("kpi-collector: split queries.latencyBuckets into 2 parts by time (72"
                                        + " steps from ")),
                String.join("\n", lines));
        assertTrue(
                lines.stream()
                        .anyMatch(l -> l.matches("kpi-collector: split queries.latencyBuckets into \\d parts by service"
                                + " \\(service\\) \\(one step at .*")),
                String.join("\n", lines));
        assertTrue(
                lines.stream()
                        .anyMatch(l -> l.matches("kpi-collector: split queries.requests into \\d parts by service"
                                + " \\(service\\) \\(the evaluation at "
                                + STOCK.manifest().end() + "\\).*")),
                String.join("\n", lines));
        assertTrue(
                lines.stream()
                        .anyMatch(l -> l.startsWith("kpi-collector: split queries.dbLatencyBuckets into 2 parts by"
                                + " time (72 steps from ")),
                "a fleet-wide range query is split by time");
        assertTrue(
                lines.stream()
                        .filter(l -> l.contains("by service"))
                        .allMatch(l -> l.matches("kpi-collector: split queries\\.(latencyBuckets|requests|errors) .*")),
                "only the per-service queries over the limit are split by service");
    }

    @Test
    void whenNotEvenOneStepOfOneServiceFitsTheRunFailsWithOneLine() throws IOException {
        Path output = temp.resolve("tiny");
        CommandRun run = collect(TINY.server(), output);

        assertEquals(4, run.exitCode(), run.err());
        List<String> errors = run.err()
                .lines()
                .filter(l -> l.startsWith("kpi-collector: error: "))
                .toList();
        assertEquals(1, errors.size(), run.err());
        String line = errors.get(0);
        assertTrue(
                line.matches("kpi-collector: error: queries\\.[a-zA-Z]+ cannot be split further: too many samples"
                        + " \\(Prometheus's --query.max-samples limit\\) even for .*"),
                line);
        assertFalse(run.err().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(output.resolve("ga_kpi_summary.json")), "nothing written");
    }

    @Test
    void aServerThatTimesOutEveryPartFailsWithOneLineNamingItsTimeout() {
        Path output = temp.resolve("timing-out");
        CommandRun run = collect(TIMING_OUT.server(), output);

        assertEquals(4, run.exitCode(), run.err());
        List<String> errors = run.err()
                .lines()
                .filter(l -> l.startsWith("kpi-collector: error: "))
                .toList();
        assertEquals(1, errors.size(), run.err());
        assertTrue(
                errors.get(0)
                        .matches("kpi-collector: error: queries\\.[a-zA-Z]+ cannot be split further: timed out on the"
                                + " server \\(Prometheus's --query.timeout\\) even for .*"),
                errors.get(0));
        assertTrue(
                splitLines(run).stream()
                        .anyMatch(l -> l.endsWith(": timed out on the server (Prometheus's" + " --query.timeout)")),
                run.err());
        assertTrue(
                run.err().lines().filter(l -> l.contains("retrying in")).noneMatch(l -> l.contains("timed out")),
                "a server timeout is not retried as it is: " + run.err());
        assertFalse(Files.exists(output.resolve("ga_kpi_summary.json")), "nothing written");
    }

    private static Map<String, String> snapshotFiles(Path directory) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(directory)) {
            for (Path file : list.toList()) {
                if (file.getFileName().toString().startsWith("snapshot_")) {
                    files.put(file.getFileName().toString(), Files.readString(file));
                }
            }
        }
        return files;
    }
}
