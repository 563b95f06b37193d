package dev.gaday.ws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.cli.ToolLauncher;
import dev.gaday.common.model.ws.WsHealthMetrics;
import dev.gaday.ws.server.EchoChaosServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** wss:// against `ws-health serve` with a certificate from a test CA, the serve command run in-process. */
class WssAndServeTest {
    @TempDir
    static Path dir;

    private static TlsTestCa ca;
    private static ServeWsEchoCommand serve;
    private static Thread serveThread;
    private static final AtomicInteger serveExit = new AtomicInteger(-1);
    private static final StringWriter serveErr = new StringWriter();
    private static String url;

    @BeforeAll
    static void startTlsServer() throws Exception {
        TestServers.init();
        ca = TlsTestCa.create(dir);
        Path password = Files.writeString(dir.resolve("password"), TlsTestCa.PASSWORD + "\n");
        serve = new ServeWsEchoCommand();
        CommandLine commandLine = ToolLauncher.newCommandLine(serve);
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        commandLine.setErr(new PrintWriter(serveErr, true));
        serveThread = new Thread(() -> serveExit.set(commandLine.execute(
                "-vv",
                "--port",
                "0",
                "--tls-keystore",
                ca.serverKeystore.toString(),
                "--tls-keystore-password-file",
                password.toString())));
        serveThread.start();
        assertTrue(
                TestServers.await(() -> serve.server() != null || serveExit.get() >= 0, Duration.ofSeconds(10)),
                "serve did not start: " + serveErr);
        assertNotNull(serve.server(), serveErr.toString());
        EchoChaosServer server = serve.server();
        url = "wss://127.0.0.1:" + server.boundPort() + "/ws";
    }

    @AfterAll
    static void stopServe() throws InterruptedException {
        serve.requestStop();
        serveThread.join(5000);
        assertEquals(0, serveExit.get(), serveErr.toString());
        assertTrue(serveErr.toString().contains("stopped after"), serveErr.toString());
    }

    @Test
    void wssWithTheTestCaPasses() {
        WsHealthRun run = WsHealthRun.run(
                dir.resolve("ok"),
                "--endpoint",
                url,
                "--ca-file",
                ca.caPem.toString(),
                "--iterations",
                "4",
                "--interval",
                "20ms",
                "--reconnect-initial-delay",
                "0",
                "--send",
                "tls?",
                "--expect",
                "tls",
                "--reconnect-timeout",
                "5s");
        assertEquals(0, run.exitCode(), run.transcript() + "--- serve\n" + serveErr);
        WsHealthMetrics m = run.metrics();
        assertEquals(4, m.successful());
        assertNotNull(m.phasesMs().tlsHandshake(), "TLS is timed as its own phase");
        assertTrue(m.phasesMs().tlsHandshake().avg() > 0);
        assertTrue(m.latencyMs().p50() < 1000, m.latencyMs().toString());
    }

    @Test
    void wssWithoutTrustingTheCaFailsEveryAttempt() {
        WsHealthRun run = WsHealthRun.run(
                dir.resolve("untrusted"),
                "--endpoint",
                url,
                "--iterations",
                "1",
                "--interval",
                "10ms",
                "--reconnect-timeout",
                "1500ms",
                "--reconnect-initial-delay",
                "20ms",
                "--reconnect-max-delay",
                "50ms");
        assertEquals(1, run.exitCode(), run.transcript());
        assertEquals(0, run.metrics().successful());
        assertTrue(run.metrics().failureReasons().getOrDefault("tls: certificate untrusted", 0) > 0, run.json());
    }

    @Test
    void hostnameIsVerifiedUnlessVerificationIsSkipped() {
        String byName = url.replace("127.0.0.1", "localhost");
        WsHealthRun verified = WsHealthRun.run(
                dir.resolve("name"),
                "--endpoint",
                byName,
                "--ca-file",
                ca.caPem.toString(),
                "--iterations",
                "1",
                "--interval",
                "10ms",
                "--reconnect-timeout",
                "1500ms",
                "--reconnect-initial-delay",
                "20ms",
                "--reconnect-max-delay",
                "50ms");
        assertEquals(
                1, verified.exitCode(), "the certificate names 127.0.0.1, not localhost\n" + verified.transcript());
        assertTrue(
                verified.metrics().failureReasons().getOrDefault("tls: certificate for another host name", 0) > 0,
                verified.json());

        WsHealthRun insecure = WsHealthRun.run(
                dir.resolve("insecure"),
                "--endpoint",
                byName,
                "--insecure-skip-verify",
                "--iterations",
                "2",
                "--interval",
                "10ms");
        assertEquals(0, insecure.exitCode(), insecure.transcript());
        assertTrue(insecure.err().contains("TLS verification is off"), insecure.err());
    }

