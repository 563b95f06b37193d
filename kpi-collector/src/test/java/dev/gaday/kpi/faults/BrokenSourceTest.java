package dev.gaday.kpi.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.cli.CommandRun;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.kpi.KpiSummary;
import dev.gaday.common.prometheus.faults.FaultServer;
import dev.gaday.common.prometheus.faults.SilentServer;
import dev.gaday.common.prometheus.faults.SourceFault;
import dev.gaday.common.verdict.Status;
import dev.gaday.kpi.CollectKpisCommandAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A broken source is exit 4 with one line naming the cause, and the output directory keeps the previous
 * run's set untouched; "no series" is NO_DATA (exit 3) with a complete new set.
 */
class BrokenSourceTest {
    @TempDir
    Path temp;

    static SourceFault[] faults() {
        return SourceFault.faults();
    }

    private Path previousSet() throws IOException {
        Path output = Files.createDirectories(temp.resolve("kpis"));
        Files.writeString(output.resolve("snapshot_0001.json"), "previous snapshot");
        Files.writeString(output.resolve("ga_kpi_summary.json"), "previous summary");
        Files.writeString(output.resolve("notes.txt"), "the user's own file");
        return output;
    }

    private static CommandRun collect(String url, Path output, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--prometheus-url",
                url,
                "--ga-start",
                "2026-01-15T00:00:00Z",
                "--ga-end",
                "2026-01-15T01:00:00Z",
                "--no-kubernetes",
                "--output",
                output.toString()));
        args.addAll(List.of(more));
        return CommandRun.of(CollectKpisCommandAccess.plain(), args.toArray(String[]::new));
    }

    private void assertPreviousSetUntouched(Path output) throws IOException {
        assertEquals("previous snapshot", Files.readString(output.resolve("snapshot_0001.json")));
        assertEquals("previous summary", Files.readString(output.resolve("ga_kpi_summary.json")));
        assertEquals("the user's own file", Files.readString(output.resolve("notes.txt")));
        try (Stream<Path> files = Files.list(output)) {
            assertEquals(3, files.count(), "nothing new in " + output);
        }
        try (Stream<Path> siblings = Files.list(temp)) {
            assertEquals(List.of(output), siblings.toList(), "no staging directory left beside the output");
        }
    }

    @ParameterizedTest
    @MethodSource("faults")
    void aBrokenSourceIsExitFourWithOneLineAndNothingWritten(SourceFault fault) throws IOException {
        Path output = previousSet();
        try (FaultServer server = FaultServer.start(fault)) {
            CommandRun run = collect(server.url(), output, "--max-retries", "0");
            assertEquals(4, run.exitCode(), fault + ": " + run.err());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(
                    run.err().startsWith("kpi-collector: error: Prometheus failed: ")
                            || fault == SourceFault.WRONG_RESULT_TYPE
                                    && run.err().contains(server.url()),
                    run.err());
            assertTrue(run.err().contains(fault.expectedInMessage()), run.err());
            assertTrue(run.err().contains("nothing written"), run.err());
        }
        assertPreviousSetUntouched(output);
    }

    @Test
    void noSeriesIsNoDataWithACompleteNewSet() throws IOException {
        Path output = previousSet();
        try (FaultServer server = FaultServer.start(SourceFault.NO_SERIES)) {
            CommandRun run = collect(server.url(), output, "--interval", "30m");
            assertEquals(3, run.exitCode(), run.err());
        }
        KpiSummary summary = Json.readFile(output.resolve("ga_kpi_summary.json"), KpiSummary.class);
        assertEquals(Status.NO_DATA, summary.certification().status());
        assertTrue(Files.readString(output.resolve("snapshot_0001.json")).contains("\"sequence\""));
        assertTrue(Files.exists(output.resolve("snapshot_0002.json")));
        assertTrue(Files.exists(output.resolve("ga_kpi_summary.md")));
        assertEquals("the user's own file", Files.readString(output.resolve("notes.txt")));
    }

    @Test
    void anAnswerOverTheSizeCapIsExitFourWithOneLine() throws IOException {
        Path output = previousSet();
        try (FaultServer server = FaultServer.oversized(8L * 1024 * 1024)) {
            CommandRun run = collect(server.url(), output, "--max-answer-size", "64KiB");
            assertEquals(4, run.exitCode(), run.err());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(
                    run.err().contains("larger than the cap of 65.5 KB (65536 bytes; --max-answer-size)"), run.err());
        }
        assertPreviousSetUntouched(output);
    }

    @Test
    void anUnresponsiveSourceFailsWithinAboutOneRetryBudget() throws IOException {
        Path output = previousSet();
        try (SilentServer server = new SilentServer()) {
            long began = System.nanoTime();
            CommandRun run = collect(
                    server.url(), output, "--retry-budget", "2s", "--query-timeout", "30s", "--max-retries", "4");
            Duration took = Duration.ofNanos(System.nanoTime() - began);
            assertEquals(4, run.exitCode(), run.err());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().contains("retry budget of 2s spent"), run.err());
            // 20 summary and 10 range queries against a dead source: one budget for all, not one each.
            assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took + ": " + run.err());
            assertTrue(server.connections() >= 1);
        }
        assertPreviousSetUntouched(output);
    }
}
