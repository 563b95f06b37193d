package dev.gaday.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gaday.common.cli.CommandRun;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.kpi.KpiSummary;
import dev.gaday.testkit.dataset.Dataset;
import dev.gaday.testkit.dataset.GaDayGenerator;
import dev.gaday.testkit.dataset.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * VictoriaMetrics' per-query limits, for real: the same generated 6-hour day served by a stock
 * VictoriaMetrics and by one started with low {@code -search.max*} limits. Its limits answer HTTP 422 in its
 * own words ("too many points for the given step", "cannot select more than -search.maxSamplesPerQuery"),
 * which kpi-collector must read as limits, split (by time, then by services) and stitch back to the stock
 * run's numbers (to the last bit but for the order of float sums, see {@link #assertSameNumbers}). With a limit no single step of one service fits, it fails with one line, exit 4.
 */
class VictoriaMetricsLimitsIT {
    private static final List<String> LIMITS = List.of(
            "-search.maxPointsPerTimeseries=" + VictoriaMetricsLimitsIT.MAX_POINTS,
            "-search.maxSamplesPerQuery=" + VictoriaMetricsLimitsIT.MAX_SAMPLES);
    static final int MAX_POINTS = 30;
    static final int MAX_SAMPLES = 20000;

    @TempDir
    static Path temp;

    static Manifest manifest;
    static VictoriaMetricsServer stock;
    static VictoriaMetricsServer limited;
    static VictoriaMetricsServer tiny;
    static CommandRun stockRun;
    static CommandRun limitedRun;

    @BeforeAll
    static void collect() throws Exception {
        Dataset dataset = GaDayGenerator.builder()
                .hours(6)
                .step(Duration.ofSeconds(60))
                .services(6)
                .instancesPerService(4)
                .build()
                .generate(temp.resolve("dataset"));
        manifest = dataset.manifest();
        // Loaded once, without limits (the load's own probe would hit them), then the stopped server's data
        // directory is copied for the limited ones.
        try (VictoriaMetricsServer loader = VictoriaMetricsServer.start(temp.resolve("vm-stock"))) {
            loader.load(dataset.files(), manifest.end());
        }
        copy(temp.resolve("vm-stock"), temp.resolve("vm-limited"));
        copy(temp.resolve("vm-stock"), temp.resolve("vm-tiny"));
        stock = VictoriaMetricsServer.start(temp.resolve("vm-stock"));
        stock.awaitSearchable(manifest.end());
        limited = VictoriaMetricsServer.start(temp.resolve("vm-limited"), LIMITS);
        tiny = VictoriaMetricsServer.start(temp.resolve("vm-tiny"), List.of("-search.maxSamplesPerQuery=10"));
        stockRun = collect(stock, temp.resolve("stock"));
        limitedRun = collect(limited, temp.resolve("limited"));
    }

    @AfterAll
    static void stop() {
        for (VictoriaMetricsServer server : new VictoriaMetricsServer[] {stock, limited, tiny}) {
            if (server != null) {
                server.close();
            }
        }
    }

