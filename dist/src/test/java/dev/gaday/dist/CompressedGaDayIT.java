package dev.gaday.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.gaday.testkit.live.LiveExporter;
import dev.gaday.testkit.live.ScrapingPrometheus;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GA day compressed to three minutes, end to end, with the released tools (the dist archive unpacked,
 * GA_DAY_BIN pointing at its bin/): a LiveExporter (and a Redis exporter) scraped every second by a real
 * Prometheus, `ws-health serve` as the WebSocket endpoint, and scripts/ga-day.sh doing baseline, start (with
 * 15-second intervals), status, wait, stop and certify. The day with an incident on checkout is NOT CERTIFIED
 * and names checkout; the same day without it is CERTIFIED. Both days run side by side (one Prometheus each)
 * so that the test takes one GA day's time. No process is left afterwards.
 */
class CompressedGaDayIT {
    private static final Duration DAY = Duration.ofMinutes(3);

    @TempDir
    static Path work;

    static Path repository;
    static Path bin;

    @BeforeAll
    static void unpack() throws Exception {
        repository =
                Path.of(System.getProperty("dist.repository")).toAbsolutePath().normalize();
        Path archive = Path.of(System.getProperty("dist.archive"));
        assertTrue(Files.isRegularFile(archive), archive + " was not built");
        Path unpacked = Files.createDirectories(work.resolve("opt"));
        Process tar = new ProcessBuilder("tar", "xzf", archive.toString())
                .directory(unpacked.toFile())
                .inheritIO()
                .start();
        assertEquals(0, tar.waitFor());
        bin = unpacked.resolve("ga-day-toolkit-" + System.getProperty("dist.version"))
                .resolve("bin");
    }

    @Test
    void theDayWithAnIncidentIsNotCertifiedAndNamesItsServiceTheHealthyDayIsCertified() throws Exception {
        CompletableFuture<Day> incident = CompletableFuture.supplyAsync(() -> Day.run(work.resolve("incident"), true));
        CompletableFuture<Day> healthy = CompletableFuture.supplyAsync(() -> Day.run(work.resolve("healthy"), false));
        Day withIncident = incident.get(8, TimeUnit.MINUTES);
        Day withoutIncident = healthy.get(8, TimeUnit.MINUTES);

        for (Day day : List.of(withIncident, withoutIncident)) {
            assertEquals(0, day.start.exit(), day.start.err());
            // status: one line per monitor, each running a few seconds into the day.
            for (String monitor :
                    List.of("kpi-collector", "slo-monitor", "drift-detector", "ws-health", "validation")) {
                assertTrue(
                        day.status.out().lines().anyMatch(l -> l.startsWith(monitor) && l.contains("running")),
                        monitor + " in:\n" + day.status.out());
            }
            assertTrue(Files.readString(day.dir.resolve("status.md")).contains("| `kpi-collector` | running |"));
            // stop after the day's end: every monitor finished and left its final file.
            for (String file : List.of(
                    "ga_kpis/ga_kpi_summary.json",
                    "slo/slo_status.json",
                    "drift/drift_analysis.json",
                    "ws_health/ws_health_metrics.json",
                    "ga_validation_interim/validation_results.json")) {
                assertTrue(day.stop.out().contains("left " + file), file + " in:\n" + day.stop.out());
            }
            assertFalse(day.stop.out().contains("DIED"), day.stop.out());
            assertTrue(day.certify.err().contains("certify 3/3: cert-package verify"), day.certify.err());
            assertTrue(day.certify.out().contains("files match MANIFEST.sha256"), day.certify.out());
            assertTrue(day.certify.out().contains("signed by release-ci@example.com"), day.certify.out());
            assertTrue(Files.readString(day.run.resolve("verdict.env"))
                    .contains("SIGNATURE=" + day.run.resolve("ga_certification/ga_certification_package.tar.gz.sig")));
            assertTrue(Files.isRegularFile(day.run.resolve("ga_certification/ga_certification_package.tar.gz")));
            assertNoProcessLeft(day);
        }

        // A second start while the monitors run is refused, and names them.
        assertEquals(2, withIncident.secondStart.exit());
        assertTrue(withIncident.secondStart.err().contains("already running"), withIncident.secondStart.err());

        assertEquals(1, withIncident.certify.exit(), withIncident.certify.out() + withIncident.certify.err());
        assertTrue(withIncident.certify.out().contains(": NOT CERTIFIED"), withIncident.certify.out());
        List<String> failed = withIncident
                .certify
                .out()
                .lines()
                .dropWhile(l -> !l.equals("failed criteria:"))
                .toList();
        assertTrue(
                failed.stream().anyMatch(l -> l.contains("kpi-collector: service checkout availability")),
                failed.toString());
        assertTrue(failed.stream().anyMatch(l -> l.contains("slo-monitor: checkout-availability")), failed.toString());
        assertTrue(
                failed.stream().noneMatch(l -> l.contains("service cart") || l.contains("cart-")), failed.toString());

        assertEquals(0, withoutIncident.certify.exit(), withoutIncident.certify.out() + withoutIncident.certify.err());
        assertTrue(withoutIncident.certify.out().contains(": CERTIFIED"), withoutIncident.certify.out());
        assertFalse(withoutIncident.certify.out().contains("failed criteria:"), withoutIncident.certify.out());
        assertTrue(Files.readString(withoutIncident.run.resolve("verdict.env")).contains("VERDICT=CERTIFIED"));
        assertTrue(Files.readString(withIncident.run.resolve("verdict.env")).contains("VERDICT=NOT\\ CERTIFIED"));
    }

