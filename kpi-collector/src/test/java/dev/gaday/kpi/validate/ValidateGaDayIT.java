package dev.gaday.kpi.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.gaday.common.cli.CommandRun;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.validation.ValidationResults;
import dev.gaday.kpi.CollectKpisCommand;
import dev.gaday.kpi.validate.check.Values;
import dev.gaday.testkit.dataset.Manifest;
import dev.gaday.testkit.postgres.PostgresServer;
import dev.gaday.testkit.prometheus.PrometheusExtension;
import dev.gaday.testkit.prometheus.PrometheusServer;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kpi-collector validate --ga-mode} with real parts: the generated GA day (with a leaking instance) on a
 * real Prometheus, a real HTTP server serving a fast and a slow dashboard, a throwaway PostgreSQL with an indexed
 * and an unindexed query, fabric8's Kubernetes mock server; the JUnit XML read back by python3-junitparser.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnableKubernetesMockClient(crud = true)
class ValidateGaDayIT {
    static final String LEAKING = "search-0:8080";
    static final long LEAK_PER_HOUR = 64L * 1024 * 1024;
    static final String ODD_NAME = "odd <name> & \u0001 check";

    @RegisterExtension
    static final PrometheusExtension PROMETHEUS =
            PrometheusExtension.withDataset(d -> d.memoryLeak(LEAKING, LEAK_PER_HOUR));

    static KubernetesClient client;

    @TempDir
    static Path dir;

    PostgresServer postgres;
    HttpServer dashboards;
    Path kubeconfig;
    Map<String, String> environment = new HashMap<>();
    CommandRun run;
    ValidationResults results;
    Path out;

    @BeforeAll
    void sources() throws Exception {
        postgres = PostgresServer.start();
        postgres.psql("create table orders (id bigint primary key, customer int not null, note text not null);"
                + "insert into orders select g, g % 1000, md5(g::text) from generate_series(1, 1500000) g;"
                + "analyze orders;");
        dashboards = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        dashboards.createContext("/d/fast", exchange -> {
            boolean authorised =
                    "Bearer dash-token".equals(exchange.getRequestHeaders().getFirst("Authorization"));
            respond(exchange.getResponseBody(), exchange, authorised ? 200 : 401, "<html>fast</html>");
        });
        dashboards.createContext("/d/slow", exchange -> {
            try {
                Thread.sleep(600);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange.getResponseBody(), exchange, 200, "<html>slow</html>");
        });
        dashboards.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        dashboards.start();

        client.resource(deployment("checkout", 3, 3, 3)).inNamespace("release").create();
        client.resource(deployment("payments", 3, 1, 2)).inNamespace("release").create();
        client.resource(pod("checkout-0", 0, null)).inNamespace("release").create();
        // Restarted inside the last 6 h of the window (the window ends 2026-06-02T00:00:00Z).
        client.resource(pod("payments-0", 3, "2026-06-01T20:00:00Z"))
                .inNamespace("release")
                .create();
    }

