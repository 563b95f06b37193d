package dev.gaday.kpi.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.cli.CommandRun;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.kpi.KpiSummary;
import dev.gaday.common.verdict.Status;
import dev.gaday.kpi.CollectKpisCommand;
import dev.gaday.testkit.dataset.Dataset;
import dev.gaday.testkit.dataset.GaDayGenerator;
import dev.gaday.testkit.dataset.Manifest;
import dev.gaday.testkit.prometheus.PrometheusServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kpi-collector check} against two real Prometheus servers holding the same 4-hour day, one with
 * and one without the Redis and PostgreSQL exporters (kube-prometheus-stack labels): the second lists
 * exactly the Redis and PostgreSQL KPIs as null more than the first; with those criteria off, a healthy
 * window is PASS.
 */
class PreflightCheckIT {
    @TempDir
    static Path temp;

    static PrometheusServer full;
    static PrometheusServer withoutRedisAndPostgres;
    static Manifest manifest;

    @BeforeAll
    static void start() {
        GaDayGenerator.Builder day = GaDayGenerator.builder()
                .hours(4)
                .step(Duration.ofSeconds(60))
                .services(3)
                .kubePrometheusStack(true);
        Dataset all = day.build().generate(temp.resolve("full"));
        Dataset partial = day.redis(false).postgres(false).build().generate(temp.resolve("partial"));
        manifest = all.manifest();
        full = PrometheusServer.start(all);
        withoutRedisAndPostgres = PrometheusServer.start(partial);
    }

    @AfterAll
    static void stop() {
        if (full != null) {
            full.close();
        }
        if (withoutRedisAndPostgres != null) {
            withoutRedisAndPostgres.close();
        }
    }

    private static CommandRun check(PrometheusServer server, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "check",
                "--prometheus-url",
                server.url(),
                "--at",
                manifest.end().toString(),
                "--lookback",
                "1h"));
        args.addAll(List.of(extra));
        return CommandRun.of(new CollectKpisCommand(), args.toArray(String[]::new));
    }

    private static TreeSet<String> nullKpis(CommandRun run) {
        String line = run.out()
                .lines()
                .filter(l -> l.startsWith("null KPIs: "))
                .findFirst()
                .orElseThrow(() -> new AssertionError(run.out() + run.err()));
        String list = line.substring("null KPIs: ".length());
        return list.equals("none") ? new TreeSet<>() : new TreeSet<>(Arrays.asList(list.split(", ")));
    }

    @Test
    void aServerWithoutRedisAndPostgresListsExactlyThoseKpisAsNull() {
        CommandRun baseline = check(full);
        assertEquals(0, baseline.exitCode(), baseline.out() + baseline.err());
        assertTrue(baseline.out().contains("required KPIs without data: none"), baseline.out());
        // Which label carries the service, and how many services: job, 3 services (4 instances' series each... )
        String requests = baseline.out()
                .lines()
                .filter(l -> l.startsWith("requests "))
                .findFirst()
                .orElseThrow();
        assertTrue(requests.matches("requests\\s+yes\\s+3\\s+3\\s+job \\(3 series\\)"), requests);

        CommandRun missing = check(withoutRedisAndPostgres);
        assertEquals(3, missing.exitCode(), missing.out() + missing.err());
        TreeSet<String> extra = nullKpis(missing);
        extra.removeAll(nullKpis(baseline));
        assertEquals(
                new TreeSet<>(List.of(
                        "dbLatencyBuckets",
                        "dbPoolUsagePercent",
                        "redisConnectedClients",
                        "redisHitRatePercent",
                        "redisMemoryBytes")),
                extra,
                missing.out());
        assertTrue(missing.out().contains("required KPIs without data: redisHitRatePercent"), missing.out());
        assertTrue(missing.out().contains("redis hit rate: on, >= 95.0%, from redisHitRatePercent"), missing.out());
    }

    @Test
    void withRedisAndPostgresOffTheCheckPassesAndAHealthyWindowIsPass() throws IOException {
        Path config = temp.resolve("no-redis.yaml");
        Files.writeString(config, "criteria: {redisHitRate: off, postgresP99Latency: off}\n");
        CommandRun check = check(withoutRedisAndPostgres, "--config", config.toString());
        assertEquals(0, check.exitCode(), check.out() + check.err());

        // The first 90 minutes: before the incident, only one instance redeployed.
        Path output = temp.resolve("kpis");
        CommandRun collect = CommandRun.of(
                new CollectKpisCommand(),
                "--prometheus-url",
                withoutRedisAndPostgres.url(),
                "--ga-start",
                manifest.start().toString(),
                "--ga-end",
                manifest.start().plusSeconds(5400).toString(),
                "--no-kubernetes",
                "--config",
                config.toString(),
                "--output",
                output.toString());
        KpiSummary summary = Json.readFile(output.resolve("ga_kpi_summary.json"), KpiSummary.class);
        assertEquals(
                Status.PASS,
                summary.certification().status(),
                summary.certification().criteria().toString());
        assertEquals(0, collect.exitCode(), collect.err());

        // The same window with the defaults: Redis's criterion has no data, the verdict is inconclusive.
        Path defaults = temp.resolve("kpis-defaults");
        CommandRun inconclusive = CommandRun.of(
                new CollectKpisCommand(),
                "--prometheus-url",
                withoutRedisAndPostgres.url(),
                "--ga-start",
                manifest.start().toString(),
                "--ga-end",
                manifest.start().plusSeconds(5400).toString(),
                "--no-kubernetes",
                "--output",
                defaults.toString());
        assertEquals(3, inconclusive.exitCode(), inconclusive.err());
    }
}
