package dev.gaday.ws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gaday.common.model.ws.WsHealthMetrics;
import dev.gaday.common.verdict.Status;
import dev.gaday.ws.server.ChaosSettings;
import dev.gaday.ws.server.EchoChaosServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ws-health against a plain, healthy echo server: the happy path, the contract, the CLI's edges. */
class CheckWsHealthCommandTest {
    private static EchoChaosServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestServers.start(ChaosSettings.none());
    }

    @AfterAll
    static void stopServer() {
        server.stopQuietly(Duration.ofSeconds(2));
    }

    @Test
    void acceptingServerGivesFullSuccessWithLatenciesNearTheHandshake() {
        WsHealthRun run = WsHealthRun.run(dir.resolve("m.json"), "--endpoint", TestServers.url(server),
                "--iterations", "8", "--interval", "20ms", "--reconnect-initial-delay", "0", "--disconnect-mode", "drop");
        assertEquals(0, run.exitCode(), run.transcript());
        WsHealthMetrics m = run.metrics();
        assertEquals(8, m.totalTests());
        assertEquals(8, m.successful());
        assertEquals(100.0, m.successRatePercent());
        assertEquals(Status.PASS, m.compliance().status());
        assertEquals(1.0, m.avgAttempts());
        // With no backoff delay a reconnect is a TCP connect plus the upgrade: the latency must be
        // at least the measured handshake and exceed it only by the probe's own small overhead.
        // Every reconnect contains one TCP connect and one upgrade, so the fastest reconnect
        // cannot beat the fastest of each; and on average the probe adds little on top of them.
        double fastestHandshake = m.phasesMs().tcpConnect().min() + m.phasesMs().upgrade().min();
        assertTrue(m.latencyMs().min() >= fastestHandshake,
                () -> "min " + m.latencyMs().min() + " < fastest handshake " + fastestHandshake);
        double averageHandshake = m.phasesMs().tcpConnect().avg() + m.phasesMs().upgrade().avg();
        assertTrue(m.latencyMs().avg() < averageHandshake + 15,
                () -> "avg " + m.latencyMs().avg() + " far above the handshake's " + averageHandshake);
        assertTrue(m.latencyMs().max() < 1000, "loopback reconnects take milliseconds: " + m.latencyMs());
        assertTrue(m.maxDowntimeSeconds() * 1000 >= m.latencyMs().max() - 0.01, "downtime covers the slowest reconnect");
        assertTrue(run.out().contains("ws-health PASS"), run.out());
    }

    @Test
    void jsonCarriesTheContractFields() {
        WsHealthRun run = WsHealthRun.run(dir.resolve("ws_health_metrics.json"), "--endpoint", TestServers.url(server),
                "--iterations", "4", "--interval", "10ms");
        assertEquals(0, run.exitCode(), run.transcript());
        JsonNode json = run.tree();
        for (String field : List.of("endpoint", "totalTests", "successful", "failed", "successRatePercent",
                "maxDowntimeSeconds", "avgJitterMs")) {
            assertTrue(json.has(field), field);
        }
        assertEquals(TestServers.url(server), json.get("endpoint").asText());
        assertEquals(4, json.get("totalTests").asInt());
        assertEquals(4, json.get("successful").asInt());
        assertEquals(0, json.get("failed").asInt());
        assertEquals(100.0, json.get("successRatePercent").asDouble());
        for (String p : List.of("avg", "p50", "p95", "p99", "max")) {
            assertTrue(json.get("latencyMs").get(p).isNumber(), "latencyMs." + p);
        }
        JsonNode latency = json.get("latencyMs");
        assertTrue(latency.get("p50").asDouble() <= latency.get("p99").asDouble());
        assertTrue(latency.get("p99").asDouble() <= latency.get("max").asDouble());
        assertEquals("PASS", json.get("compliance").get("status").asText());
        JsonNode requirements = json.get("compliance").get("requirements");
        assertEquals(5, requirements.size());
        List<String> names = List.of("Reconnection success rate", "Avg reconnection latency", "P99 reconnection latency",
                "Max downtime", "Avg jitter");
        for (int i = 0; i < 5; i++) {
            JsonNode r = requirements.get(i);
            assertEquals(names.get(i), r.get("name").asText());
            for (String field : List.of("value", "threshold", "status", "warningOnly")) {
                assertTrue(r.has(field), names.get(i) + "." + field);
            }
            assertEquals(i == 4, r.get("warningOnly").asBoolean(), names.get(i));
        }
        assertEquals(100.0, requirements.get(0).get("value").asDouble());
        assertEquals(95.0, requirements.get(0).get("threshold").asDouble());
        assertEquals(10.0, requirements.get(1).get("threshold").asDouble());
        assertEquals(30.0, requirements.get(2).get("threshold").asDouble());
        assertEquals(60.0, requirements.get(3).get("threshold").asDouble());
        assertEquals(2.0, requirements.get(4).get("threshold").asDouble());
        assertEquals(latency.get("avg").asDouble() / 1000, requirements.get(1).get("value").asDouble(), 1e-9);
        assertEquals("ws-health-metrics", json.get("kind").asText());
        assertEquals(1, json.get("schemaVersion").asInt());
        // both disconnect modes were exercised, alternately
        assertEquals(2, json.get("byDisconnectMode").get("close").get("totalTests").asInt());
        assertEquals(2, json.get("byDisconnectMode").get("drop").get("totalTests").asInt());
    }

    @Test
    void thresholdOverridesDecideTheVerdict() {
        // Nobody reconnects within 1 µs on average: the overridden latency criterion fails the run.
        WsHealthRun run = WsHealthRun.run(dir.resolve("m.json"), "--endpoint", TestServers.url(server),
                "--iterations", "2", "--interval", "10ms", "--max-avg-latency", "0.000001");
        assertEquals(1, run.exitCode(), run.transcript());
        WsHealthMetrics m = run.metrics();
        assertEquals(Status.FAIL, m.compliance().status());
        assertEquals(Status.FAIL, m.compliance().requirements().get(1).status());
        assertEquals(Status.PASS, m.compliance().requirements().get(0).status());
    }

    @Test
    void jitterOverThresholdOnlyWarnsAndStillPasses() {
        WsHealthRun run = WsHealthRun.run(dir.resolve("m.json"), "--endpoint", TestServers.url(server),
                "--iterations", "2", "--interval", "10ms", "--max-avg-jitter", "0");
        assertEquals(0, run.exitCode(), run.transcript());
        assertEquals(Status.WARN, run.metrics().compliance().status());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "--iterations=abc", "--endpoint=http://127.0.0.1:1/", "--expect=x", "--connections=0", "--bogus",
        "--interval=5 parsecs", "--iterations=3 --duration=1s", "--endpoint=ws://", "--header=NoColon",
        "--reconnect-multiplier=0.5", "--ca-file=/nonexistent/ca.pem --endpoint=wss://127.0.0.1:1/",
        "--output=/nonexistent-dir/m.json", "--send=x --ping", "--token-env=WS_HEALTH_UNSET_VARIABLE"})
    void badFlagsGiveOneLineAndExitTwo(String flags) {
        List<String> args = new java.util.ArrayList<>(List.of(flags.split(" ")));
        if (args.stream().noneMatch(a -> a.startsWith("--endpoint"))) {
            args.add("--endpoint=" + TestServers.url(server));
        }
        Path out = dir.resolve("never.json");
        if (args.stream().anyMatch(a -> a.startsWith("--output"))) {
            out = null;
        }
        WsHealthRun run = WsHealthRun.run(out, args.toArray(String[]::new));
        assertEquals(2, run.exitCode(), run.transcript());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("ws-health: "), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertFalse(Files.exists(dir.resolve("never.json")), "no output on a usage error");
    }

    @Test
    void outputThatIsADirectoryIsRejectedBeforeTheRun() {
        WsHealthRun run = WsHealthRun.run(dir, "--endpoint", TestServers.url(server), "--iterations", "1");
        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("is a directory"), run.err());
        assertEquals("", run.out(), "nothing ran");
    }

    @Test
    void unresolvableHostIsARuntimeError() {
        WsHealthRun run = WsHealthRun.run(dir.resolve("m.json"), "--endpoint", "ws://no-such-host.invalid/ws");
        assertEquals(4, run.exitCode(), run.transcript());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void tokensAndHeaderValuesAreSentButNeverEchoed() throws Exception {
        String fileToken = "file-token-5f0c2b9e";
        String envToken = "env-token-77aa01d3";
        String headerSecret = "header-secret-91bd";
        String querySecret = "query-secret-3c1e";
        Path tokenFile = Files.writeString(dir.resolve("token"), fileToken + "\n");
        String url = TestServers.url(server) + "?access_token=" + querySecret;

        WsHealthRun fromFile = WsHealthRun.run(dir.resolve("a.json"), "-vv", "--endpoint", url, "--iterations", "1",
                "--interval", "10ms", "--token-file", tokenFile.toString(), "--header", "X-Api-Key: " + headerSecret);
        assertEquals(0, fromFile.exitCode(), fromFile.transcript());
        assertEquals("Bearer " + fileToken, server.lastAuthorization());

        WsHealthRun fromEnv = WsHealthRun.run(Map.of("WS_TOKEN", envToken), dir.resolve("b.json"), "-vv",
                "--endpoint", url, "--iterations", "1", "--interval", "10ms", "--token-env", "WS_TOKEN");
        assertEquals(0, fromEnv.exitCode(), fromEnv.transcript());
        assertEquals("Bearer " + envToken, server.lastAuthorization());

        for (WsHealthRun run : List.of(fromFile, fromEnv)) {
            String everything = run.out() + run.err() + run.json();
            for (String secret : List.of(fileToken, envToken, headerSecret, querySecret)) {
                assertFalse(everything.contains(secret), "secret echoed: " + secret);
            }
            assertEquals(TestServers.url(server), run.metrics().endpoint(), "the endpoint is reported without its query");
        }
    }

    @Test
    void durationBoundsTheRun() {
        WsHealthRun run = WsHealthRun.run(dir.resolve("m.json"), "--endpoint", TestServers.url(server),
                "--duration", "700ms", "--interval", "100ms");
        assertEquals(0, run.exitCode(), run.transcript());
        WsHealthMetrics m = run.metrics();
        assertTrue(m.totalTests() >= 3, "cycles of ~100 ms in 700 ms: " + m.totalTests());
        assertTrue(run.elapsedMillis() < 700 + 500, "ended on time: " + run.elapsedMillis() + " ms");
    }

    @Test
    void helpListsTheExitCodes() {
        WsHealthRun run = WsHealthRun.run(null, "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("Exit Codes:"), run.out());
        assertTrue(run.out().contains("--disconnect-mode"), run.out());
        assertTrue(run.out().contains("serve"), run.out());
        assertNotNull(run.out());
    }
}
