package dev.gaday.kpi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.gaday.common.cli.CommandRun;
import dev.gaday.common.io.Sha256;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.kpi.KpiSnapshot;
import dev.gaday.common.model.kpi.KpiSummary;
import dev.gaday.testkit.Poll;
import dev.gaday.testkit.dataset.Dataset;
import dev.gaday.testkit.dataset.GaDayGenerator;
import dev.gaday.testkit.prometheus.PrometheusServer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live mode over a real Prometheus holding a 4-hour recorded day, on a clock that runs 300 times
 * faster than real time (a 5-minute interval passes in one second).
 */
class LiveCollectionIT {
    private static final double SPEED = 300;

    @TempDir
    static Path temp;

    static PrometheusServer prometheus;
    static WireMockServer proxy;
    static Dataset dataset;

    @BeforeAll
    static void start() {
        dataset = GaDayGenerator.builder()
                .hours(4)
                .step(Duration.ofSeconds(60))
                .services(3)
                .build()
                .generate(temp.resolve("dataset"));
        prometheus = PrometheusServer.start(dataset);
        proxy = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        proxy.start();
        proxy.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(prometheus.url())));
    }

    @AfterAll
    static void stop() {
        if (proxy != null) {
            proxy.stop();
        }
        if (prometheus != null) {
            prometheus.close();
        }
    }

    private static CollectKpisCommand command(Instant origin) {
        CollectKpisCommand command = new CollectKpisCommand();
        command.clock = new AcceleratedClock(origin, SPEED);
        return command;
    }

    @Test
    void prometheusUnreachableMidRunIsRetriedRecordedAsAGapAndTheRunGoesOn() {
        Path output = temp.resolve("fault");
        CollectKpisCommand command = command(dataset.manifest().end().minus(Duration.ofMinutes(40)));
        CompletableFuture<CommandRun> running = CompletableFuture.supplyAsync(() -> CommandRun.of(
                command,
                "--prometheus-url",
                proxy.baseUrl(),
                "--duration",
                "0.5",
                "--interval",
                "5",
                "--no-kubernetes",
                "--max-retries",
                "1",
                "--retry-budget",
                "2s",
                "--query-timeout",
                "2s",
                "--output",
                output.toString()));
        KpiSnapshot first = Poll.untilPresent(
                "snapshot 1",
                Duration.ofSeconds(30),
                Duration.ofMillis(20),
                () -> read(output.resolve("snapshot_0001.json")));
        Instant thirdEnd = first.window().start().plus(Duration.ofMinutes(15));
        String start = BigDecimal.valueOf(thirdEnd.toEpochMilli(), 3).toPlainString();
        // The third snapshot's range queries find the connection reset, every try.
        StubMapping fault = proxy.stubFor(post(urlPathEqualTo("/api/v1/query_range"))
                .withFormParam("start", equalTo(start))
                .atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        CommandRun run;
        try {
            run = running.join();
        } finally {
            proxy.removeStub(fault);
        }
        KpiSummary summary = Json.readFile(output.resolve("ga_kpi_summary.json"), KpiSummary.class);
        assertFalse(summary.partial(), run.err());
        KpiSnapshot third = Json.readFile(output.resolve("snapshot_0003.json"), KpiSnapshot.class);
        assertEquals(thirdEnd, third.window().end());
        assertTrue(
                third.gaps().stream()
                        .anyMatch(g -> g.reason().startsWith("source unreachable") && thirdEnd.equals(g.to())),
                third.gaps().toString());
        assertTrue(third.services().isEmpty());
        // Every range query was tried twice (one retry) before the gap was recorded.
        int attempts = proxy.findAll(postRequestedFor(urlPathEqualTo("/api/v1/query_range"))
                        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("start=" + start)))
                .size();
        assertEquals(20, attempts);
        KpiSnapshot sixth = Json.readFile(output.resolve("snapshot_0006.json"), KpiSnapshot.class);
        assertTrue(sixth.gaps().isEmpty(), sixth.gaps().toString());
        assertTrue(sixth.overall().totalRequests() > 0);
        assertNotNull(summary.overall().availabilityPercent());
        assertTrue(run.err().contains("6/6 snapshots"), run.err());
    }

    @Test
    void aStopRequestWritesAPartialSummaryWithinFiveSeconds() throws Exception {
        Path output = temp.resolve("stopped");
        CollectKpisCommand command = command(dataset.manifest().end().minus(Duration.ofHours(2)));
        AtomicReference<Runnable> hook = new AtomicReference<>();
        command.shutdownHooks = hook::set;
        CompletableFuture<CommandRun> running = CompletableFuture.supplyAsync(() -> CommandRun.of(
                command,
                "--prometheus-url",
                prometheus.url(),
                "--duration",
                "2",
                "--interval",
                "5",
                "--no-kubernetes",
                "--output",
                output.toString()));
        Poll.untilPresent(
                "snapshot 2",
                Duration.ofSeconds(30),
                Duration.ofMillis(20),
                () -> read(output.resolve("snapshot_0002.json")));

        KpiSummary summary = stopWithinFiveSeconds(hook.get(), output);
        assertTrue(summary.window().duration().compareTo(Duration.ofHours(2)) < 0);
        assertTrue(summary.overall().totalRequests() > 0);
        assertEquals(
                Sha256.hex(output.resolve("ga_kpi_summary.json")) + "  ga_kpi_summary.json\n",
                Files.readString(output.resolve("ga_kpi_summary.json.sha256")));
        CommandRun run = running.get();
        assertTrue(run.out().contains("(partial)"), run.out());
    }

    @Test
    void aStopWhileStuckInASlowRequestStillWritesThePartialSummaryWithinFiveSeconds() {
        Path output = temp.resolve("stuck");
        CollectKpisCommand command = command(dataset.manifest().end().minus(Duration.ofHours(2)));
        AtomicReference<Runnable> hook = new AtomicReference<>();
        command.shutdownHooks = hook::set;
        CompletableFuture<CommandRun> running = CompletableFuture.supplyAsync(() -> CommandRun.of(
                command,
                "--prometheus-url",
                proxy.baseUrl(),
                "--duration",
                "2",
                "--interval",
                "5",
                "--no-kubernetes",
                "--query-timeout",
                "60s",
                "--output",
                output.toString()));
        Poll.untilPresent(
                "snapshot 1",
                Duration.ofSeconds(30),
                Duration.ofMillis(20),
                () -> read(output.resolve("snapshot_0001.json")));
        StubMapping slow = proxy.stubFor(post(urlPathEqualTo("/api/v1/query_range"))
                .atPriority(1)
                .willReturn(aResponse().proxiedFrom(prometheus.url()).withFixedDelay(8_000)));
        try {
            int before = proxy.getAllServeEvents().size();
            Poll.until(
                    "a range query is hanging",
                    Duration.ofSeconds(10),
                    Duration.ofMillis(20),
                    () -> proxy.getAllServeEvents().size() > before
                            || proxy.findAllUnmatchedRequests().size() > 0);
            stopWithinFiveSeconds(hook.get(), output);
        } finally {
            proxy.removeStub(slow);
        }
        running.join();
    }

    @Test
    void resumeContinuesFromTheSnapshotsAlreadyWritten() {
        Path output = temp.resolve("resumed");
        Instant origin = dataset.manifest().end().minus(Duration.ofMinutes(40));
        CollectKpisCommand first = command(origin);
        AtomicReference<Runnable> hook = new AtomicReference<>();
        first.shutdownHooks = hook::set;
        CompletableFuture<CommandRun> running = CompletableFuture.supplyAsync(() -> CommandRun.of(
                first,
                "--prometheus-url",
                prometheus.url(),
                "--duration",
                "0.5",
                "--interval",
                "5",
                "--no-kubernetes",
                "--output",
                output.toString()));
        KpiSnapshot one = Poll.untilPresent(
                "snapshot 2",
                Duration.ofSeconds(30),
                Duration.ofMillis(20),
                () -> read(output.resolve("snapshot_0002.json")));
        hook.get().run();
        running.join();

        // The "crash" is over: a new process resumes, later in time, and catches up.
        CommandRun resumed = CommandRun.of(
                command(origin.plus(Duration.ofMinutes(20))),
                "--prometheus-url",
                prometheus.url(),
                "--duration",
                "0.5",
                "--interval",
                "5",
                "--no-kubernetes",
                "--resume",
                "--output",
                output.toString());
        KpiSummary summary = Json.readFile(output.resolve("ga_kpi_summary.json"), KpiSummary.class);
        assertFalse(summary.partial(), resumed.err());
        assertEquals(
                one.window().end().minus(Duration.ofMinutes(10)),
                summary.window().start());
        assertEquals(Duration.ofMinutes(30), summary.window().duration());
        KpiSnapshot sixth = Json.readFile(output.resolve("snapshot_0006.json"), KpiSnapshot.class);
        assertEquals(summary.window().end(), sixth.window().end());
        assertTrue(resumed.err().contains("resuming"), resumed.err());
    }

    private static java.util.Optional<KpiSnapshot> read(Path file) {
        return Files.exists(file)
                ? java.util.Optional.of(Json.readFile(file, KpiSnapshot.class))
                : java.util.Optional.empty();
    }

    /** Runs the stop hook, checks that it returned within 5 s, and reads the partial summary it wrote. */
    private static KpiSummary stopWithinFiveSeconds(Runnable stop, Path output) {
        long began = System.nanoTime();
        stop.run();
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "stop took " + took);
        KpiSummary summary = Json.readFile(output.resolve("ga_kpi_summary.json"), KpiSummary.class);
        assertTrue(summary.partial());
        assertTrue(summary.gaps().stream().anyMatch(g -> g.reason().startsWith("partial")));
        return summary;
    }
}
