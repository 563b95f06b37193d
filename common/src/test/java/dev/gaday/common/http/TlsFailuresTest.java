package dev.gaday.common.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.gaday.common.cli.CommandRun;
import dev.gaday.common.cli.ProbeCommand;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.prometheus.HttpPrometheusClient;
import dev.gaday.common.prometheus.PrometheusEndpoint;
import dev.gaday.common.prometheus.PrometheusException;
import dev.gaday.common.prometheus.RetryPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real TLS servers with the certificates that fail in practice, each named in the one line a user
 * sees: untrusted (another CA), expired, not yet valid, issued for another host name.
 */
class TlsFailuresTest {
    @TempDir
    static Path dir;

    static TestPki pki;
    static final List<WireMockServer> servers = new ArrayList<>();
    static WireMockServer untrusted;
    static WireMockServer expired;
    static WireMockServer notYetValid;
    static WireMockServer otherHost;

    @BeforeAll
    static void start() throws Exception {
        pki = new TestPki(dir);
        TestPki stranger = new TestPki(Files.createDirectories(dir.resolve("stranger")), "Somebody Else's CA");
        Instant now = Instant.now();
        untrusted = https(stranger.serverKeystore(
                "untrusted.p12", now.minusSeconds(3600), now.plusSeconds(86_400), "localhost", "127.0.0.1"));
        expired = https(pki.serverKeystore(
                "expired.p12",
                now.minus(Duration.ofDays(30)),
                now.minus(Duration.ofDays(1)),
                "localhost",
                "127.0.0.1"));
        notYetValid = https(pki.serverKeystore(
                "future.p12", now.plus(Duration.ofDays(10)), now.plus(Duration.ofDays(40)), "localhost", "127.0.0.1"));
        otherHost = https(pki.serverKeystore(
                "other.p12", now.minusSeconds(3600), now.plusSeconds(86_400), "prometheus.other.example"));
    }

    private static WireMockServer https(Path keystore) {
        WireMockServer server = new WireMockServer(wireMockConfig()
                .httpDisabled(true)
                .dynamicHttpsPort()
                .keystorePath(keystore.toString())
                .keystoreType("PKCS12")
                .keystorePassword(TestPki.PASSWORD)
                .keyManagerPassword(TestPki.PASSWORD));
        server.start();
        server.stubFor(
                post(urlPathEqualTo("/api/v1/query"))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1763640000,\"7\"]}}")));
        servers.add(server);
        return server;
    }

    @AfterAll
    static void stop() {
        servers.forEach(WireMockServer::stop);
    }

    private static PrometheusException failure(WireMockServer server) {
        HttpPrometheusClient client =
                new HttpPrometheusClient(PrometheusEndpoint.of("https://localhost:" + server.httpsPort())
                        .withTls(new TlsSettings(pki.caPem, null, null, false))
                        .withRetryPolicy(RetryPolicy.defaults().withMaxRetries(2)));
        PrometheusException e =
                assertThrows(PrometheusException.class, () -> client.query("7", Instant.ofEpochSecond(1_763_640_000)));
        assertEquals(PrometheusException.Kind.TLS, e.kind(), e.getMessage());
        assertEquals(1, e.attempts(), "a certificate problem is not retried");
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e;
    }

    @Test
    void untrustedCertificate() {
        PrometheusException e = failure(untrusted);
        assertTrue(
                e.getMessage()
                        .endsWith(
                                "TLS: the server's certificate is untrusted: it is not signed by a CA in "
                                        + "the trust store; give the CA with --ca-file PEM (or, for tests only, --insecure-skip-verify)"),
                e.getMessage());
    }

    @Test
    void expiredCertificate() {
        PrometheusException e = failure(expired);
        assertTrue(e.getMessage().contains("TLS: the server's certificate has expired"), e.getMessage());
    }

    @Test
    void notYetValidCertificate() {
        PrometheusException e = failure(notYetValid);
        assertTrue(e.getMessage().contains("TLS: the server's certificate is not valid yet"), e.getMessage());
    }

    @Test
    void certificateForAnotherHostName() {
        PrometheusException e = failure(otherHost);
        assertTrue(
                e.getMessage().contains("TLS: the server's certificate is for another host name, not localhost"),
                e.getMessage());
    }

    @Test
    void theCommandLineShowsTheCauseInOneLine() {
        CommandRun run = CommandRun.of(
                new ProbeCommand(Map.of()),
                "--prometheus-url",
                "https://localhost:" + expired.httpsPort(),
                "--ca-file",
                pki.caPem.toString(),
                "--query",
                "7");
        assertEquals(ExitCode.RUNTIME_ERROR.code(), run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains("the server's certificate has expired"), run.err());
    }

    @Test
    void causesHaveShortWordsForReports() {
        assertEquals("certificate untrusted", TlsFailures.Cause.UNTRUSTED.words());
        assertEquals("certificate expired", TlsFailures.Cause.EXPIRED.words());
        assertEquals("certificate for another host name", TlsFailures.Cause.WRONG_HOST.words());
        assertEquals(TlsFailures.Cause.OTHER, TlsFailures.classify(new javax.net.ssl.SSLException("bad record mac")));
    }
}