    /** Neither a supervisor nor a tool of the day is alive, nor any process naming the day's run directory. */
    private static void assertNoProcessLeft(Day day) throws IOException {
        try (Stream<Path> pids = Files.list(day.run.resolve("pids"))) {
            for (Path pidFile : pids.toList()) {
                long pid = Long.parseLong(Files.readString(pidFile).strip());
                assertFalse(runningNotZombie(pid), pidFile + " still alive");
            }
        }
        String runDir = day.run.toString();
        List<String> left = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(runDir)).orElse(false))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                .toList();
        assertTrue(left.isEmpty(), "processes left: " + left);
    }

    /** Alive and not a zombie (an orphan may wait unreaped where PID 1 does not reap, as in containers). */
    private static boolean runningNotZombie(long pid) throws IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) || !Files.exists(stat)) {
            return false;
        }
        String text;
        try {
            text = Files.readString(stat);
        } catch (NoSuchFileException e) {
            return false;
        }
        return text.charAt(text.lastIndexOf(')') + 2) != 'Z';
    }

    record Run(int exit, String out, String err) {}

    record Day(Path dir, Path run, Run start, Run secondStart, Run status, Run stop, Run certify) {
        static Day run(Path dir, boolean incident) {
            try {
                return runDay(dir, incident);
            } catch (Exception e) {
                throw new IllegalStateException(dir.getFileName() + ": " + e, e);
            }
        }
    }

    private static Day runDay(Path dir, boolean incident) throws Exception {
        Files.createDirectories(dir);
        Path run = dir.resolve("run");
        long started = System.nanoTime();
        try (LiveExporter exporter = LiveExporter.builder()
                        .service("checkout", 40, 0.0002)
                        .service("cart", 30, 0.0002)
                        .start();
                RedisExporter redis = new RedisExporter();
                ScrapingPrometheus prometheus =
                        ScrapingPrometheus.start(List.of(exporter.target(), redis.target()), Duration.ofSeconds(1));
                WsServer ws = new WsServer(dir.resolve("ws-serve.log"))) {
            Path driftConfig = dir.resolve("drift.yaml");
            String drift = Files.readString(
                    repository.resolve("drift-detector/src/main/resources/dev/gaday/drift/config/default-drift.yaml"));
            Files.writeString(
                    driftConfig,
                    drift.replaceFirst("(?m)^step: 1m", "step: 5s")
                            .replaceFirst("(?m)^minSamples: 50", "minSamples: 5"));
            // The package is signed with a key made by OpenSSH, and certify's verify checks the signature.
            Path key = dir.resolve("ga-day-signing-key");
            Process keygen = new ProcessBuilder(
                            "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "ga-day-ci", "-f", key.toString())
                    .redirectErrorStream(true)
                    .start();
            String keygenOutput = new String(keygen.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, keygen.waitFor(), keygenOutput);
            Path allowedSigners = dir.resolve("allowed_signers");
            Files.writeString(
                    allowedSigners,
                    "release-ci@example.com " + Files.readString(dir.resolve("ga-day-signing-key.pub")));
            Path config = dir.resolve("ga-day.conf");
            Files.writeString(
                    config,
                    String.join(
                            "\n",
                            "PROMETHEUS_URL=" + prometheus.url(),
                            "DURATION=" + DAY.toMinutes() + "m",
                            "KPI_INTERVAL=15s",
                            "SLO_INTERVAL=15s",
                            "DRIFT_INTERVAL=15s",
                            "SCRAPE_INTERVAL=1s",
                            "VALIDATE_AFTER=90s",
                            "WS_ENDPOINT=" + ws.url(),
                            "WS_DURATION=60s",
                            "WS_INTERVAL=2s",
                            "WS_CONNECTIONS=2",
                            "DRIFT_CONFIG=" + driftConfig,
                            "RELEASE=" + repository.resolve("templates/release.example.yaml"),
                            "SIGN_KEY=" + key,
                            "ALLOWED_SIGNERS=" + allowedSigners,
                            ""));

            // The baseline: the half minute of healthy traffic before the day.
            Thread.sleep(Math.max(
                    0, 32_000 - Duration.ofNanos(System.nanoTime() - started).toMillis()));
            Run baseline =
                    gaDay(dir, run, "baseline", "--config", config.toString(), "--from", "now-25s", "--to", "now");
            assertEquals(0, baseline.exit(), baseline.err());

            Run start = gaDay(dir, run, "start", "--config", config.toString());
            Run secondStart = gaDay(dir, run, "start", "--config", config.toString());
            Thread.sleep(5_000);
            Run status = gaDay(
                    dir, run, "status", "--markdown", dir.resolve("status.md").toString());
            if (incident) {
                Thread.sleep(15_000);
                exporter.startIncident("checkout", 0.3);
            }
            Run waited = gaDay(dir, run, "wait", "--status-every", "1m", "--grace", "60s");
            assertEquals(0, waited.exit(), waited.err());
            Run stop = gaDay(dir, run, "stop");
            Run certify = gaDay(dir, run, "certify");
            return new Day(dir, run, start, secondStart, status, stop, certify);
        } finally {
            // Whatever failed above: nothing of the day may outlive the test.
            gaDay(dir, run, "stop", "--timeout", "10s");
        }
    }

    private static Run gaDay(Path dir, Path run, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of("bash", repository.resolve("scripts/ga-day.sh").toString(), "--run-dir", run.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, args[0], ".out");
        Path err = Files.createTempFile(dir, args[0], ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Map<String, String> env = builder.environment();
        env.put("GA_DAY_BIN", bin.toString());
        env.remove("GITHUB_STEP_SUMMARY");
        env.remove("GITHUB_ACTIONS");
        Process process = builder.start();
        if (!process.waitFor(6, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("ga-day.sh " + String.join(" ", args) + " did not end");
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** A Redis exporter's two counters (98 % hits), so that the KPI gate has its Redis hit rate. */
    static final class RedisExporter implements AutoCloseable {
        private final HttpServer server;
        private final long startedAt = System.currentTimeMillis();

        RedisExporter() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
            server.createContext("/metrics", exchange -> {
                double seconds = (System.currentTimeMillis() - startedAt) / 1000.0;
                byte[] body = ("# TYPE redis_keyspace_hits_total counter\nredis_keyspace_hits_total "
                                + (long) (98 * seconds)
                                + "\n# TYPE redis_keyspace_misses_total counter\nredis_keyspace_misses_total "
                                + (long) (2 * seconds)
                                + "\n")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream stream = exchange.getResponseBody()) {
                    stream.write(body);
                }
            });
            server.start();
        }

        String target() {
            return "127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** The released `ws-health serve` as the day's WebSocket endpoint. */
    static final class WsServer implements AutoCloseable {
        private static final Pattern SERVING = Pattern.compile("serving (ws://\\S+)");
        private final Process process;
        private final String url;

        WsServer(Path log) throws IOException, InterruptedException {
            process = new ProcessBuilder(bin.resolve("ws-health").toString(), "serve", "--port", "0")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            String found = null;
            for (int i = 0; i < 240 && found == null && process.isAlive(); i++) {
                Matcher matcher = SERVING.matcher(Files.readString(log));
                if (matcher.find()) {
                    found = matcher.group(1);
                } else {
                    Thread.sleep(250);
                }
            }
            if (found == null) {
                process.destroyForcibly();
                throw new IllegalStateException("ws-health serve did not start: " + Files.readString(log));
            }
            url = found;
        }

        String url() {
            return url;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