    private static CommandRun collect(VictoriaMetricsServer server, Path output) {
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

    private static List<String> splitLines(CommandRun run) {
        return run.err()
                .lines()
                .filter(l -> l.startsWith("kpi-collector: split "))
                .toList();
    }

    @Test
    void theLimitedRunCompletesWithTheStockRunsNumbers() throws IOException {
        assertTrue(stockRun.exitCode() == 0 || stockRun.exitCode() == 1, stockRun.err());
        assertEquals(stockRun.exitCode(), limitedRun.exitCode(), limitedRun.err());
        assertTrue(splitLines(stockRun).isEmpty(), "the stock server needs no split: " + stockRun.err());
        KpiSummary stockSummary = Json.readFile(temp.resolve("stock/ga_kpi_summary.json"), KpiSummary.class);
        assertEquals(6, stockSummary.services().size());
        assertTrue(stockSummary.overall().totalRequests() > 0);
        assertSameNumbers(temp.resolve("stock/ga_kpi_summary.json"), temp.resolve("limited/ga_kpi_summary.json"));
        Map<String, Path> stockSnapshots = snapshotFiles(temp.resolve("stock"));
        Map<String, Path> limitedSnapshots = snapshotFiles(temp.resolve("limited"));
        assertEquals(72, stockSnapshots.size());
        assertEquals(stockSnapshots.keySet(), limitedSnapshots.keySet());
        for (Map.Entry<String, Path> snapshot : stockSnapshots.entrySet()) {
            assertSameNumbers(snapshot.getValue(), limitedSnapshots.get(snapshot.getKey()));
        }
    }

    /**
     * The same document, every number equal to within 1e-12 of its size: unlike Prometheus, VictoriaMetrics does
     * not keep one order of series across selectors, so an average over the series of a shard may differ from the
     * whole query's in the last bit (0.20101851851851854 against 0.2010185185185185). Counts are equal exactly.
     */
    private static void assertSameNumbers(Path expected, Path actual) throws IOException {
        JsonNode a = Json.mapper().readTree(expected.toFile());
        JsonNode b = Json.mapper().readTree(actual.toFile());
        assertSameNumbers(a, b, expected.getFileName().toString());
    }

    private static void assertSameNumbers(JsonNode a, JsonNode b, String where) {
        if (a.isNumber() && b.isNumber()) {
            double x = a.doubleValue();
            double y = b.doubleValue();
            assertTrue(
                    Math.abs(x - y) <= 1e-12 * Math.max(1, Math.max(Math.abs(x), Math.abs(y))),
                    where + ": " + x + " vs " + y);
            return;
        }
        assertEquals(a.getNodeType(), b.getNodeType(), where);
        if (a.isObject()) {
            List<String> names = new java.util.ArrayList<>();
            a.fieldNames().forEachRemaining(names::add);
            List<String> otherNames = new java.util.ArrayList<>();
            b.fieldNames().forEachRemaining(otherNames::add);
            assertEquals(names, otherNames, where);
            for (String name : names) {
                if (!name.equals("generatedAt")) { // when each run wrote its file
                    assertSameNumbers(a.get(name), b.get(name), where + "." + name);
                }
            }
        } else if (a.isArray()) {
            assertEquals(a.size(), b.size(), where);
            for (int i = 0; i < a.size(); i++) {
                assertSameNumbers(a.get(i), b.get(i), where + "[" + i + "]");
            }
        } else if (a.isTextual()) {
            // The servers' addresses differ (gap reasons name the request).
            assertEquals(
                    a.asText().replaceAll("127\\.0\\.0\\.1:\\d+", "HOST"),
                    b.asText().replaceAll("127\\.0\\.0\\.1:\\d+", "HOST"),
                    where);
        } else {
            assertEquals(a, b, where);
        }
    }

    @Test
    void theSplitsNameVictoriaMetricsLimitAndBothWaysOfSplittingAreUsed() {
        List<String> splits = splitLines(limitedRun);
        assertFalse(splits.isEmpty(), limitedRun.err());
        assertTrue(
                splits.stream()
                        .allMatch(l -> l.endsWith(
                                ": over a per-query limit of VictoriaMetrics (its -search.max* flags: samples, points,"
                                        + " series)")),
                String.join("\n", splits));
        assertTrue(splits.stream().anyMatch(l -> l.contains(" by time (")), String.join("\n", splits));
        assertTrue(splits.stream().anyMatch(l -> l.contains(" by service (")), String.join("\n", splits));
    }

    @Test
    void aLimitNoStepOfOneServiceFitsIsOneLineAndExit4() {
        CommandRun run = collect(tiny, temp.resolve("tiny"));
        assertEquals(4, run.exitCode(), run.err());
        List<String> errors =
                run.err().lines().filter(l -> l.contains(": error: ")).toList();
        assertEquals(1, errors.size(), run.err());
        assertTrue(
                errors.get(0)
                        .matches("kpi-collector: error: queries\\.\\S+ cannot be split further: over a per-query "
                                + "limit of VictoriaMetrics .* even for .*"),
                errors.get(0));
        assertFalse(Files.exists(temp.resolve("tiny/ga_kpi_summary.json")), "nothing written");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from.resolve("data"))) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file));
                if (Files.isSymbolicLink(file)) {
                    Files.createSymbolicLink(target, Files.readSymbolicLink(file));
                } else if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static Map<String, Path> snapshotFiles(Path dir) throws IOException {
        Map<String, Path> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.filter(f -> f.getFileName().toString().startsWith("snapshot_"))
                    .toList()) {
                files.put(file.getFileName().toString(), file);
            }
        }
        return files;
    }
}
