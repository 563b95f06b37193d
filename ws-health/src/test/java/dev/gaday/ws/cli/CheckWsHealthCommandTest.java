package dev.gaday.ws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gaday.common.model.ws.WsHealthMetrics;
import dev.gaday.common.verdict.Status;
import dev.gaday.testkit.hostile.EchoedSecrets;
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
        WsHealthRun run = WsHealthRun.run(
                dir.resolve("m"),
                "--endpoint",
                TestServers.url(server),
                "--iterations",
                "8",
                "--interval",
                "20ms",
                "--reconnect-initial-delay",
                "0",
                "--disconnect-mode",
                "drop");
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
        double fastestHandshake =
                m.phasesMs().tcpConnect().min() + m.phasesMs().upgrade().min();
        assertTrue(
                m.latencyMs().min() >= fastestHandshake,
                () -> "min " + m.latencyMs().min() + " < fastest handshake " + fastestHandshake);
        double averageHandshake =
                m.phasesMs().tcpConnect().avg() + m.phasesMs().upgrade().avg();
        assertTrue(
                m.latencyMs().avg() < averageHandshake + 15,
                () -> "avg " + m.latencyMs().avg() + " far above the handshake's " + averageHandshake);
        assertTrue(m.latencyMs().max() < 1000, "loopback reconnects take milliseconds: " + m.latencyMs());
        assertTrue(
                m.maxDowntimeSeconds() * 1000 >= m.latencyMs().max() - 0.01, "downtime covers the slowest reconnect");
        assertTrue(run.out().matches("(?s)ws-health measured .*"), run.out());
        List<String> last = run.out().lines().toList();
        assertTrue(
                last.get(last.size() - 2).matches("ws-health: (\u2714 )?PASS - ws://.*: 8 of 8 reconnects succeeded"),
                run.out());
        assertEquals("  files: " + run.metricsFile(), last.get(last.size() - 1));
        // numbers through ReportFormat: value and threshold in the same form, the unit after a space but "%"
        assertTrue(run.out().matches("(?s).*PASS +Reconnection success rate +100%  \\(>= 95%\\).*"), run.out());
        assertTrue(run.out().matches("(?s).*PASS +Max downtime +[0-9.]+ s  \\(< 60 s\\).*"), run.out());
        assertTrue(run.out().matches("(?s).*reconnect latency: avg [0-9.]+ ms, p50 [0-9.]+ ms, .*"), run.out());
    }

    @Test
    void jsonCarriesTheContractFields() {
        WsHealthRun run = WsHealthRun.run(
                dir.resolve("out"), "--endpoint", TestServers.url(server), "--iterations", "4", "--interval", "10ms");
        assertEquals(0, run.exitCode(), run.transcript());
        JsonNode json = run.tree();
        for (String field : List.of(
                "endpoint",
                "totalTests",
                "successful",
                "failed",
                "successRatePercent",
                "maxDowntimeSeconds",
                "avgJitterMs")) {
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
        List<String> names = List.of(
                "Reconnection success rate",
                "Avg reconnection latency",
                "P99 reconnection latency",
                "Max downtime",
                "Avg jitter");
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
        assertEquals(
                latency.get("avg").asDouble() / 1000,
                requirements.get(1).get("value").asDouble(),
                1e-9);
        assertEquals("ws-health-metrics", json.get("kind").asText());
        assertEquals(1, json.get("schemaVersion").asInt());
        // both disconnect modes were exercised, alternately
        assertEquals(
                2, json.get("byDisconnectMode").get("close").get("totalTests").asInt());
        assertEquals(
                2, json.get("byDisconnectMode").get("drop").get("totalTests").asInt());
    }

    @Test
    void thresholdOverridesDecideTheVerdict() {
        // Nobody reconnects within 1 µs on average: the overridden latency criterion fails the run.
        WsHealthRun run = WsHealthRun.run(
                dir.resolve("m"),
                "--endpoint",
                TestServers.url(server),
                "--iterations",
                "2",
                "--interval",
                "10ms",
                "--max-avg-latency",
                "0.000001");
        assertEquals(1, run.exitCode(), run.transcript());
        WsHealthMetrics m = run.metrics();
        assertEquals(Status.FAIL, m.compliance().status());
        assertEquals(Status.FAIL, m.compliance().requirements().get(1).status());
        assertEquals(Status.PASS, m.compliance().requirements().get(0).status());
    }

    @Test
    void aFailingRunEndsWithTheFailedCriterionNamedAndTheFile() {
        WsHealthRun run = WsHealthRun.run(
                dir.resolve("m"),
                "--endpoint",
                TestServers.url(server),
                "--iterations",
                "2",
                "--interval",
                "10ms",
                "--max-avg-latency",
                "0.000001");
        assertEquals(1, run.exitCode(), run.transcript());
        List<String> lines = run.out().lines().toList();
        int verdict = lines.size() - 3;
        assertTrue(
                lines.get(verdict).matches("ws-health: (\u2718 )?FAIL - ws://.*: 2 of 2 reconnects succeeded"),
                run.out());
        assertTrue(
                lines.get(verdict + 1)
                        .matches("  (\u2718 )?FAIL  Avg reconnection latency \\(ws://[^)]*\\): "
                                + "[0-9.,]+ s, needs < 0.000001 s"),
                run.out());
        assertEquals("  files: " + run.metricsFile(), lines.get(verdict + 2));
    }

    @Test
    void anEndpointNeverReachedHasNoDowntimePassAndJsonFollowsTheSchema() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Path summary = dir.resolve("github-summary.md");
        WsHealthRun run = WsHealthRun.run(
                Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", summary.toString()),
                dir.resolve("m"),
                "--endpoint",
                "ws://127.0.0.1:" + closedPort + "/ws",
                "--iterations",
                "1",
                "--reconnect-timeout",
                "1s",
                "--reconnect-max-delay",
                "200ms",
                "--format",
                "json");
        WsHealthMetrics m = run.metrics();
        assertEquals(0, m.successful(), run.transcript());
        assertEquals(Status.NO_DATA, m.compliance().requirements().get(3).status(), run.transcript());
        assertEquals(1, run.exitCode(), run.transcript());
        JsonNode json = dev.gaday.common.cli.RunSummarySchema.parse(run.out());
        assertEquals("FAIL", json.get("verdict").asText());
        List<String> criteria = new java.util.ArrayList<>();
        json.get("findings")
                .forEach(f -> criteria.add(
                        f.get("severity").asText() + " " + f.get("criterion").asText()));
        assertEquals(
                List.of(
                        "FAIL Reconnection success rate",
                        "NO_DATA Avg reconnection latency",
                        "NO_DATA P99 reconnection latency",
                        "NO_DATA Max downtime"),
                criteria.subList(0, 4),
                json.toString());
        String endpoint = "ws://127.0.0.1:" + closedPort + "/ws";
        List<String> annotations =
                run.err().lines().filter(l -> l.startsWith("::")).toList();
        assertEquals(
                "::error title=ws-health%3A Reconnection success rate (ws%3A//127.0.0.1%3A" + closedPort
                        + "/ws)::Reconnection success rate (" + endpoint + "): 0%25, needs >= 95%25",
                annotations.get(0),
                run.err());
        assertTrue(
                annotations
                        .get(3)
                        .startsWith("::warning title=ws-health%3A Max downtime (ws%3A//127.0.0.1%3A"
                                + closedPort + "/ws)::Max downtime (" + endpoint
                                + "): no data, needs < 60 s - the endpoint was never"
                                + " reached again"),
                run.err());
        String markdown = Files.readString(summary);
        assertTrue(markdown.startsWith("### ws-health: FAIL (exit 1)\n\n"), markdown);
        assertTrue(
                markdown.contains("| NO\\_DATA | Max downtime | ws://127.0.0.1:" + closedPort + "/ws | no data |"),
                markdown);
    }

    @Test
    void anErrorWithFormatJsonStillPrintsOneSummaryObject() {
        WsHealthRun run =
                WsHealthRun.run(dir.resolve("m"), "--endpoint", "ws://no-such-host.invalid/ws", "--format", "json");
        assertEquals(4, run.exitCode(), run.transcript());
        JsonNode json = dev.gaday.common.cli.RunSummarySchema.parse(run.out());
        assertEquals("ERROR", json.get("verdict").asText());
        assertEquals("ws-health", json.get("tool").asText());
        assertEquals(
                "cannot resolve the endpoint's host 'no-such-host.invalid'",
                json.get("headline").asText());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void jitterOverThresholdOnlyWarnsAndStillPasses() {
        WsHealthRun run = WsHealthRun.run(
                dir.resolve("m"),
                "--endpoint",
                TestServers.url(server),
                "--iterations",
                "2",
                "--interval",
                "10ms",
                "--max-avg-jitter",
                "0.000001");
        assertEquals(0, run.exitCode(), run.transcript());
        assertEquals(Status.WARN, run.metrics().compliance().status());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "--iterations=abc",
                "--endpoint=http://127.0.0.1:1/",
                "--expect=x",
                "--connections=0",
                "--bogus",
                "--interval=5 parsecs",
                "--iterations=3 --duration=1s",
                "--endpoint=ws://",
                "--header=NoColon",
                "--reconnect-multiplier=0.5",
                "--ca-file=/nonexistent/ca.pem --endpoint=wss://127.0.0.1:1/",
                "--output=/nonexistent-dir/m.json",
                "--send=x --ping",
                "--token-env=WS_HEALTH_UNSET_VARIABLE",
                "--bearer-token-env=WS_HEALTH_UNSET_VARIABLE",
                "--bearer-token-file=t --bearer-token-env=T",
                "--max-downtime=0",
                "--max-avg-latency=0",
                "--max-p99-latency=0s",
                "--max-avg-jitter=0ms",
                "--max-message-size=100",
                "--max-message-size=3GiB",
                "--max-message-size=lots",
                "--insecure-skip-verify --ca-file=/nonexistent/ca.pem",
                "--header=Authorization:Bearer-literal-token",
                "--client-cert=/nonexistent/c.pem"
            })
    void badFlagsGiveOneLineAndExitTwo(String flags) {
        List<String> args = new java.util.ArrayList<>(List.of(flags.split(" ")));
        if (args.stream().noneMatch(a -> a.startsWith("--endpoint"))) {
            args.add("--endpoint=" + TestServers.url(server));
        }
        Path out = dir.resolve("never");
        if (args.stream().anyMatch(a -> a.startsWith("--output"))) {
            out = null;
        }
        WsHealthRun run = WsHealthRun.run(out, args.toArray(String[]::new));
        assertEquals(2, run.exitCode(), run.transcript());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("ws-health: "), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertFalse(Files.exists(dir.resolve("never")), "no output on a usage error");
        assertFalse(run.err().contains("Bearer-literal-token"), run.err());
    }

    @Test
    void aTokenFileThatIsADirectoryIsNamedAsADirectory() {
        WsHealthRun run = WsHealthRun.run(
                dir.resolve("never"), "--endpoint=" + TestServers.url(server), "--bearer-token-file", dir.toString());
        assertEquals(2, run.exitCode(), run.transcript());
        assertEquals(
                "ws-health: error: --bearer-token-file " + dir + ": is a directory, not a file",
                run.err().strip());
    }

    @Test
    void outputIsADirectoryCreatedWhenMissing() {
        Path out = dir.resolve("reports/ws");
        WsHealthRun run =
                WsHealthRun.run(out, "--endpoint", TestServers.url(server), "--iterations", "1", "--interval", "10ms");
        assertEquals(0, run.exitCode(), run.transcript());
        assertTrue(Files.isRegularFile(out.resolve("ws_health_metrics.json")));
        assertTrue(
                run.out().endsWith("  files: " + out.resolve("ws_health_metrics.json") + System.lineSeparator()),
                run.out());
    }

    @Test
    void outputUnderARegularFileIsOneLineNamingTheFileAndExitFour() throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        WsHealthRun run =
                WsHealthRun.run(file.resolve("sub"), "--endpoint", TestServers.url(server), "--iterations", "1");
        assertEquals(4, run.exitCode(), run.transcript());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(file + " is a file, not a directory"), run.err());
        assertEquals("", run.out(), "nothing ran");

        WsHealthRun itself = WsHealthRun.run(file, "--endpoint", TestServers.url(server), "--iterations", "1");
        assertEquals(4, itself.exitCode(), itself.transcript());
        assertTrue(itself.err().contains("it is a file, not a directory"), itself.err());
    }

    @Test
    void anOutputNamedLikeTheOldFileFormIsRefusedBeforeTheRun() {
        WsHealthRun run = WsHealthRun.run(
                dir.resolve("ws_health_metrics.json"), "--endpoint", TestServers.url(server), "--iterations", "1");
        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("-o names a directory (ws_health_metrics.json is written into it)"), run.err());
        assertFalse(Files.exists(dir.resolve("ws_health_metrics.json")));
    }

    @Test
    void aBareNumberIsSeconds() {
        // --interval 0.2 holds each connection 200 ms: three cycles take at least 0.6 s (milliseconds would
        // take under 10 ms, minutes 36 s).
        WsHealthRun run = WsHealthRun.run(
                dir.resolve("m"),
                "--endpoint",
                TestServers.url(server),
                "--iterations",
                "3",
                "--interval",
                "0.2",
                "--reconnect-initial-delay",
                "0");
        assertEquals(0, run.exitCode(), run.transcript());
        assertEquals(3, run.metrics().totalTests());
        assertTrue(run.elapsedMillis() >= 600 && run.elapsedMillis() < 10_000, run.elapsedMillis() + " ms");
    }

    @Test
    void unresolvableHostIsARuntimeError() {
        WsHealthRun run = WsHealthRun.run(dir.resolve("m"), "--endpoint", "ws://no-such-host.invalid/ws");
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

        WsHealthRun fromFile = WsHealthRun.run(
                dir.resolve("a"),
                "-vv",
                "--endpoint",
                url,
                "--iterations",
                "1",
                "--interval",
                "10ms",
                "--bearer-token-file",
                tokenFile.toString(),
                "--header",
                "X-Api-Key: " + headerSecret);
        assertEquals(0, fromFile.exitCode(), fromFile.transcript());
        assertEquals("Bearer " + fileToken, server.lastAuthorization());

        WsHealthRun fromEnv = WsHealthRun.run(
                Map.of("WS_TOKEN", envToken),
                dir.resolve("b"),
                "-vv",
                "--endpoint",
                url,
                "--iterations",
                "1",
                "--interval",
                "10ms",
                "--bearer-token-env",
                "WS_TOKEN");
        assertEquals(0, fromEnv.exitCode(), fromEnv.transcript());
        assertEquals("Bearer " + envToken, server.lastAuthorization());

        for (WsHealthRun run : List.of(fromFile, fromEnv)) {
            EchoedSecrets.assertNoneIn(
                    List.of(fileToken, envToken, headerSecret, querySecret), run.out(), run.err(), run.json());
            assertEquals(
                    TestServers.url(server), run.metrics().endpoint(), "the endpoint is reported without its query");
        }
    }

    @Test
    void theEarlierTokenOptionNamesStillWorkAsHiddenAliases() throws Exception {
        String fileToken = "legacy-file-token-1a2b";
        Path tokenFile = Files.writeString(dir.resolve("legacy-token"), fileToken);
        WsHealthRun legacyFile = WsHealthRun.run(
                dir.resolve("a"),
                "--endpoint",
                TestServers.url(server),
                "--iterations",
                "1",
                "--interval",
                "10ms",
                "--token-file",
                tokenFile.toString());
        assertEquals(0, legacyFile.exitCode(), legacyFile.transcript());
        assertEquals("Bearer " + fileToken, server.lastAuthorization());

        WsHealthRun legacyEnv = WsHealthRun.run(
                Map.of("OLD_TOKEN", "legacy-env-token-3c4d"),
                dir.resolve("b"),
                "--endpoint",
                TestServers.url(server),
                "--iterations",
                "1",
                "--interval",
                "10ms",
                "--token-env",
                "OLD_TOKEN");
        assertEquals(0, legacyEnv.exitCode(), legacyEnv.transcript());
        assertEquals("Bearer legacy-env-token-3c4d", server.lastAuthorization());

        WsHealthRun unset =
                WsHealthRun.run(dir.resolve("c"), "--endpoint", TestServers.url(server), "--token-env", "NOPE");
        assertEquals(2, unset.exitCode());
        assertTrue(unset.err().contains("--token-env NOPE: environment variable NOPE is not set"), unset.err());
    }

    @Test
    void aLiteralAuthorizationHeaderIsRefusedAndNeverEchoed() {
        String literal = "Bearer literal-token-8e8e";
        WsHealthRun run = WsHealthRun.run(
                dir.resolve("a"), "--endpoint", TestServers.url(server), "--header", "Authorization: " + literal);
        assertEquals(2, run.exitCode(), run.transcript());
        assertEquals(
                "ws-health: error: --header #1: an Authorization header is not taken from the command line (the "
                        + "token would show in the process list and shell history); use --bearer-token-file FILE or "
                        + "--bearer-token-env VAR",
                run.err().strip());
        EchoedSecrets.assertNoneIn(List.of("literal-token-8e8e"), run.out(), run.err());
    }

    @Test
    void aMistypedHeaderIsNamedByPositionAndItsValueNeverEchoed() {
        String token = "typo-token-0b0b0b";
        WsHealthRun run = WsHealthRun.run(
                dir.resolve("a"),
                "--endpoint",
                TestServers.url(server),
                "--header",
                "X-Tenant: t1",
                "--header",
                "Authorization Bearer " + token);
        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().startsWith("ws-health: error: --header #2 must have the form 'Name: value'"), run.err());
        EchoedSecrets.assertNoneIn(List.of(token, "Authorization"), run.out(), run.err());
    }

    @Test
    void durationBoundsTheRun() {
        WsHealthRun run = WsHealthRun.run(
                dir.resolve("m"), "--endpoint", TestServers.url(server), "--duration", "700ms", "--interval", "100ms");
        assertEquals(0, run.exitCode(), run.transcript());
        WsHealthMetrics m = run.metrics();
        assertTrue(m.totalTests() >= 3, "cycles of ~100 ms in 700 ms: " + m.totalTests());
        // Cycles start at least 100 ms apart, so no more than 8 fit in 700 ms per connection, however slow the
        // machine; the wall-time bound is loose because a loaded CI runner stretches every step.
        assertTrue(m.totalTests() <= 8 * m.connections(), "no cycle after 700 ms: " + m.totalTests());
        assertTrue(run.elapsedMillis() < 700 + 3000, "ended on time: " + run.elapsedMillis() + " ms");
    }

    @Test
    void helpListsTheExitCodes() {
        WsHealthRun run = WsHealthRun.run(null, "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("Exit Codes:"), run.out());
        assertTrue(run.out().contains("--disconnect-mode"), run.out());
        assertTrue(run.out().contains("serve"), run.out());
        for (String option : List.of(
                "--bearer-token-file",
                "--bearer-token-env",
                "--ca-file",
                "--client-cert",
                "--client-key",
                "--insecure-skip-verify",
                "--max-message-size",
                "--output")) {
            assertTrue(run.out().contains(option), option);
        }
        for (String hidden : List.of("--token-file", "--token-env", "--insecure-skip-tls-verify", "TARS")) {
            assertFalse(run.out().contains(hidden), hidden);
        }
        String help = run.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("reconnect validation criteria"), help);
        assertTrue(help.contains("a bare number is seconds"), help);
        assertNotNull(run.out());
    }
}
