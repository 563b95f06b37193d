package dev.gaday.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.prometheus.faults.FaultServer;
import dev.gaday.common.prometheus.faults.SilentServer;
import dev.gaday.common.prometheus.faults.SourceFault;
import dev.gaday.testkit.Poll;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real SIGTERM to a real retroactive kpi-collector process: no temp file or staging directory is left,
 * the previous set is as it was, and one line says so.
 */
class RetroactiveSignalProcessTest {
    @TempDir
    Path temp;

    private Path previousSet() throws IOException {
        Path output = Files.createDirectories(temp.resolve("out"));
        Files.writeString(output.resolve("ga_kpi_summary.json"), "previous summary");
        Files.writeString(output.resolve("snapshot_0001.json"), "previous snapshot");
        return output;
    }

    private Process start(String url, Path output, Path log, String start, String end, String interval)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        CollectKpisCommand.class.getName(),
                        "--prometheus-url",
                        url,
                        "--retry-budget",
                        "2m",
                        "--ga-start",
                        start,
                        "--ga-end",
                        end,
                        "--interval",
                        interval,
                        "--no-kubernetes",
                        "--output",
                        output.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private List<Path> staging() {
        try (Stream<Path> files = Files.list(temp)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".out.kpi-"))
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void assertInterruptedAndUntouched(Process process, Path output, Path log) throws Exception {
        process.destroy(); // SIGTERM
        assertTrue(process.waitFor(5, TimeUnit.SECONDS), "still running 5 s after SIGTERM: " + read(log));
        assertEquals(143, process.exitValue(), read(log));
        List<String> lines = read(log).lines().toList();
        assertEquals(1, lines.size(), read(log));
        assertTrue(lines.get(0).contains("interrupted; nothing written (" + output.toAbsolutePath()), lines.get(0));
        assertEquals(List.of(), staging());
        assertEquals("previous summary", Files.readString(output.resolve("ga_kpi_summary.json")));
        try (Stream<Path> files = Files.list(output)) {
            assertEquals(2, files.count());
        }
    }

    @Test
    void sigtermWhileQueryingLeavesNothing() throws Exception {
        Path output = previousSet();
        Path log = temp.resolve("stderr.log");
        try (SilentServer server = new SilentServer()) {
            Process process = start(server.url(), output, log, "2026-01-15T00:00:00Z", "2026-01-16T00:00:00Z", "5m");
            try {
                Poll.until(
                        "the queries are sent",
                        Duration.ofSeconds(30),
                        Duration.ofMillis(20),
                        () -> server.connections() > 0);
                assertEquals(1, staging().size());
                assertInterruptedAndUntouched(process, output, log);
            } finally {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void sigtermWhileWritingSnapshotsLeavesNoTempFiles() throws Exception {
        Path output = previousSet();
        Path log = temp.resolve("stderr.log");
        try (FaultServer server = FaultServer.start(SourceFault.NO_SERIES)) {
            // 30 days at 1 minute: 43,200 snapshots, written for long enough to be caught at it.
            Process process = start(server.url(), output, log, "2025-12-01T00:00:00Z", "2025-12-31T00:00:00Z", "1m");
            try {
                Poll.until(
                        "snapshots are being written",
                        Duration.ofSeconds(60),
                        Duration.ofMillis(5),
                        () -> staging().stream().anyMatch(RetroactiveSignalProcessTest::holdsFiles));
                assertInterruptedAndUntouched(process, output, log);
            } finally {
                process.destroyForcibly();
            }
        }
    }

    private static boolean holdsFiles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.findAny().isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