    @AfterAll
    void stop() {
        if (dashboards != null) {
            dashboards.stop(0);
            ((java.util.concurrent.ExecutorService) dashboards.getExecutor()).shutdownNow();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    static void respond(OutputStream body, com.sun.net.httpserver.HttpExchange exchange, int status, String text)
            throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        body.write(bytes);
        body.close();
    }

    static Deployment deployment(String name, int desired, int updated, int available) {
        return new DeploymentBuilder()
                .withNewMetadata()
                .withName(name)
                .withGeneration(2L)
                .endMetadata()
                .withNewSpec()
                .withReplicas(desired)
                .endSpec()
                .withStatus(new DeploymentStatusBuilder()
                        .withObservedGeneration(2L)
                        .withReplicas(desired)
                        .withUpdatedReplicas(updated)
                        .withAvailableReplicas(available)
                        .withReadyReplicas(available)
                        .build())
                .build();
    }

    static Pod pod(String name, int restarts, String lastTerminated) {
        ContainerStatusBuilder container = new ContainerStatusBuilder()
                .withName("app")
                .withRestartCount(restarts)
                .withReady(true);
        if (lastTerminated != null) {
            container
                    .withNewLastState()
                    .withNewTerminated()
                    .withFinishedAt(lastTerminated)
                    .withExitCode(137)
                    .endTerminated()
                    .endLastState();
        }
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewStatus()
                .withPhase("Running")
                .withStartTime("2026-05-20T00:00:00Z")
                .addNewCondition()
                .withType("Ready")
                .withStatus("True")
                .endCondition()
                .withContainerStatuses(container.build())
                .endStatus()
                .build();
    }

    Path kubeconfig() throws IOException {
        Path file = dir.resolve("kubeconfig");
        Files.writeString(
                file,
                """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster: {server: "%s", insecure-skip-tls-verify: true}
                users:
                - name: mock
                  user: {token: mock-token}
                contexts:
                - name: mock
                  context: {cluster: mock, user: mock, namespace: release}
                current-context: mock
                """
                        .formatted(client.getConfiguration().getMasterUrl()));
        return file;
    }

    String dashboardUrl(String path) {
        return "http://127.0.0.1:" + dashboards.getAddress().getPort() + path;
    }

    Path checksYaml() throws IOException {
        Path file = dir.resolve("checks.yaml");
        Files.writeString(
                file,
                """
                ga:
                  dashboard:
                    urls: ["%s"]
                    requests: 10
                    headerEnv: DASHBOARD_AUTH
                  database:
                    urlEnv: PG_URL
                    user: postgres
                    passwordEnv: PG_PASSWORD
                    runs: 5
                    queries:
                      - {name: order_by_id, sql: "select id, customer, note from orders where id = 4242"}
                  deployments: [checkout]
                checks:
                  - name: dashboard.slow
                    kind: http
                    category: load
                    url: "%s"
                    requests: 3
                    threshold: 0.5
                  - name: db.orders_by_note
                    kind: sql
                    category: database
                    database: {urlEnv: PG_URL, user: postgres}
                    sql: "select count(*) from orders where note like '%%abc%%'"
                    runs: 3
                    threshold: 50
                  - name: rollout.payments
                    kind: kubernetes
                    category: deployment
                    deployments: [payments]
                  - name: "odd <name> & \\x01 check"
                    kind: promql
                    category: load
                    severity: warning
                    query: count(up)
                    comparator: ">="
                    threshold: 25
                """
                        .formatted(dashboardUrl("/d/fast"), dashboardUrl("/d/slow")));
        return file;
    }

    CommandRun validate(Path output, String... extra) throws IOException {
        PrometheusServer prometheus = PROMETHEUS.server();
        environment.put("DASHBOARD_AUTH", "Bearer dash-token");
        environment.put("PG_URL", postgres.jdbcUrl());
        environment.put("PG_PASSWORD", "not-needed-with-trust");
        ValidateCommand command = new ValidateCommand();
        command.environment = Map.copyOf(environment);
        List<String> args = new ArrayList<>(List.of(
                "--prometheus-url",
                prometheus.url(),
                "--ga-start",
                prometheus.manifest().start().toString(),
                "--ga-end",
                prometheus.manifest().end().toString(),
                "--ga-mode",
                "--checks",
                checksYaml().toString(),
                "--kubeconfig",
                kubeconfig().toString(),
                "-o",
                output.toString()));
        args.addAll(List.of(extra));
        return CommandRun.of(command, args.toArray(String[]::new));
    }

    synchronized ValidationResults fullRun() throws IOException {
        if (results == null) {
            out = dir.resolve("full-run");
            run = validate(out);
            results = Json.readFile(out.resolve(ValidationSuite.JSON_FILE), ValidationResults.class);
        }
        return results;
    }

    ValidationResults.Case find(String name) throws IOException {
        return fullRun().cases().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no case " + name));
    }

    @Test
    void theGaDayFailsOnTheIncidentAndTheLeakAndWritesTheThreeFiles() throws IOException {
        ValidationResults results = fullRun();
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("FAIL", results.status());
        assertEquals(15, results.summary().total());
        for (String file : ValidationSuite.fileNames()) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
        assertFalse(Files.readString(out.resolve(ValidationSuite.JSON_FILE)).contains("dash-token"));
        assertFalse(Files.readString(out.resolve(ValidationSuite.XML_FILE)).contains("dash-token"));
        // Only errors reach stderr as "error:" lines: there should be none in this run.
        assertFalse(run.err().contains("error:"), run.err());
    }

    @Test
    void theIncidentsCriticalAlertFailsZeroCriticalAlerts() throws IOException {
        ValidationResults.Case alerts = find("ga.zero_critical_alerts");
        assertEquals("failed", alerts.status());
        assertEquals(1.0, alerts.observed());
        assertTrue(alerts.reason().contains("alertname=\"HighErrorRate\""), alerts.reason());
        assertTrue(fullRun().critical().contains("ga.zero_critical_alerts"));
    }

    @Test
    void theLeakingInstanceFailsMemoryRetentionWhileTheSteadyOnesPass() throws IOException {
        ValidationResults.Case memory = find("ga.memory_retention");
        assertEquals("failed", memory.status());
        assertEquals(
                "{instance=\"search-0:8080\"} leaks " + growthOf(memory.evidence(), LEAKING) + " MiB/h",
                memory.reason(),
                "only the leaking instance is named");
        double leakMiB = Double.parseDouble(growthOf(memory.evidence(), LEAKING));
        assertEquals(64.0, leakMiB, 64.0 * 0.01, "the linear fit finds the injected growth");
        Matcher lines = Pattern.compile("\\{instance=\"([^\"]+)\"}: max [0-9.]+ MiB, growth (-?[0-9.E-]+) MiB/h")
                .matcher(memory.evidence());
        int steady = 0;
        while (lines.find()) {
            if (!lines.group(1).equals(LEAKING)) {
                steady++;
                assertTrue(Math.abs(Double.parseDouble(lines.group(2))) < 1, lines.group());
            }
        }
        assertTrue(steady >= 19, "every other app instance is steady: " + memory.evidence());
    }

    static String growthOf(String evidence, String instance) {
        Matcher m = Pattern.compile("\\{instance=\"" + Pattern.quote(instance) + "\"}: max [0-9.]+ MiB, growth "
                        + "([0-9.]+) MiB/h")
                .matcher(evidence);
        assertTrue(m.find(), evidence);
        return m.group(1);
    }

    @Test
    void theInstanceDownDeployLowersScrapeHealthByTheExpectedAmount() throws IOException {
        Manifest manifest = PROMETHEUS.server().manifest();
        int targets =
                manifest.services().stream().mapToInt(s -> s.instances().size()).sum() + 5;
        double expected =
                100.0 * (1 - (double) manifest.truths().down().downSamples() / (manifest.samplesPerSeries() * targets));
        ValidationResults.Case scrape = find("ga.metrics_collection_healthy");
        assertEquals(expected, scrape.observed(), 1e-9);
        assertTrue(expected < 100);
        assertEquals("passed", scrape.status());
    }

    @Test
    void availabilityPerServiceFailsOnTheIncidentService() throws IOException {
        Manifest.ServiceTruth checkout =
                PROMETHEUS.server().manifest().truths().services().get("checkout");
        double expected = 100.0 * (1 - (double) checkout.errors5xx() / checkout.totalRequests());
        ValidationResults.Case slo = find("ga.slo_verification");
        assertEquals("failed", slo.status());
        assertEquals(expected, slo.observed(), 1e-9);
        assertTrue(slo.reason().contains("service=\"checkout\""), slo.reason());
        assertFalse(slo.reason().contains("payments"), slo.reason());
    }

    @Test
    void reconnectSuccessIsTheDaysCounterRatio() throws IOException {
        Manifest.WebsocketTruth ws = PROMETHEUS.server().manifest().truths().websocket();
        ValidationResults.Case websocket = find("ga.websocket_reconnect");
        assertEquals(100.0 * ws.successes() / ws.attempts(), websocket.observed(), 1e-9);
        assertEquals(websocket.observed() >= 95 ? "passed" : "failed", websocket.status());
        assertTrue(
                websocket
                        .reason()
                        .endsWith("(clients' websocket_reconnect_* counters " + Values.format(websocket.observed())
                                + " %)"),
                "the reason names its source: " + websocket.reason());
    }

    @Test
    void theFastDashboardPassesWithItsAuthHeaderAndTheSlowOneFails() throws IOException {
        ValidationResults.Case fast = find("ga.dashboard_performance");
        assertEquals("passed", fast.status(), fast.reason());
        assertTrue(fast.observed() < 0.5, String.valueOf(fast.observed()));
        ValidationResults.Case slow = find("dashboard.slow");
        assertEquals("failed", slow.status());
        assertTrue(slow.observed() >= 0.6, String.valueOf(slow.observed()));
        assertEquals("load", slow.category());
    }

    @Test
    void theIndexedQueryPassesTheUnindexedOneFailsAndBothKeepTheirPlans() throws IOException {
        ValidationResults.Case indexed = find("ga.database_query_performance");
        assertEquals("passed", indexed.status(), indexed.reason());
        assertTrue(indexed.evidence().contains("Index Scan using orders_pkey"), indexed.evidence());
        ValidationResults.Case scan = find("db.orders_by_note");
        assertEquals("failed", scan.status(), scan.reason());
        assertTrue(scan.observed() > 50, String.valueOf(scan.observed()));
        assertTrue(scan.evidence().contains("Seq Scan on orders"), scan.evidence());
        assertTrue(scan.evidence().contains("Execution Time"), scan.evidence());
    }

    @Test
    void kubernetesAnswersFromTheMockServer() throws IOException {
        ValidationResults.Case rollout = find("ga.rollout_complete");
        assertEquals("passed", rollout.status(), rollout.reason());
        assertEquals(100.0, rollout.observed());
        ValidationResults.Case payments = find("rollout.payments");
        assertEquals("failed", payments.status());
        assertEquals(100.0 / 3, payments.observed(), 1e-9);
        assertTrue(payments.reason().contains("1 of 3 replicas updated"), payments.reason());
        ValidationResults.Case restarts = find("ga.no_pod_restarts");
        assertEquals("failed", restarts.status());
        assertEquals(1.0, restarts.observed());
        assertTrue(restarts.evidence().contains("payments-0: 1"), restarts.evidence());
    }

    @Test
    void driftWithoutAnAnalysisComparesTheHalvesPerRequestSoTheDailyShapeIsNoDrift() throws IOException {
        ValidationResults.Case drift = find("ga.drift_stability");
        Matcher cpu = Pattern.compile("cpu per request: .*\\n  before .*change (-?[0-9.]+) %")
                .matcher(drift.evidence());
        assertTrue(cpu.find(), drift.evidence());
        assertTrue(Math.abs(Double.parseDouble(cpu.group(1))) < 10, drift.evidence());
        // The leak adds 64 MiB/h to one of the summed instances: the second half holds 12 h × 64 MiB more on average.
        Matcher memory = Pattern.compile(
                        "memory: .*\\n  before \\(at [^)]+\\) ([0-9.]+), after \\(at [^)]+\\) " + "([0-9.]+),")
                .matcher(drift.evidence());
        assertTrue(memory.find(), drift.evidence());
        double growth = Double.parseDouble(memory.group(2)) - Double.parseDouble(memory.group(1));
        assertEquals(12 * LEAK_PER_HOUR, growth, 0.02 * 12 * LEAK_PER_HOUR, drift.evidence());
        assertEquals("failed", drift.status());
    }

    @Test
    void unconfiguredSourcesAreSkippedWithTheirReason() throws IOException {
        ValidationResults.Case canary = find("ga.canary_success");
        assertEquals("skipped", canary.status());
        assertTrue(canary.reason().contains("no canary"), canary.reason());
    }

    @Test
    void junitparserReadsTheSameCountsAndTheOddName() throws Exception {
        ValidationResults results = fullRun();
        Path script = dir.resolve("read.py");
        Files.writeString(
                script,
                """
                import json, sys
                from junitparser import JUnitXml, Failure, Error, Skipped
                xml = JUnitXml.fromfile(sys.argv[1])
                counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0, "suites": 0, "names": []}
                for suite in xml:
                    counts["suites"] += 1
                    for case in suite:
                        counts["tests"] += 1
                        counts["names"].append(case.name)
                        kinds = [type(r).__name__ for r in case.result]
                        assert len(kinds) <= 1, (case.name, kinds)
                        if "Failure" in kinds: counts["failures"] += 1
                        if "Error" in kinds: counts["errors"] += 1
                        if "Skipped" in kinds: counts["skipped"] += 1
                counts["total_attr"] = [xml.tests, xml.failures, xml.errors, xml.skipped]
                print(json.dumps(counts))
                """);
        Process process = new ProcessBuilder(
                        "/usr/bin/python3",
                        script.toString(),
                        out.resolve(ValidationSuite.XML_FILE).toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        JsonNode counts = Json.mapper().readTree(output);
        assertEquals(results.summary().total(), counts.get("tests").asInt());
        assertEquals(results.summary().failed(), counts.get("failures").asInt());
        assertEquals(results.summary().errors(), counts.get("errors").asInt());
        assertEquals(results.summary().skipped(), counts.get("skipped").asInt());
        assertEquals(results.categories().size(), counts.get("suites").asInt());
        assertEquals(
                List.of(
                        results.summary().total(),
                        results.summary().failed(),
                        results.summary().errors(),
                        results.summary().skipped()),
                List.of(
                        counts.get("total_attr").get(0).asInt(),
                        counts.get("total_attr").get(1).asInt(),
                        counts.get("total_attr").get(2).asInt(),
                        counts.get("total_attr").get(3).asInt()));
        List<String> names = new ArrayList<>();
        counts.get("names").forEach(n -> names.add(n.asText()));
        assertTrue(names.contains("odd <name> &  check"), names.toString());
        assertNotNull(find(ODD_NAME));
        assertEquals("passed", find(ODD_NAME).status());
    }

    @Test
    void anUnreachableDatabaseIsOneErrorLineExit4AndTheOtherChecksStillRun() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Path output = dir.resolve("unreachable");
        PrometheusServer prometheus = PROMETHEUS.server();
        ValidateCommand command = new ValidateCommand();
        Map<String, String> env = new HashMap<>(environment);
        env.put("DASHBOARD_AUTH", "Bearer dash-token");
        env.put("PG_URL", "jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres");
        command.environment = env;
        CommandRun unreachable = CommandRun.of(
                command,
                "--prometheus-url",
                prometheus.url(),
                "--ga-start",
                prometheus.manifest().start().toString(),
                "--ga-end",
                prometheus.manifest().end().toString(),
                "--ga-mode",
                "--checks",
                checksYaml().toString(),
                "--check",
                "ga.database_query_performance",
                "--check",
                "ga.metrics_collection_healthy",
                "--check",
                "ga.dashboard_performance",
                "-o",
                output.toString());
        assertEquals(4, unreachable.exitCode(), unreachable.err());
        List<String> errors = unreachable.errLines().stream()
                .filter(l -> l.contains("error:"))
                .toList();
        assertEquals(1, errors.size(), unreachable.err());
        // Run as the subcommand's own object (for the environment seam), so the line starts with its name.
        assertTrue(
                errors.get(0)
                        .startsWith("validate: error: ga.database_query_performance: database "
                                + "unreachable: Connection to 127.0.0.1:" + closedPort + " refused"),
                errors.get(0));
        ValidationResults results = Json.readFile(output.resolve(ValidationSuite.JSON_FILE), ValidationResults.class);
        assertEquals(new ValidationResults.Summary(3, 2, 0, 1, 0), results.summary());
        assertEquals("source", results.cases().get(0).errorKind());
    }

    @Test
    void anUnknownKindAndAMalformedFileAreReportedAndTheOtherChecksRun() throws Exception {
        PrometheusServer prometheus = PROMETHEUS.server();
        Path checks = dir.resolve("unknown.yaml");
        Files.writeString(
                checks,
                """
                checks:
                  - {name: custom.grpc, kind: grpc}
                  - {name: custom.targets, kind: promql, query: count(up), comparator: ">=", threshold: 25}
                """);
        Path output = dir.resolve("unknown");
        CommandRun unknown = CommandRun.of(
                new ValidateCommand(),
                "--prometheus-url",
                prometheus.url(),
                "--ga-start",
                prometheus.manifest().start().toString(),
                "--ga-end",
                prometheus.manifest().end().toString(),
                "--checks",
                checks.toString(),
                "-o",
                output.toString());
        assertEquals(2, unknown.exitCode(), unknown.err());
        assertEquals(
                1, unknown.errLines().stream().filter(l -> l.contains("error:")).count(), unknown.err());
        assertTrue(
                unknown.err().contains("custom.grpc: " + checks + ": checks[1] (custom.grpc): unknown kind 'grpc'"),
                unknown.err());
        ValidationResults results = Json.readFile(output.resolve(ValidationSuite.JSON_FILE), ValidationResults.class);
        assertEquals(new ValidationResults.Summary(2, 1, 0, 1, 0), results.summary());
        assertEquals("definition", results.cases().get(0).errorKind());

        Path malformed = dir.resolve("malformed.yaml");
        Files.writeString(malformed, "ga:\n  thresholds: {ga.memory_retention: [\n");
        Path output2 = dir.resolve("malformed");
        CommandRun broken = CommandRun.of(
                new CollectKpisCommand(),
                "validate",
                "--prometheus-url",
                prometheus.url(),
                "--ga-start",
                prometheus.manifest().start().toString(),
                "--ga-end",
                prometheus.manifest().end().toString(),
                "--ga-mode",
                "--checks",
                malformed.toString(),
                "-o",
                output2.toString());
        // The GA set still runs (and fails on the generated day's incident: 1 wins over the definition error's 2).
        assertEquals(1, broken.exitCode(), broken.err());
        List<String> errors =
                broken.errLines().stream().filter(l -> l.contains("error:")).toList();
        assertTrue(
                errors.stream().anyMatch(l -> l.startsWith("kpi-collector: error: malformed.yaml: " + malformed)),
                broken.err());
        ValidationResults all = Json.readFile(output2.resolve(ValidationSuite.JSON_FILE), ValidationResults.class);
        assertEquals(12, all.summary().total());
        assertTrue(all.critical().contains("malformed.yaml"));
    }

    @Test
    void driftAndSloFilesFromInputsAreReadByTheirDocumentedFields() throws Exception {
        Path inputs = dir.resolve("inputs");
        Files.createDirectories(inputs);
        Files.writeString(
                inputs.resolve("drift_analysis.json"),
                """
                {"schemaVersion": 1, "kind": "drift-analysis", "mode": "canary", "status": "PASS", "totalChecks": 7,
                 "drifts": [
                   {"metric": "cpu", "service": "checkout", "changePercent": 4.2, "severity": "info"},
                   {"metric": "memory", "service": "checkout", "changePercent": -12.5, "severity": "warning"},
                   {"metric": "p99_latency", "service": "checkout", "changePercent": 40.0, "severity": "critical"},
                   {"metric": "error_ratio", "service": "checkout", "kind": "ratio", "current": 0.0042,
                    "severity": "info"},
                   {"metric": "error_ratio", "service": "search", "kind": "ratio", "current": 0.0008,
                    "severity": "none"}],
                 "canary": {"score": 97.5, "verdict": "PASS", "groups": []}}
                """);
        Files.writeString(
                inputs.resolve("slo_status.json"),
                """
                {"schemaVersion": 1, "kind": "slo-status", "status": "PASS",
                 "slos": [
                   {"name": "checkout-availability", "service": "checkout", "sliType": "availability",
                    "good": 99960, "total": 100000, "errorRatio": 0.0004},
                   {"name": "checkout-latency", "service": "checkout", "sliType": "latency",
                    "good": 90000, "total": 100000, "errorRatio": 0.1}]}
                """);
        Path output = dir.resolve("inputs-run");
        CommandRun run = gaModeRun(inputs, output, "ga.drift_stability", "ga.canary_success", "ga.slo_verification");
        ValidationResults results = Json.readFile(output.resolve(ValidationSuite.JSON_FILE), ValidationResults.class);
        ValidationResults.Case drift = results.cases().get(0);
        assertEquals("failed", drift.status(), "memory drifted 12.5 %, latency is not CPU or memory");
        assertEquals(12.5, drift.observed());
        assertTrue(
                run.out().contains("ga.drift_stability (stability): 12.5%, needs < 10% - "),
                "the value in the threshold's unit: " + run.out());
        ValidationResults.Case canary = results.cases().get(1);
        assertEquals("passed", canary.status(), "100 − 0.42 % is at least 99 %: " + canary.reason());
        assertEquals(99.58, canary.observed(), 1e-9, "from the highest canary-side error ratio, not the score");
        assertTrue(canary.reason().contains("(checkout, the lowest of 2)"), canary.reason());
        assertTrue(canary.evidence().contains("canary verdict PASS, score 97.5"), canary.evidence());
        ValidationResults.Case slo = results.cases().get(2);
        assertEquals("passed", slo.status(), slo.reason());
        assertEquals(99.96, slo.observed(), 1e-9);
        assertEquals(1, run.exitCode(), run.err());

        Files.writeString(inputs.resolve("slo_status.json"), "{\"schemaVersion\": 1, \"kind\": \"ga-kpi-summary\"}");
        CommandRun wrongKind = gaModeRun(inputs, output, "ga.slo_verification");
        assertEquals(4, wrongKind.exitCode(), wrongKind.err());
        assertTrue(wrongKind.err().contains("kind is 'ga-kpi-summary', expected 'slo-status'"), wrongKind.err());

        // A compare run's score judges GA against its baseline: no canary success rate to take from it.
        Files.delete(inputs.resolve("slo_status.json"));
        Files.writeString(
                inputs.resolve("drift_analysis.json"),
                Files.readString(inputs.resolve("drift_analysis.json"))
                        .replace("\"mode\": \"canary\"", "\"mode\": \"compare\""));
        Path compareOutput = dir.resolve("compare-run");
        CommandRun compare = gaModeRun(inputs, compareOutput, "ga.canary_success");
        assertEquals(0, compare.exitCode(), compare.err());
        ValidationResults.Case skipped = Json.readFile(
                        compareOutput.resolve(ValidationSuite.JSON_FILE), ValidationResults.class)
                .cases()
                .get(0);
        assertEquals("skipped", skipped.status(), compare.err());
        assertEquals(
                "no canary: drift_analysis.json is a compare run, not a canary run, and no ga.canaryMatchers in "
                        + "checks.yaml",
                skipped.reason());
    }

    /** kpi-collector validate --ga-mode over the dataset's window with these inputs, only the named checks. */
    private static CommandRun gaModeRun(Path inputs, Path output, String... checks) {
        PrometheusServer prometheus = PROMETHEUS.server();
        List<String> args = new ArrayList<>(List.of(
                "--prometheus-url",
                prometheus.url(),
                "--ga-start",
                prometheus.manifest().start().toString(),
                "--ga-end",
                prometheus.manifest().end().toString(),
                "--ga-mode",
                "--inputs",
                inputs.toString(),
                "-o",
                output.toString()));
        for (String check : checks) {
            args.addAll(List.of("--check", check));
        }
        return CommandRun.of(new ValidateCommand(), args.toArray(String[]::new));
    }
}
