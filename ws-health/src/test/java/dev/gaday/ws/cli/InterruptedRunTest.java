package dev.gaday.ws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.cli.ToolLauncher;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.ws.WsHealthMetrics;
import dev.gaday.common.verdict.Status;
import dev.gaday.ws.server.ChaosSettings;
import dev.gaday.ws.server.EchoChaosServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A run stopped as SIGTERM stops it (the shutdown hook's {@code stopAndAwaitReport}) is marked interrupted,
 * says how many of its planned cycles it completed, and is never a pass, although every cycle it ran passed.
 */
class InterruptedRunTest {
    @TempDir
    Path dir;

    @Test
    void aRunStoppedBySigtermIsMarkedInterruptedAndNeverPasses() throws Exception {
        EchoChaosServer server = TestServers.start(ChaosSettings.none());
        try {
            CheckWsHealthCommand command = new CheckWsHealthCommand();
            CommandLine commandLine = ToolLauncher.newCommandLine(command);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            AtomicInteger exit = new AtomicInteger(-1);
            Thread run = new Thread(() -> exit.set(commandLine.execute(
                    "--endpoint",
                    TestServers.url(server),
                    "--connections",
                    "2",
                    "--iterations",
                    "20",
                    "--interval",
                    "50ms",
                    "--output",
                    dir.toString())));
            run.start();
            // Wait for a few healthy cycles, then stop as the SIGTERM hook does.
            assertTrue(
                    TestServers.await(() -> server.openedConnections() >= 6, Duration.ofSeconds(20)),
                    "the run got going");
            command.stopAndAwaitReport(Duration.ofSeconds(10));
            run.join(15_000);

            WsHealthMetrics m = Json.readFile(dir.resolve("ws_health_metrics.json"), WsHealthMetrics.class);
            assertEquals(Boolean.TRUE, m.interrupted());
            assertEquals(40, m.plannedCycles());
            assertEquals(m.totalTests(), m.completedCycles());
            assertTrue(m.completedCycles() > 0 && m.completedCycles() < 40, "stopped midway: " + m.completedCycles());
            assertEquals(m.totalTests(), m.successful(), "every cycle that ran passed");
            assertNotEquals(Status.PASS, m.compliance().status());
            assertEquals(Status.NO_DATA, m.compliance().status());
            assertEquals(3, exit.get(), "inconclusive, in-process (a real SIGTERM ends with status 143)");
            assertTrue(
                    out.toString().contains("INTERRUPTED after " + m.completedCycles() + " of 40 cycles"),
                    out.toString());
        } finally {
            server.stopQuietly(Duration.ofSeconds(2));
        }
    }

    @Test
    void aRealSigtermToTheProcessWritesTheInterruptedMetricsAndExits143() throws Exception {
        EchoChaosServer server = TestServers.start(ChaosSettings.none());
        try {
            Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
            Process process = new ProcessBuilder(
                            javaBin.toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            CheckWsHealthCommand.class.getName(),
                            "--endpoint",
                            TestServers.url(server),
                            "--iterations",
                            "20",
                            "--interval",
                            "100ms",
                            "--output",
                            dir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("process.log").toFile())
                    .start();
            assertTrue(
                    TestServers.await(() -> server.openedConnections() >= 3, Duration.ofSeconds(30)),
                    "the run got going");
            process.destroy(); // SIGTERM
            assertTrue(process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "ended after SIGTERM");
            String log = java.nio.file.Files.readString(dir.resolve("process.log"));
            assertEquals(143, process.exitValue(), log);
            WsHealthMetrics m = Json.readFile(dir.resolve("ws_health_metrics.json"), WsHealthMetrics.class);
            assertEquals(Boolean.TRUE, m.interrupted(), log);
            assertEquals(20, m.plannedCycles());
            assertTrue(m.completedCycles() < 20, log);
            assertNotEquals(Status.PASS, m.compliance().status());
            assertTrue(log.contains("INTERRUPTED after"), log);
        } finally {
            server.stopQuietly(Duration.ofSeconds(2));
        }
    }

    @Test
    void aCompleteRunSaysSo() throws Exception {
        EchoChaosServer server = TestServers.start(ChaosSettings.none());
        try {
            WsHealthRun run = WsHealthRun.run(
                    dir, "--endpoint", TestServers.url(server), "--iterations", "3", "--interval", "10ms");
            assertEquals(0, run.exitCode(), run.transcript());
            WsHealthMetrics m = run.metrics();
            assertEquals(Boolean.FALSE, m.interrupted());
            assertEquals(3, m.plannedCycles());
            assertEquals(3, m.completedCycles());
            assertEquals(Status.PASS, m.compliance().status());
        } finally {
            server.stopQuietly(Duration.ofSeconds(2));
        }
    }
}
