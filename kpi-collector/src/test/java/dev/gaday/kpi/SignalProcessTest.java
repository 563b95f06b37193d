package dev.gaday.kpi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.json.Json;
import dev.gaday.common.model.kpi.KpiSummary;
import dev.gaday.common.verdict.Status;
import dev.gaday.testkit.Poll;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real SIGTERM to a real kpi-collector process in live mode: the partial summary is written within 5 s. */
class SignalProcessTest {
    @TempDir
    Path temp;

    @Test
    void sigtermWritesAPartialSummaryWithinFiveSeconds() throws Exception {
        Path output = temp.resolve("out");
        Path log = temp.resolve("stderr.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Nothing listens on port 9: every snapshot is a gap, which is fine for a signal test.
        Process process = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        CollectKpisCommand.class.getName(),
                        "--prometheus-url",
                        "http://127.0.0.1:9",
                        "--max-retries",
                        "0",
                        "--duration",
                        "1",
                        "--interval",
                        "1",
                        "--no-kubernetes",
                        "--output",
                        output.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            Poll.until("the live run started", Duration.ofSeconds(30), Duration.ofMillis(50), () -> read(log)
                    .contains("live collection from"));
            long began = System.nanoTime();
            process.destroy(); // SIGTERM
            assertTrue(process.waitFor(5, TimeUnit.SECONDS), "still running 5 s after SIGTERM: " + read(log));
            Duration took = Duration.ofNanos(System.nanoTime() - began);
            assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
            KpiSummary summary = Json.readFile(output.resolve("ga_kpi_summary.json"), KpiSummary.class);
            assertTrue(summary.partial(), read(log));
            assertTrue(summary.certification().status() == Status.NO_DATA);
            assertTrue(Files.exists(output.resolve("ga_kpi_summary.json.sha256")));
        } finally {
            process.destroyForcibly();
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
