package dev.gaday.common.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.prometheus.HttpPrometheusClient;
import dev.gaday.common.prometheus.PrometheusEndpoint;
import dev.gaday.common.prometheus.PrometheusEndpoint.Auth;
import dev.gaday.common.prometheus.PrometheusException;
import dev.gaday.common.prometheus.RetryPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tokens and passwords are sent, and never shown: not in exception messages, not in toString,
 * not on stderr, even when the server echoes the Authorization header back in its error body.
 */
class PrometheusSecretsTest {
    @RegisterExtension
    static WireMockExtension wire = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().globalTemplating(true))
            .build();

    @TempDir
    Path dir;

    private final String token = "tok-" + UUID.randomUUID();
    private final String password = "pw-" + UUID.randomUUID();

    /** A server that rejects everything and echoes the credentials it got. */
    private static void rejectAndEcho(int status) {
        wire.stubFor(post(urlPathEqualTo("/api/v1/query"))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"status\":\"error\",\"errorType\":\"unauthorized\","
                                + "\"error\":\"rejected {{request.headers.Authorization}}\"}")));
    }

    /** Every text that could leak: the lines of stderr, messages and toString of the whole cause chain. */
    private void assertNoSecretIn(List<String> texts) {
        String basic = Base64.getEncoder().encodeToString(("alice:" + password).getBytes(StandardCharsets.UTF_8));
        for (String text : texts) {
            for (String line : text.split("\n")) {
                assertFalse(line.contains(token), "token leaked: " + line);
                assertFalse(line.contains(password), "password leaked: " + line);
                assertFalse(line.contains(basic), "basic credentials leaked: " + line);
            }
        }
    }

    private static List<String> describe(Throwable e) {
        List<String> texts = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            texts.add(String.valueOf(t.getMessage()));
            texts.add(t.toString());
        }
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        texts.add(trace.toString());
        return texts;
    }

    @Test
    void bearerTokenFromAFileIsSentAndNeverPrinted() throws IOException {
        rejectAndEcho(401);
        Path tokenFile = Files.writeString(dir.resolve("token"), token + "\n");

        CommandRun run = CommandRun.of(
                new ProbeCommand(Map.of()),
                "-vv",
                "--prometheus-url",
                wire.baseUrl(),
                "--bearer-token-file",
                tokenFile.toString(),
                "--query",
                "up");

        assertEquals(ExitCode.RUNTIME_ERROR.code(), run.exitCode());
        assertTrue(run.err().contains("HTTP 401"), run.err());
        assertTrue(run.err().contains("rejected Bearer ***") || run.err().contains("rejected ***"), run.err());
        assertNoSecretIn(List.of(run.err(), run.out()));
        wire.verify(postRequestedFor(urlPathEqualTo("/api/v1/query"))
                .withHeader("Authorization", equalTo("Bearer " + token)));
    }

    @Test
    void bearerTokenFromTheEnvironmentWhenTheBudgetIsSpent() {
        rejectAndEcho(503);

        CommandRun run = CommandRun.of(
                new ProbeCommand(Map.of("PROM_TOKEN", token)),
                "-vv",
                "--prometheus-url",
                wire.baseUrl(),
                "--bearer-token-env",
                "PROM_TOKEN",
                "--max-retries",
                "2",
                "--retry-budget",
                "20s",
                "--query",
                "up");

        assertEquals(ExitCode.RUNTIME_ERROR.code(), run.exitCode());
        assertTrue(run.err().contains("after 3 attempts"), run.err());
        // -v shows each retry, with the server's (redacted) answer
        assertEquals(
                2,
                run.errLines().stream()
                        .filter(line -> line.startsWith("probe: retrying in "))
                        .count(),
                run.err());
        assertTrue(run.err().contains("(attempt 3 of 3) after: POST " + wire.baseUrl() + "/api/v1/query"), run.err());
        assertNoSecretIn(List.of(run.err(), run.out()));
        wire.verify(
                3,
                postRequestedFor(urlPathEqualTo("/api/v1/query"))
                        .withHeader("Authorization", equalTo("Bearer " + token)));
    }

    @Test
    void basicAuthPasswordFromAFileWhenUnreachable() throws IOException {
        Path passwordFile = Files.writeString(dir.resolve("password"), password);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        CommandRun run = CommandRun.of(
                new ProbeCommand(Map.of()),
                "-vv",
                "--prometheus-url",
                "http://127.0.0.1:" + port,
                "--basic-auth-user",
                "alice",
                "--basic-auth-password-file",
                passwordFile.toString(),
                "--max-retries",
                "0",
                "--query",
                "up");

        assertEquals(ExitCode.RUNTIME_ERROR.code(), run.exitCode());
        assertTrue(run.err().contains("cannot connect to 127.0.0.1:" + port), run.err());
        assertNoSecretIn(List.of(run.err(), run.out()));
    }

    @Test
    void basicAuthIsSentAndExceptionsAndToStringStayClean() {
        rejectAndEcho(401);
        PrometheusEndpoint endpoint = PrometheusEndpoint.of(wire.baseUrl())
                .withAuth(new Auth.Basic("alice", password))
                .withRetryPolicy(RetryPolicy.none());
        HttpPrometheusClient client = new HttpPrometheusClient(endpoint);

        PrometheusException e =
                assertThrows(PrometheusException.class, () -> client.query("up", Instant.ofEpochSecond(1_763_640_000)));

        String basic = Base64.getEncoder().encodeToString(("alice:" + password).getBytes(StandardCharsets.UTF_8));
        wire.verify(postRequestedFor(urlPathEqualTo("/api/v1/query"))
                .withHeader("Authorization", equalTo("Basic " + basic)));
        assertTrue(e.getMessage().contains("rejected"), e.getMessage());
        List<String> texts = new ArrayList<>(describe(e));
        texts.addAll(List.of(
                endpoint.toString(),
                client.toString(),
                endpoint.auth().toString(),
                e.request(),
                new Auth.Bearer(token).toString(),
                endpoint.withAuth(new Auth.Bearer(token))
                        .withRequestTimeout(Duration.ofSeconds(1))
                        .toString()));
        assertNoSecretIn(texts);
    }

    @Test
    void tokenEchoedByTheServerIsRedactedFromTheException() {
        rejectAndEcho(403);
        HttpPrometheusClient client = new HttpPrometheusClient(PrometheusEndpoint.of(wire.baseUrl())
                .withAuth(new Auth.Bearer(token))
                .withRetryPolicy(RetryPolicy.none()));

        PrometheusException e =
                assertThrows(PrometheusException.class, () -> client.query("up", Instant.ofEpochSecond(1_763_640_000)));

        assertEquals(403, e.httpStatus());
        assertNoSecretIn(describe(e));
    }
}
