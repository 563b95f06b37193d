package dev.gaday.ws.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.gaday.ws.server.ChaosSettings;
import dev.gaday.ws.server.EchoChaosServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Slack webhook: Block Kit on success, and a failing webhook never changes the verdict or leaks. */
class SlackNotificationTest {
    private static final String HOOK_PATH = "/services/T000/B000/hook-secret-4e1d";

    private static WireMockServer slack;
    private static EchoChaosServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        slack = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        slack.start();
        server = TestServers.start(ChaosSettings.none());
    }

    @AfterAll
    static void stop() {
        slack.stop();
        server.stopQuietly(Duration.ofSeconds(2));
    }

    @BeforeEach
    void reset() {
        slack.resetAll();
    }

    private String hookUrl() {
        return "http://127.0.0.1:" + slack.port() + HOOK_PATH;
    }

    @Test
    void summaryIsPostedAsBlockKit() {
        slack.stubFor(post(urlEqualTo(HOOK_PATH))
                .willReturn(aResponse().withStatus(200).withBody("ok")));
        WsHealthRun run = WsHealthRun.run(
                Map.of("HOOK", hookUrl()),
                dir.resolve("m"),
                "--endpoint",
                TestServers.url(server),
                "--iterations",
                "2",
                "--interval",
                "10ms",
                "--slack-webhook-env",
                "HOOK");
        assertEquals(0, run.exitCode(), run.transcript());
        assertFalse(run.err().contains("warning"), run.err());
        assertNoLeak(run);
        slack.verify(
                1,
                postRequestedFor(urlEqualTo(HOOK_PATH))
                        .withHeader(
                                "Content-Type",
                                com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase(
                                        "application/json; charset=utf-8"))
                        .withRequestBody(
                                matchingJsonPath("$.text", equalTo("ws-health PASS: " + TestServers.url(server))))
                        .withRequestBody(matchingJsonPath("$.blocks[0].type", equalTo("header")))
                        .withRequestBody(matchingJsonPath("$.blocks[1].type", equalTo("section")))
                        .withRequestBody(
                                matchingJsonPath("$.blocks[1].fields[0].text", equalTo("*Success rate*\n100% (2/2)")))
                        .withRequestBody(matchingJsonPath(
                                "$.blocks[2].text.text",
                                com.github.tomakehurst.wiremock.client.WireMock.containing(
                                        "\u2714 PASS Reconnection success rate: 100% (>= 95%)")))
                        .withRequestBody(matchingJsonPath(
                                "$.blocks[2].text.text",
                                com.github.tomakehurst.wiremock.client.WireMock.containing(
                                        "*Reconnect validation criteria*")))
                        .withRequestBody(matchingJsonPath("$.blocks[3].type", equalTo("context"))));
    }

    @Test
    void failingWebhookIsReportedWithoutItsUrlAndKeepsTheVerdict() {
        slack.stubFor(post(urlEqualTo(HOOK_PATH))
                .willReturn(aResponse().withStatus(500).withBody("boom")));
        // the webhook from the environment, as a deployment would pass it
        WsHealthRun run = WsHealthRun.run(
                Map.of("SLACK_WEBHOOK_URL", hookUrl()),
                dir.resolve("m"),
                "-vv",
                "--endpoint",
                TestServers.url(server),
                "--iterations",
                "2",
                "--interval",
                "10ms");
        assertEquals(0, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("Slack notification failed: the Slack webhook answered HTTP 500"), run.err());
        slack.verify(1, postRequestedFor(urlEqualTo(HOOK_PATH)));
        String everything = run.out() + run.err() + run.json();
        assertFalse(everything.contains("hook-secret-4e1d"), "the webhook URL leaked");
        assertFalse(everything.contains(String.valueOf(slack.port())), "not even the webhook's port shows");
    }

    @Test
    void failingWebhookDoesNotTurnAFailIntoSomethingElse() {
        slack.stubFor(post(urlEqualTo(HOOK_PATH)).willReturn(aResponse().withStatus(500)));
        WsHealthRun run = WsHealthRun.run(
                Map.of("HOOK", hookUrl()),
                dir.resolve("m"),
                "--endpoint",
                TestServers.url(server),
                "--iterations",
                "2",
                "--interval",
                "10ms",
                "--max-avg-latency",
                "0.000001",
                "--slack-webhook-env",
                "HOOK");
        assertEquals(1, run.exitCode(), run.transcript());
    }

    @Test
    void unreachableWebhookIsReportedWithoutItsUrl() throws IOException {
        String closedPort = "http://127.0.0.1:1/services/T1/B1/unreachable-secret-77";
        Path hookFile = Files.writeString(dir.resolve("hook"), closedPort + "\n");
        WsHealthRun run = WsHealthRun.run(
                dir.resolve("m"),
                "--endpoint",
                TestServers.url(server),
                "--iterations",
                "1",
                "--interval",
                "10ms",
                "--slack-webhook-file",
                hookFile.toString());
        assertEquals(0, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("Slack notification failed"), run.err());
        assertFalse((run.out() + run.err() + run.json()).contains("unreachable-secret-77"));
    }

    /** The webhook URL (not even its path) is in nothing the run printed or wrote. */
    private static void assertNoLeak(WsHealthRun run) {
        StringBuilder everything = new StringBuilder(run.out()).append(run.err());
        try (Stream<Path> files = Files.walk(run.output())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                everything.append(Files.readString(file));
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertFalse(everything.toString().contains(HOOK_PATH), everything.toString());
        assertFalse(everything.toString().contains("hook-secret-4e1d"), everything.toString());
    }

    @Test
    void webhookFromAFileIsPostedAndNeverShown() throws IOException {
        slack.stubFor(post(urlEqualTo(HOOK_PATH)).willReturn(aResponse().withStatus(200)));
        Path hookFile = Files.writeString(dir.resolve("hook"), hookUrl() + "\n");
        WsHealthRun run = WsHealthRun.run(
                dir.resolve("m"),
                "-vv",
                "--endpoint",
                TestServers.url(server),
                "--iterations",
                "2",
                "--interval",
                "10ms",
                "--slack-webhook-file",
                hookFile.toString());
        assertEquals(0, run.exitCode(), run.transcript());
        slack.verify(1, postRequestedFor(urlEqualTo(HOOK_PATH)));
        assertTrue(run.err().contains("Slack notification sent"), run.err());
        assertFalse(run.err().contains("warning"), run.err());
        assertNoLeak(run);
    }

    @Test
    void theDeprecatedLiteralOptionStillPostsAndWarnsOnce() {
        slack.stubFor(post(urlEqualTo(HOOK_PATH)).willReturn(aResponse().withStatus(200)));
        WsHealthRun run = WsHealthRun.run(
                dir.resolve("m"),
                "--endpoint",
                TestServers.url(server),
                "--iterations",
                "2",
                "--interval",
                "10ms",
                "--slack-webhook",
                hookUrl());
        assertEquals(0, run.exitCode(), run.transcript());
        slack.verify(1, postRequestedFor(urlEqualTo(HOOK_PATH)));
        assertEquals(
                List.of("ws-health: warning: --slack-webhook is deprecated: the URL in it is visible in the process "
                        + "list; use --slack-webhook-env VAR or --slack-webhook-file FILE"),
                run.err().lines().filter(l -> l.contains("warning")).toList());
        assertNoLeak(run);
    }

    @Test
    void theHelpShowsTheEnvAndFileOptionsButNotTheLiteral() {
        WsHealthRun run = WsHealthRun.run(null, "--help");
        assertEquals(0, run.exitCode(), run.transcript());
        assertTrue(run.out().contains("--slack-webhook-env=VAR"), run.out());
        assertTrue(run.out().contains("--slack-webhook-file=FILE"), run.out());
        assertFalse(run.out().contains("--slack-webhook=URL"), run.out());
    }

    private WsHealthRun badSlackOptions(Map<String, String> environment, String... slackOptions) {
        List<String> args = new ArrayList<>(List.of("--endpoint", TestServers.url(server), "--iterations", "1"));
        args.addAll(List.of(slackOptions));
        return WsHealthRun.run(environment, dir.resolve("bad"), args.toArray(String[]::new));
    }

    private static void oneUsageLine(WsHealthRun run, String line) {
        assertEquals(2, run.exitCode(), run.transcript());
        assertEquals(List.of(line), run.err().lines().toList(), run.transcript());
    }

    @Test
    void badWebhookSourcesAreOneUsageLineWithoutTheUrl() throws IOException {
        Path hookFile = Files.writeString(dir.resolve("hook"), hookUrl() + "\n");
        oneUsageLine(
                badSlackOptions(Map.of(), "--slack-webhook-env", "HOOK"),
                "ws-health: error: --slack-webhook-env HOOK: environment variable HOOK is not set or empty");
        oneUsageLine(
                badSlackOptions(
                        Map.of("HOOK", hookUrl()),
                        "--slack-webhook-env",
                        "HOOK",
                        "--slack-webhook-file",
                        hookFile.toString()),
                "ws-health: error: give the Slack webhook once: --slack-webhook-env or --slack-webhook-file");
        oneUsageLine(
                badSlackOptions(Map.of("HOOK", hookUrl()), "--slack-webhook", hookUrl(), "--slack-webhook-env", "HOOK"),
                "ws-health: error: give the Slack webhook once: --slack-webhook-env or --slack-webhook-file");
        oneUsageLine(
                badSlackOptions(Map.of("HOOK", "ftp://example.com" + HOOK_PATH), "--slack-webhook-env", "HOOK"),
                "ws-health: error: the Slack webhook must be an http(s) URL");
        slack.verify(0, postRequestedFor(urlEqualTo(HOOK_PATH)));
    }
}
