package dev.gaday.common.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.gaday.common.cli.CommandRun;
import dev.gaday.common.cli.ProbeCommand;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.prometheus.HttpPrometheusClient;
import dev.gaday.common.prometheus.PrometheusEndpoint;
import dev.gaday.common.prometheus.PrometheusException;
import dev.gaday.common.prometheus.QueryResult;
import dev.gaday.common.prometheus.RetryPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS against a CA made for the test: --ca-file trusts it, the default refuses it, mTLS presents a client cert. */
class TlsTest {
    private static final Instant T = Instant.ofEpochSecond(1_763_640_000);

    @TempDir
    static Path dir;

    static TestPki pki;
    static WireMockServer https;
    static WireMockServer mutualTls;

    @BeforeAll
    static void start() throws Exception {
        pki = new TestPki(dir);
        https = new WireMockServer(wireMockConfig()
                .httpDisabled(true)
                .dynamicHttpsPort()
                .keystorePath(pki.serverKeystore.toString())
                .keystoreType("PKCS12")
                .keystorePassword(TestPki.PASSWORD)
                .keyManagerPassword(TestPki.PASSWORD));
        mutualTls = new WireMockServer(wireMockConfig()
                .httpDisabled(true)
                .dynamicHttpsPort()
                .keystorePath(pki.serverKeystore.toString())
                .keystoreType("PKCS12")
                .keystorePassword(TestPki.PASSWORD)
                .keyManagerPassword(TestPki.PASSWORD)
                .needClientAuth(true)
                .trustStorePath(pki.trustStore.toString())
                .trustStoreType("PKCS12")
                .trustStorePassword(TestPki.PASSWORD));
        for (WireMockServer server : new WireMockServer[] {https, mutualTls}) {
            server.start();
            server.stubFor(
                    post(urlPathEqualTo("/api/v1/query"))
                            .willReturn(
                                    aResponse()
                                            .withHeader("Content-Type", "application/json")
                                            .withBody(
                                                    "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1763640000,\"7\"]}}")));
        }
    }

    @AfterAll
    static void stop() {
        https.stop();
        mutualTls.stop();
    }

    private static String url(WireMockServer server) {
        return "https://localhost:" + server.httpsPort();
    }

    private static double query(WireMockServer server, TlsSettings tls) {
        HttpPrometheusClient client = new HttpPrometheusClient(PrometheusEndpoint.of(url(server))
                .withTls(tls)
                .withRetryPolicy(RetryPolicy.defaults().withMaxRetries(2)));
        return assertInstanceOf(QueryResult.Scalar.class, client.query("7", T))
                .sample()
                .value();
    }

    @Test
    void caFileTrustsTheServer() {
        assertEquals(7.0, query(https, new TlsSettings(pki.caPem, null, null, false)));
    }

    @Test
    void defaultRefusesAnUnknownCaWithOneClearLineAndNoRetry() {
        https.resetRequests();
        PrometheusException e = assertThrows(PrometheusException.class, () -> query(https, TlsSettings.DEFAULT));
        assertEquals(PrometheusException.Kind.TLS, e.kind());
        assertEquals(1, e.attempts());
        assertTrue(
                e.getMessage()
                        .endsWith("TLS: the server's certificate is untrusted: it is not signed by a CA in "
                                + "the trust store; give the CA "
                                + "with --ca-file PEM (or, for tests only, --insecure-skip-verify)"),
                e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
        assertEquals(ExitCode.RUNTIME_ERROR, e.exitCode());
        assertEquals(
                0,
                https.findAll(postRequestedFor(urlPathEqualTo("/api/v1/query"))).size());
    }

    @Test
    void insecureSkipVerifyConnects() {
        assertEquals(7.0, query(https, new TlsSettings(null, null, null, true)));
    }

    @Test
    void mutualTlsPresentsTheClientCertificate() {
        assertEquals(7.0, query(mutualTls, new TlsSettings(pki.caPem, pki.clientCertPem, pki.clientKeyPem, false)));
        assertThrows(
                PrometheusException.class,
                () -> query(mutualTls, new TlsSettings(pki.caPem, null, null, false)),
                "refused without a client certificate");
    }

    @Test
    void privateKeysRsaAndEcAndClearErrorsForOtherForms() throws Exception {
        assertInstanceOf(RSAPrivateKey.class, Tls.privateKey(pki.clientKeyPem));
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        Path ecKey = Files.writeString(
                dir.resolve("ec.key.pem"),
                TestPki.pem("PRIVATE KEY", ec.generateKeyPair().getPrivate().getEncoded()));
        PrivateKey key = Tls.privateKey(ecKey);
        assertInstanceOf(ECPrivateKey.class, key);

        Path pkcs1 = Files.writeString(dir.resolve("rsa.pem"), TestPki.pem("RSA PRIVATE KEY", new byte[] {1, 2, 3}));
        ToolException e = assertThrows(ToolException.class, () -> Tls.privateKey(pkcs1));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertEquals(
                "--client-key " + pkcs1 + ": not a readable private key (PKCS#1 RSA form; RSA and EC keys are "
                        + "supported)",
                e.getMessage());

        Path garbage = Files.writeString(dir.resolve("garbage.pem"), TestPki.pem("PRIVATE KEY", new byte[] {1, 2, 3}));
        assertTrue(assertThrows(ToolException.class, () -> Tls.privateKey(garbage))
                .getMessage()
                .endsWith("not a readable private key (PKCS#8 form; RSA and EC keys are supported)"));
        Path notPem = Files.writeString(dir.resolve("ca-bad.pem"), "hello");
        assertTrue(assertThrows(ToolException.class, () -> Tls.certificates(notPem, "--ca-file"))
                .getMessage()
                .startsWith("--ca-file " + notPem + ": "));
    }

    @Test
    void connectionOptionsDriveTls() {
        CommandRun trusted = CommandRun.of(
                new ProbeCommand(Map.of()),
                "--prometheus-url",
                url(mutualTls),
                "--ca-file",
                pki.caPem.toString(),
                "--client-cert",
                pki.clientCertPem.toString(),
                "--client-key",
                pki.clientKeyPem.toString(),
                "--query",
                "7");
        assertEquals(0, trusted.exitCode(), trusted.err());
        assertEquals("7.0", trusted.out().strip());

        CommandRun refused = CommandRun.of(new ProbeCommand(Map.of()), "--prometheus-url", url(https), "--query", "7");
        assertEquals(ExitCode.RUNTIME_ERROR.code(), refused.exitCode());
        assertEquals(1, refused.errLines().size(), refused.err());
        assertTrue(refused.err().contains("TLS: the server's certificate is untrusted"), refused.err());

        CommandRun insecure = CommandRun.of(
                new ProbeCommand(Map.of()),
                "--prometheus-url",
                url(https),
                "--insecure-skip-tls-verify",
                "--query",
                "7");
        assertEquals(0, insecure.exitCode(), insecure.err());
        assertTrue(insecure.err().contains("warning: --insecure-skip-verify is on"), insecure.err());
    }
}