    /** The ping timeout the server runs with, for these options of serve. */
    private static int lostConnectionTimeoutOf(String... options) throws InterruptedException {
        ServeWsEchoCommand command = new ServeWsEchoCommand();
        CommandLine commandLine = ToolLauncher.newCommandLine(command);
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err, true));
        AtomicInteger exit = new AtomicInteger(-1);
        String[] args = new String[options.length + 4];
        System.arraycopy(new String[] {"--port", "0", "--for", "10s"}, 0, args, 0, 4);
        System.arraycopy(options, 0, args, 4, options.length);
        Thread thread = new Thread(() -> exit.set(commandLine.execute(args)));
        thread.start();
        try {
            assertTrue(
                    TestServers.await(() -> command.server() != null || exit.get() >= 0, Duration.ofSeconds(10)),
                    err.toString());
            assertNotNull(command.server(), err.toString());
            return command.server().getConnectionLostTimeout();
        } finally {
            command.requestStop();
            thread.join(5000);
            assertEquals(0, exit.get(), err.toString());
        }
    }

    @Test
    void lostConnectionTimeoutIsADurationAndABareNumberStaysSeconds() throws InterruptedException {
        assertEquals(30, lostConnectionTimeoutOf());
        assertEquals(30, lostConnectionTimeoutOf("--lost-connection-timeout", "30s"));
        assertEquals(120, lostConnectionTimeoutOf("--lost-connection-timeout", "2m"));
        assertEquals(45, lostConnectionTimeoutOf("--lost-connection-timeout", "45"));
        assertEquals(0, lostConnectionTimeoutOf("--lost-connection-timeout", "0"));
    }

    @Test
    void lostConnectionTimeoutOfAFractionOfASecondIsAUsageError() {
        CommandLine commandLine = ToolLauncher.newCommandLine(new CheckWsHealthCommand());
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err, true));
        assertEquals(2, commandLine.execute("serve", "--port", "0", "--lost-connection-timeout", "1500ms"));
        assertEquals(
                "ws-health: error: --lost-connection-timeout must be whole seconds (e.g. 30s, 2m; 0: off), not 1.5s",
                err.toString().strip());
    }

    /** serve with these options: exit 2 and exactly this one line on stderr. */
    private static void serveRefuses(String line, String... options) {
        CommandLine commandLine = ToolLauncher.newCommandLine(new CheckWsHealthCommand());
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err, true));
        String[] args = new String[options.length + 3];
        System.arraycopy(new String[] {"serve", "--port", "0"}, 0, args, 0, 3);
        System.arraycopy(options, 0, args, 3, options.length);
        assertEquals(2, commandLine.execute(args), err.toString());
        assertEquals(line, err.toString().strip());
    }

    @Test
    void aKeystoreThatIsNotPkcs12OrDoesNotOpenIsNamedInWords() throws Exception {
        Path text = Files.writeString(dir.resolve("hostname"), "build-host\n");
        serveRefuses(
                "ws-health: error: --tls-keystore " + text + ": not a PKCS#12 keystore",
                "--tls-keystore",
                text.toString());
        Path pem = ca.caPem;
        serveRefuses(
                "ws-health: error: --tls-keystore " + pem + ": not a PKCS#12 keystore",
                "--tls-keystore",
                pem.toString());
        serveRefuses(
                "ws-health: error: --tls-keystore " + dir + ": is a directory, not a PKCS#12 keystore",
                "--tls-keystore",
                dir.toString());
        Path wrong = Files.writeString(dir.resolve("wrong-password"), "not-the-password\n");
        serveRefuses(
                "ws-health: error: --tls-keystore " + ca.serverKeystore
                        + ": the password does not open this PKCS#12 keystore (password from "
                        + "--tls-keystore-password-file " + wrong + ")",
                "--tls-keystore",
                ca.serverKeystore.toString(),
                "--tls-keystore-password-file",
                wrong.toString());
        serveRefuses(
                "ws-health: error: --tls-keystore " + ca.serverKeystore
                        + ": the password does not open this PKCS#12 keystore (no --tls-keystore-password-file: the "
                        + "empty password was tried)",
                "--tls-keystore",
                ca.serverKeystore.toString());
        // A keystore of certificates only: no key to serve with.
        java.security.KeyStore certificatesOnly = java.security.KeyStore.getInstance("PKCS12");
        certificatesOnly.load(null, null);
        try (java.io.InputStream in = Files.newInputStream(pem)) {
            certificatesOnly.setCertificateEntry(
                    "ca",
                    java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        Path trustOnly = dir.resolve("trust-only.p12");
        try (java.io.OutputStream out = Files.newOutputStream(trustOnly)) {
            certificatesOnly.store(out, new char[0]);
        }
        serveRefuses(
                "ws-health: error: --tls-keystore " + trustOnly
                        + ": holds no private key (a server needs its key and certificate)",
                "--tls-keystore",
                trustOnly.toString());
    }

    @Test
    void serveRejectsBadFlagsWithOneLine() {
        ServeWsEchoCommand bad = new ServeWsEchoCommand();
        CommandLine commandLine = ToolLauncher.newCommandLine(bad);
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err, true));
        assertEquals(2, commandLine.execute("--port", "0", "--refuse-after", "1s"));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertEquals(2, commandLine.execute("--port", "0", "--drop-after", "soon"));
        StringWriter every = new StringWriter();
        CommandLine repeat = ToolLauncher.newCommandLine(new ServeWsEchoCommand());
        repeat.setErr(new PrintWriter(every, true));
        assertEquals(
                2, repeat.execute("--port", "0", "--refuse-after", "1s", "--refuse-for", "2s", "--refuse-every", "2s"));
        assertEquals(
                "serve: error: --refuse-every needs --refuse-after and --refuse-for, and must be longer than "
                        + "--refuse-for",
                every.toString().strip());
    }

    @Test
    void serveRunsForAGivenTimeThenStops() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = ToolLauncher.newCommandLine(new CheckWsHealthCommand());
        commandLine.setErr(new PrintWriter(err, true));
        long start = System.nanoTime();
        int exit = commandLine.execute("serve", "--port", "0", "--for", "300ms", "--drop-after", "1s");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, exit, err.toString());
        assertTrue(millis >= 300 && millis < 3000, millis + " ms");
        assertTrue(err.toString().contains("drop after 1s by TCP reset"), err.toString());
    }
}
