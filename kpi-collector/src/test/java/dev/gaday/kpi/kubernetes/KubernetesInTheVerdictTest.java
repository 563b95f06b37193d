package dev.gaday.kpi.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.cli.CommandRun;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.kpi.KpiSummary;
import dev.gaday.common.prometheus.PrometheusClient;
import dev.gaday.common.prometheus.QueryResult;
import dev.gaday.common.verdict.CriterionResult;
import dev.gaday.common.verdict.Status;
import dev.gaday.kpi.CollectKpisCommandAccess;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command with a kubeconfig pointing at fabric8's mock server: the section is filled, and the
 * stuck rollout fails the verdict only with --require-kubernetes. Prometheus is a canned double
 * here (one healthy service): the Prometheus side is covered by the integration tests.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesInTheVerdictTest {
    KubernetesClient client;

    @TempDir
    Path temp;

    Path kubeconfig;

    @BeforeEach
    void cluster() throws IOException {
        client.resource(KubernetesInspectorTest.deployment("payments", 3, 1, 2, 4, "ProgressDeadlineExceeded"))
                .inNamespace("release")
                .create();
        kubeconfig = temp.resolve("kubeconfig");
        Files.writeString(
                kubeconfig,
                """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster:
                    server: %s
                    insecure-skip-tls-verify: true
                contexts:
                - name: mock
                  context: {cluster: mock, namespace: release, user: tester}
                current-context: mock
                users:
                - name: tester
                  user: {token: not-a-secret}
                """
                        .formatted(client.getMasterUrl()));
    }

    @Test
    void aStuckRolloutFailsTheVerdictOnlyWhenKubernetesIsRequired() {
        Result relaxed = run(temp.resolve("relaxed"));
        assertEquals(0, relaxed.exitCode, relaxed.err);
        assertTrue(
                relaxed.summary.kubernetes().available(),
                relaxed.summary.kubernetes().toString());
        assertEquals("release", relaxed.summary.kubernetes().namespace());
        assertFalse(relaxed.summary.kubernetes().deployments().get(0).complete());
        assertTrue(relaxed.summary.certification().criteria().stream()
                .noneMatch(c -> c.name().startsWith("kubernetes")));

        Result strict = run(temp.resolve("strict"), "--require-kubernetes");
        assertEquals(1, strict.exitCode, strict.err);
        CriterionResult rollouts = strict.summary.certification().criteria().stream()
                .filter(c -> c.name().equals("kubernetes incomplete rollouts"))
                .findFirst()
                .orElseThrow();
        assertEquals(Status.FAIL, rollouts.status());
        assertEquals(1.0, rollouts.value());
    }

    @Test
    void withoutAClusterTheSectionSaysSoAndRequiredMeansNoData() {
        Result result = run(temp.resolve("none"), "--require-kubernetes", "--no-kubernetes");
        assertEquals(3, result.exitCode, result.err);
        assertFalse(result.summary.kubernetes().available());
        assertTrue(result.summary.kubernetes().unavailableReason().contains("--no-kubernetes"));
        assertTrue(result.summary.certification().criteria().stream()
                .filter(c -> c.name().startsWith("kubernetes"))
                .allMatch(c -> c.status() == Status.NO_DATA && c.reason().startsWith("kubernetes unavailable")));
    }

    record Result(int exitCode, String err, KpiSummary summary) {}

    private Result run(Path output, String... extra) {
        Instant end = Instant.parse("2025-01-16T00:00:00Z");
        List<String> args = new java.util.ArrayList<>(List.of(
                "--prometheus-url",
                "http://127.0.0.1:9",
                "--ga-start",
                end.minus(Duration.ofHours(1)).toString(),
                "--ga-end",
                end.toString(),
                "--interval",
                "30",
                "--kubeconfig",
                kubeconfig.toString(),
                "--output",
                output.toString()));
        args.addAll(List.of(extra));
        CommandRun run =
                CommandRun.of(CollectKpisCommandAccess.withClient(new HealthyService()), args.toArray(String[]::new));
        return new Result(
                run.exitCode(), run.err(), Json.readFile(output.resolve("ga_kpi_summary.json"), KpiSummary.class));
    }

    /** One service with 100,000 requests, no errors, fast; Redis all hits; nothing else. */
    static final class HealthyService implements PrometheusClient {
        @Override
        public QueryResult query(String promql, Instant time) {
            QueryResult.Sample one = new QueryResult.Sample(time, 1);
            if (promql.startsWith("sum by (service) (increase(http_requests_total{}")) {
                return vector(Map.of("service", "a"), new QueryResult.Sample(time, 100_000));
            }
            if (promql.startsWith("sum by (service, le)")) {
                return new QueryResult.Vector(
                        List.of(
                                new QueryResult.InstantSample(
                                        Map.of("service", "a", "le", "0.1"), new QueryResult.Sample(time, 100_000)),
                                new QueryResult.InstantSample(
                                        Map.of("service", "a", "le", "+Inf"), new QueryResult.Sample(time, 100_000))),
                        List.of());
            }
            if (promql.contains("redis_keyspace_hits_total")) {
                return vector(Map.of(), new QueryResult.Sample(time, 99));
            }
            return new QueryResult.Vector(List.of(), List.of());
        }

        private static QueryResult.Vector vector(Map<String, String> labels, QueryResult.Sample sample) {
            return new QueryResult.Vector(List.of(new QueryResult.InstantSample(labels, sample)), List.of());
        }

        @Override
        public QueryResult.Matrix queryRange(String promql, Instant start, Instant end, Duration step) {
            return new QueryResult.Matrix(List.of(), List.of());
        }

        @Override
        public List<String> labelValues(String label, List<String> matchers, Instant start, Instant end) {
            return List.of();
        }

        @Override
        public String baseUrl() {
            return "canned";
        }

        @Override
        public void close() {}
    }
}
