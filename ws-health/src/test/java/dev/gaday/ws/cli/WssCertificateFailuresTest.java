package dev.gaday.ws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.http.Openssl;
import dev.gaday.common.http.TestPki;
import dev.gaday.common.model.ws.WsHealthMetrics;
import dev.gaday.testkit.hostile.HostileWebSocketServer;
import dev.gaday.ws.server.ChaosSettings;
import dev.gaday.ws.server.EchoChaosServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * wss:// servers with certificates that fail in practice; the failed attempts name the cause (the same
 * classification as the Prometheus connection's, common's TlsFailures), and mutual TLS options work.
 */
class WssCertificateFailuresTest {
    @TempDir
    Path dir;

    private WsHealthMetrics failedAgainst(Path keystore, Path caPem, String host) throws Exception {
        TestServers.init();
        EchoChaosServer server = TestServers.start(ChaosSettings.none(), TestPki.serverContext(keystore));
        try {
            WsHealthRun run = WsHealthRun.run(
                    dir.resolve("out-" + keystore.getFileName()),
                    "--endpoint",
                    "wss://" + host + ":" + server.boundPort() + "/ws",
                    "--ca-file",
                    caPem.toString(),
                    "--iterations",
                    "1",
                    "--interval",
                    "10ms",
                    "--reconnect-timeout",
                    "600ms",
                    "--reconnect-initial-delay",
                    "20ms",
                    "--reconnect-max-delay",
                    "50ms");
            assertEquals(1, run.exitCode(), run.transcript());
            assertEquals(0, run.metrics().successful());
            return run.metrics();
        } finally {
            server.stopQuietly(Duration.ofSeconds(2));
        }
    }

    @Test
    void expiredNotYetValidAndWrongHostAreNamed() throws Exception {
        TestPki pki = new TestPki(dir);
        Instant now = Instant.now();
        Path expired = pki.serverKeystore(
                "expired.p12", now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)), "127.0.0.1");
        Path future = pki.serverKeystore(
                "future.p12", now.plus(Duration.ofDays(10)), now.plus(Duration.ofDays(40)), "127.0.0.1");
        Path otherHost =
                pki.serverKeystore("other.p12", now.minusSeconds(3600), now.plusSeconds(86_400), "ws.other.example");

        WsHealthMetrics m = failedAgainst(expired, pki.caPem, "127.0.0.1");
        assertTrue(
                m.failureReasons().getOrDefault("tls: certificate expired", 0) > 0,
                m.failureReasons().toString());
        m = failedAgainst(future, pki.caPem, "127.0.0.1");
        assertTrue(
                m.failureReasons().getOrDefault("tls: certificate not yet valid", 0) > 0,
                m.failureReasons().toString());
        m = failedAgainst(otherHost, pki.caPem, "127.0.0.1");
        assertTrue(
                m.failureReasons().getOrDefault("tls: certificate for another host name", 0) > 0,
                m.failureReasons().toString());
    }

    @Test
    void mutualTlsPresentsTheClientCertificateInPkcs8OrPkcs1Form() throws Exception {
        TestPki pki = new TestPki(dir);
        Instant now = Instant.now();
        Path keystore = pki.serverKeystore("server.p12", now.minusSeconds(3600), now.plusSeconds(86_400), "127.0.0.1");
        Openssl.run(dir, "rsa", "-in", pki.clientKeyPem.toString(), "-traditional", "-out", "client.rsa.pem");
        try (HostileWebSocketServer server = HostileWebSocketServer.startTls(
                HostileWebSocketServer.idle(), pki.mutualServerContext(keystore), true)) {
            for (Path key : new Path[] {pki.clientKeyPem, dir.resolve("client.rsa.pem")}) {
                WsHealthRun run = WsHealthRun.run(
                        dir.resolve("mtls-" + key.getFileName()),
                        "--endpoint",
                        server.url(),
                        "--ca-file",
                        pki.caPem.toString(),
                        "--client-cert",
                        pki.clientCertPem.toString(),
                        "--client-key",
                        key.toString(),
                        "--iterations",
                        "2",
                        "--interval",
                        "10ms",
                        "--disconnect-mode",
                        "drop",
                        "--reconnect-initial-delay",
                        "0");
                assertEquals(0, run.exitCode(), run.transcript());
                assertEquals(2, run.metrics().successful());
            }

            WsHealthRun without = WsHealthRun.run(
                    dir.resolve("no-client-cert"),
                    "--endpoint",
                    server.url(),
                    "--ca-file",
                    pki.caPem.toString(),
                    "--iterations",
                    "1",
                    "--interval",
                    "10ms",
                    "--disconnect-mode",
                    "drop",
                    "--reconnect-timeout",
                    "600ms",
                    "--reconnect-initial-delay",
                    "20ms",
                    "--reconnect-max-delay",
                    "50ms");
            assertEquals(1, without.exitCode(), without.transcript());
            assertEquals(0, without.metrics().successful(), without.json());
        }
    }
}
