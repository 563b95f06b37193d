package dev.gaday.ws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.model.ws.WsHealthMetrics;
import dev.gaday.common.verdict.Status;
import dev.gaday.testkit.hostile.HostileWebSocketServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Servers that answer the upgrade and then send frames no client should buffer: each such connection is a
 * failed attempt, no probe is lost from the totals, nothing is allocated for the announced size, no trace.
 */
class HostileFramesTest {
    @TempDir
    Path dir;

    private static void assertCleanFailure(WsHealthRun run, int connections, int iterations) {
        assertEquals(1, run.exitCode(), run.transcript());
        WsHealthMetrics m = run.metrics();
        assertEquals(connections * iterations, m.totalTests(), "no connection dropped from the totals");
        assertEquals(0, m.successful());
        assertEquals(Status.FAIL, m.compliance().status());
        assertTrue(
                m.failureReasons().getOrDefault("message too large", 0) >= connections,
                "the oversized frames are the named failure: " + m.failureReasons());
        for (String text : new String[] {run.out(), run.err()}) {
            assertFalse(text.contains("Exception") || text.contains("Error") || text.contains("\tat "), text);
        }
    }

    @Test
    void aFrameAnnouncingTwoGibibytesIsAFailedAttemptNotAnOutOfMemoryError() throws Exception {
        Runtime runtime = Runtime.getRuntime();
        try (HostileWebSocketServer server =
                HostileWebSocketServer.start(HostileWebSocketServer.announceFrame(Integer.MAX_VALUE - 1))) {
            long usedBefore = runtime.totalMemory() - runtime.freeMemory();
            WsHealthRun run = WsHealthRun.run(
                    dir.resolve("out"),
                    "--endpoint",
                    server.url(),
                    "--connections",
                    "2",
                    "--iterations",
                    "3",
                    "--interval",
                    "10ms",
                    "--ping",
                    "--reconnect-initial-delay",
                    "20ms",
                    "--reconnect-max-delay",
                    "50ms",
                    "--reconnect-timeout",
                    "300ms");
            long usedAfter = runtime.totalMemory() - runtime.freeMemory();
            assertCleanFailure(run, 2, 3);
            assertTrue(server.upgrades() >= 2, "the hostile server answered the upgrades: " + server.upgrades());
            assertTrue(
                    usedAfter - usedBefore < 512L * 1024 * 1024,
                    "no buffer for the announced size: " + (usedAfter - usedBefore) / (1024 * 1024)
                            + " MiB more heap in use");
        }
    }

    @Test
    void aMessageFragmentedPastTheCapIsAFailedAttemptAndTheCapIsConfigurable() throws Exception {
        // 5 fragments of 20 KiB: each frame is small, the message (100 KiB) is over a 64 KiB cap.
        try (HostileWebSocketServer server =
                HostileWebSocketServer.start(HostileWebSocketServer.fragmentedMessage(5, 20 * 1024))) {
            WsHealthRun run = WsHealthRun.run(
                    dir.resolve("capped"),
                    "--endpoint",
                    server.url(),
                    "--iterations",
                    "2",
                    "--interval",
                    "10ms",
                    "--ping",
                    "--max-message-size",
                    "64KiB",
                    "--reconnect-initial-delay",
                    "20ms",
                    "--reconnect-max-delay",
                    "50ms",
                    "--reconnect-timeout",
                    "300ms");
            assertCleanFailure(run, 1, 2);

            // Under the default cap (1 MiB) the same message is accepted: the failure is then only the missing pong.
            WsHealthRun allowed = WsHealthRun.run(
                    dir.resolve("default"),
                    "--endpoint",
                    server.url(),
                    "--iterations",
                    "1",
                    "--interval",
                    "10ms",
                    "--ping",
                    "--handshake-timeout",
                    "200ms",
                    "--reconnect-initial-delay",
                    "20ms",
                    "--reconnect-max-delay",
                    "50ms",
                    "--reconnect-timeout",
                    "300ms");
            assertEquals(1, allowed.exitCode(), allowed.transcript());
            assertFalse(
                    allowed.metrics().failureReasons().containsKey("message too large"),
                    allowed.metrics().failureReasons().toString());
            assertTrue(
                    allowed.metrics().failureReasons().containsKey("no pong"),
                    allowed.metrics().failureReasons().toString());
        }
    }

    @Test
    void anOversizedFrameWhileHoldingIsAServerDropAndTheRunGoesOn() throws Exception {
        // The upgrade is clean; 100 ms into each 400 ms hold the server announces a 2 GiB frame.
        try (HostileWebSocketServer server =
                HostileWebSocketServer.start(HostileWebSocketServer.announceFrameAfter(100, Integer.MAX_VALUE - 1))) {
            WsHealthRun run = WsHealthRun.run(
                    dir.resolve("hold"),
                    "--endpoint",
                    server.url(),
                    "--iterations",
                    "2",
                    "--interval",
                    "400ms",
                    "--disconnect-mode",
                    "drop",
                    "--reconnect-initial-delay",
                    "0");
            WsHealthMetrics m = run.metrics();
            assertEquals(2, m.totalTests(), run.transcript());
            assertTrue(
                    m.serverInitiatedDrops().count() >= 1,
                    "the oversized frame ended the held connection at once: " + run.json());
            assertTrue(run.elapsedMillis() < 5000, run.elapsedMillis() + " ms");
            assertFalse(run.err().contains("Error") || run.err().contains("Exception"), run.err());
        }
    }
}
