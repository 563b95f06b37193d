package dev.gaday.common.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.prometheus.HttpPrometheusClient;
import dev.gaday.common.prometheus.PrometheusEndpoint;
import dev.gaday.common.prometheus.QueryResult;
import dev.gaday.common.prometheus.RetryPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Client keys in every form cert-manager and openssl write (keys made by openssl in the test): PKCS#8,
 * PKCS#1 RSA, SEC1 EC (with and without an EC PARAMETERS block), and encrypted keys refused with one line.
 */
class PemKeysTest {
    @TempDir
    static Path dir;

    static TestPki pki;
    static WireMockServer mutualTls;

    @BeforeAll
    static void start() throws Exception {
        pki = new TestPki(dir);
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
        mutualTls.start();
        mutualTls.stubFor(
                post(urlPathEqualTo("/api/v1/query"))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1763640000,\"7\"]}}")));
    }

    @AfterAll
    static void stop() {
        mutualTls.stop();
    }

    private static String firstLine(Path file) throws Exception {
        return Files.readAllLines(file).get(0);
    }

    @Test
    void pkcs1RsaKeyAsCertManagerWritesItIsTheSameKeyAndDoesMutualTls() throws Exception {
        Openssl.run(dir, "rsa", "-in", pki.clientKeyPem.toString(), "-traditional", "-out", "client.rsa.pem");
        Path pkcs1 = dir.resolve("client.rsa.pem");
        assertEquals("-----BEGIN RSA PRIVATE KEY-----", firstLine(pkcs1));

        PrivateKey key = Tls.privateKey(pkcs1);
        assertInstanceOf(RSAPrivateKey.class, key);
        assertArrayEquals(
                Tls.privateKey(pki.clientKeyPem).getEncoded(), key.getEncoded(), "same key as the PKCS#8 one");

        HttpPrometheusClient client =
                new HttpPrometheusClient(PrometheusEndpoint.of("https://localhost:" + mutualTls.httpsPort())
                        .withTls(new TlsSettings(pki.caPem, pki.clientCertPem, pkcs1, false))
                        .withRetryPolicy(RetryPolicy.none()));
        QueryResult result = client.query("7", Instant.ofEpochSecond(1_763_640_000));
        assertEquals(
                7.0, assertInstanceOf(QueryResult.Scalar.class, result).sample().value());
    }

    @Test
    void sec1EcKeysWithAndWithoutParametersBlock() throws Exception {
        Openssl.run(dir, "ecparam", "-name", "prime256v1", "-genkey", "-out", "ec-with-params.pem");
        Path withParameters = dir.resolve("ec-with-params.pem");
        assertEquals("-----BEGIN EC PARAMETERS-----", firstLine(withParameters));
        Openssl.run(dir, "ec", "-in", "ec-with-params.pem", "-out", "ec.pem");
        Path sec1 = dir.resolve("ec.pem");
        assertEquals("-----BEGIN EC PRIVATE KEY-----", firstLine(sec1));
        Openssl.run(dir, "pkcs8", "-topk8", "-nocrypt", "-in", "ec.pem", "-out", "ec.pk8.pem");

        byte[] expected = Tls.privateKey(dir.resolve("ec.pk8.pem")).getEncoded();
        for (Path file : new Path[] {withParameters, sec1}) {
            PrivateKey key = Tls.privateKey(file);
            assertInstanceOf(ECPrivateKey.class, key, file.toString());
            assertEquals(
                    ((ECPrivateKey) Tls.privateKey(dir.resolve("ec.pk8.pem"))).getS(), ((ECPrivateKey) key).getS());
        }
        assertTrue(expected.length > 0);

        Openssl.run(dir, "ecparam", "-name", "secp384r1", "-genkey", "-noout", "-out", "ec384.pem");
        assertEquals(
                384,
                ((ECPrivateKey) Tls.privateKey(dir.resolve("ec384.pem")))
                        .getParams()
                        .getCurve()
                        .getField()
                        .getFieldSize());
    }

    @Test
    void encryptedKeysAreOneClearLine() {
        Openssl.run(
                dir,
                "genpkey",
                "-algorithm",
                "EC",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-aes-256-cbc",
                "-pass",
                "pass:s3cret-pass",
                "-out",
                "enc.pk8.pem");
        Openssl.run(
                dir,
                "ec",
                "-in",
                "enc.pk8.pem",
                "-passin",
                "pass:s3cret-pass",
                "-aes-256-cbc",
                "-passout",
                "pass:s3cret-pass",
                "-out",
                "enc.sec1.pem");
        Openssl.run(
                dir,
                "rsa",
                "-in",
                pki.clientKeyPem.toString(),
                "-traditional",
                "-aes-256-cbc",
                "-passout",
                "pass:s3cret-pass",
                "-out",
                "enc.rsa.pem");
        for (String name : new String[] {"enc.pk8.pem", "enc.sec1.pem", "enc.rsa.pem"}) {
            Path file = dir.resolve(name);
            ToolException e = assertThrows(ToolException.class, () -> Tls.privateKey(file), name);
            assertEquals(ExitCode.USAGE, e.exitCode());
            assertEquals(
                    "--client-key " + file + ": the key is encrypted (passphrase-protected); give an unencrypted "
                            + "key, e.g. from: openssl pkey -in KEY -out KEY.plain.pem",
                    e.getMessage());
        }
    }

    @Test
    void aFileWithoutAKeyNamesWhatItFound() {
        ToolException e = assertThrows(ToolException.class, () -> Tls.privateKey(pki.caPem));
        assertEquals(
                "--client-key " + pki.caPem + ": no private key PEM block in the file (found 'CERTIFICATE'; "
                        + "expected PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)",
                e.getMessage());
    }
}
