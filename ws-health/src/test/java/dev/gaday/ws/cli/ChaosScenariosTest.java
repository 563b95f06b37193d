package dev.gaday.ws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.model.ws.WsHealthMetrics;
import dev.gaday.ws.server.ChaosSettings;
import dev.gaday.ws.server.EchoChaosServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ws-health against the rehearsal server's chaos: refusals, slow and hanging handshakes, drops. */
class ChaosScenariosTest {
    @TempDir
    Path dir;

    private EchoChaosServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stopQuietly(Duration.ofSeconds(2));
        }
    }

    @Test
    void refusalWindowShowsAsFailuresAndAMatchingMaxDowntime() throws Exception {
        Duration window = Duration.ofMillis(1500);
        server = TestServers.start(ChaosSettings.none().withRefusal(Duration.ofMillis(400), window));
        WsHealthRun run = WsHealthRun.run(
                dir.resolve("m"),
                "--endpoint",
                TestServers.url(server),
                "--duration",
                "2.8s",
                "--interval",
                "40ms",
                "--reconnect-initial-delay",
                "10ms",
                "--reconnect-max-delay",
                "20ms",
                "--reconnect-timeout",
                "250ms",
                "--disconnect-mode",
                "drop");
        assertEquals(1, run.exitCode(), run.transcript());
        WsHealthMetrics m = run.metrics();
        // 1.5 s of refusals cut into 250 ms cycles: about six failed tests
        assertTrue(m.failed() >= 5 && m.failed() <= 7, "failed " + m.failed() + "\n" + run.json());
        assertTrue(m.successful() > 5, "cycles before and after the window succeed: " + m.successful());
        double expected = window.toNanos() / 1e9;
        assertEquals(expected, m.maxDowntimeSeconds(), expected * 0.1, "max downtime vs the refusal window");
        assertTrue(
                m.failureReasons().getOrDefault("handshake rejected", 0) > 0,
                m.failureReasons().toString());
        assertTrue(server.refusedHandshakes() > 0);
        assertTrue(m.avgAttempts() >= 1.0);
    }

    @Test
    void aRepeatedRefusalWindowIsMetAgainAndRecoveredFromEachTime() throws Exception {
        // 300 ms of refusals at 0.2 s, 1.2 s and 2.2 s: a client started at any time meets one.
        server = TestServers.start(ChaosSettings.none()
                .withRepeatedRefusal(Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofSeconds(1)));
        WsHealthRun run = WsHealthRun.run(
                dir.resolve("m"),
                "--endpoint",
                TestServers.url(server),
                "--duration",
                "2.6s",
                "--interval",
                "40ms",
                "--reconnect-initial-delay",
                "10ms",
                "--reconnect-max-delay",
                "20ms",
                "--reconnect-timeout",
                "250ms",
                "--disconnect-mode",
                "drop");
        WsHealthMetrics m = run.metrics();
        assertTrue(m.failed() >= 2, "a failure in more than one window: " + m.failed() + "\n" + run.json());
        assertTrue(m.successful() > m.failed(), "most cycles fall between the windows: " + run.json());
        assertTrue(
                m.maxDowntimeSeconds() < 0.75,
                "each outage is one 300 ms window, not one long one: " + m.maxDowntimeSeconds());
        assertTrue(
                m.failureReasons().getOrDefault("handshake rejected", 0) >= 2,
                m.failureReasons().toString());
    }

    @Test
    void handshakeDelayShowsInEveryLatency() throws Exception {
        Duration delay = Duration.ofMillis(200);
        server = TestServers.start(ChaosSettings.none().withHandshakeDelay(delay));
        WsHealthRun run = WsHealthRun.run(
                dir.resolve("m"),
                "--endpoint",
                TestServers.url(server),
                "--iterations",
                "3",
                "--interval",
                "10ms",
                "--reconnect-initial-delay",
                "0");
        assertEquals(0, run.exitCode(), run.transcript());
        WsHealthMetrics m = run.metrics();
        assertEquals(3, m.successful());
        assertTrue(m.latencyMs().min() >= 200, "every reconnect waits for the delayed handshake: " + m.latencyMs());
        assertTrue(m.phasesMs().upgrade().min() >= 200, "the delay is in the upgrade phase: " + m.phasesMs());
        assertTrue(m.phasesMs().tcpConnect().max() < 200, "not in the TCP connect: " + m.phasesMs());
        assertTrue(m.latencyMs().max() < 1000, m.latencyMs().toString());
    }

    @Test
    void handshakeThatNeverCompletesCountsAsFailuresAndTheRunEndsOnTime() throws Exception {
        server = TestServers.start(ChaosSettings.none().withHandshakeDelay(Duration.ofHours(1)));
        WsHealthRun run = WsHealthRun.run(
                dir.resolve("m"),
                "--endpoint",
                TestServers.url(server),
                "--iterations",
                "2",
                "--interval",
                "10ms",
                "--handshake-timeout",
                "200ms",
                "--reconnect-timeout",
                "300ms",
                "--reconnect-initial-delay",
                "50ms",
                "--reconnect-max-delay",
                "50ms");
        assertEquals(1, run.exitCode(), run.transcript());
        WsHealthMetrics m = run.metrics();
        assertEquals(2, m.totalTests());
        assertEquals(2, m.failed());
        assertNull(m.latencyMs().avg());
        assertTrue(
                m.failureReasons().getOrDefault("handshake timeout", 0) >= 3,
                m.failureReasons().toString());
        // the first connect and two cycles, 300 ms each
        assertTrue(run.elapsedMillis() < 900 + 600, "took " + run.elapsedMillis() + " ms");
        assertTrue(m.maxDowntimeSeconds() >= 0.85, "down from the start: " + m.maxDowntimeSeconds());

        WsHealthRun timed = WsHealthRun.run(
                dir.resolve("t"),
                "--endpoint",
                TestServers.url(server),
                "--duration",
                "1s",
                "--handshake-timeout",
                "200ms",
                "--reconnect-timeout",
                "300ms");
        assertEquals(1, timed.exitCode(), timed.transcript());
        assertTrue(
                timed.elapsedMillis() < 1000 + 400, "a --duration run ends on time: " + timed.elapsedMillis() + " ms");
        assertEquals(1, timed.metrics().unfinishedCycles(), timed.json());
    }

    @Test
    void nothingCompletedIsInconclusive() throws Exception {
        server = TestServers.start(ChaosSettings.none().withHandshakeDelay(Duration.ofHours(1)));
        WsHealthRun run = WsHealthRun.run(
                dir.resolve("m"),
                "--endpoint",
                TestServers.url(server),
                "--duration",
                "400ms",
                "--handshake-timeout",
                "100ms",
                "--reconnect-timeout",
                "1s");
        assertEquals(3, run.exitCode(), run.transcript());
        assertEquals(0, run.metrics().totalTests());
        assertEquals("NO_DATA", run.metrics().compliance().status().name());
    }

    @Test
    void cleanCloseAndAbruptDropAreBothMeasuredAndReachTheServerAsSuch() throws Exception {
        server = TestServers.start(ChaosSettings.none());
        WsHealthRun run = WsHealthRun.run(
                dir.resolve("m"),
                "--endpoint",
                TestServers.url(server),
                "--iterations",
                "6",
                "--interval",
                "20ms",
                "--disconnect-mode",
                "both",
                "--reconnect-initial-delay",
                "0");
        assertEquals(0, run.exitCode(), run.transcript());
        WsHealthMetrics m = run.metrics();
        assertEquals(3, m.byDisconnectMode().get("close").successful());
        assertEquals(3, m.byDisconnectMode().get("drop").successful());
        assertTrue(m.byDisconnectMode().get("close").latencyMs().avg() > 0);
        assertTrue(m.byDisconnectMode().get("drop").latencyMs().avg() > 0);
        assertTrue(
                TestServers.await(
                        () -> server.closedWithFrame() >= 3 && server.closedAbnormally() >= 3, Duration.ofSeconds(5)),
                "server saw " + server.closedWithFrame() + " close frames and " + server.closedAbnormally()
                        + " abrupt ones");
        assertEquals(0, m.serverInitiatedDrops().count());
    }

    @Test
    void serverInitiatedDropsAreReportedApart() throws Exception {
        for (boolean withCloseFrame : new boolean[] {false, true}) {
            server = TestServers.start(ChaosSettings.none().withDropAfter(Duration.ofMillis(150), withCloseFrame));
            WsHealthRun run = WsHealthRun.run(
                    dir.resolve("m"),
                    "--endpoint",
                    TestServers.url(server),
                    "--iterations",
                    "2",
                    "--interval",
                    "400ms",
                    "--reconnect-initial-delay",
                    "0",
                    "--disconnect-mode",
                    "drop");
            assertEquals(0, run.exitCode(), run.transcript());
            WsHealthMetrics m = run.metrics();
            assertEquals(2, m.totalTests(), "server drops are not tests");
            assertTrue(
                    m.serverInitiatedDrops().count() >= 2,
                    m.serverInitiatedDrops().toString());
            assertEquals(
                    m.serverInitiatedDrops().count(), m.serverInitiatedDrops().recovered());
            assertTrue(
                    m.serverInitiatedDrops().maxRecoveryMs() < 1000,
                    m.serverInitiatedDrops().toString());
            assertTrue(server.droppedConnections() >= m.serverInitiatedDrops().count());
            server.stopQuietly(Duration.ofSeconds(2));
        }
        server = null;
    }

    @Test
    void pingProvesTheConnectionOnlyWhenTheServerAnswers() throws Exception {
        server = TestServers.start(ChaosSettings.none());
        WsHealthRun answered = WsHealthRun.run(
                dir.resolve("a"),
                "--endpoint",
                TestServers.url(server),
                "--iterations",
                "2",
                "--interval",
                "10ms",
                "--ping");
        assertEquals(0, answered.exitCode(), answered.transcript());
        assertEquals(
                2,
                answered.metrics().applicationLatencyMs() == null
                        ? 0
                        : answered.metrics().successful());
        server.stopQuietly(Duration.ofSeconds(2));

        server = TestServers.start(ChaosSettings.none().withAnswerPings(false));
        WsHealthRun silent = WsHealthRun.run(
                dir.resolve("b"),
                "--endpoint",
                TestServers.url(server),
                "--iterations",
                "2",
                "--interval",
                "10ms",
                "--ping",
                "--handshake-timeout",
                "100ms",
                "--reconnect-timeout",
                "250ms");
        assertEquals(1, silent.exitCode(), silent.transcript());
        assertEquals(2, silent.metrics().failed());
        assertTrue(silent.metrics().failureReasons().getOrDefault("no pong", 0) > 0, silent.json());
    }

    @Test
    void sendExpectNeedsTheRightAnswer() throws Exception {
        server = TestServers.start(ChaosSettings.none());
        WsHealthRun echoed = WsHealthRun.run(
                dir.resolve("a"),
                "--endpoint",
                TestServers.url(server),
                "--iterations",
                "2",
                "--interval",
                "10ms",
                "--send",
                "hello 42",
                "--expect",
                "hello \\d+");
        assertEquals(0, echoed.exitCode(), echoed.transcript());
        WsHealthMetrics m = echoed.metrics();
        assertTrue(m.applicationLatencyMs().avg() >= m.latencyMs().avg(), "the answer comes after the open");

        WsHealthRun wrong = WsHealthRun.run(
                dir.resolve("b"),
                "--endpoint",
                TestServers.url(server),
                "--iterations",
                "1",
                "--interval",
                "10ms",
                "--send",
                "hello",
                "--expect",
                "^goodbye$",
                "--handshake-timeout",
                "100ms",
                "--reconnect-timeout",
                "250ms");
        assertEquals(1, wrong.exitCode(), wrong.transcript());
        assertTrue(wrong.metrics().failureReasons().getOrDefault("no reply", 0) > 0, wrong.json());
    }
}
