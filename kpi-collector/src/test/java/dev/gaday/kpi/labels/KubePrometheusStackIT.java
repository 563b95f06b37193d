package dev.gaday.kpi.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gaday.common.cli.CommandRun;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.kpi.DataGap;
import dev.gaday.common.model.kpi.KpiSummary;
import dev.gaday.common.model.kpi.KubernetesStatus;
import dev.gaday.common.model.kpi.ServiceKpis;
import dev.gaday.kpi.CollectKpisCommand;
import dev.gaday.testkit.dataset.Dataset;
import dev.gaday.testkit.dataset.GaDayGenerator;
import dev.gaday.testkit.dataset.Manifest;
import dev.gaday.testkit.prometheus.PrometheusServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GA day labelled the way kube-prometheus-stack labels it (job = the service, namespace, pod,
 * container; exporters by job; kube-state-metrics), on a real Prometheus, collected with the default
 * configuration: every service's KPIs are found, and every null in the summary has a gap with its reason.
 */
class KubePrometheusStackIT {
    private static final int SERVICES = 4;

    @TempDir
    static Path temp;

    static PrometheusServer prometheus;
    static Manifest manifest;
    static KpiSummary summary;
    static JsonNode tree;
    static CommandRun run;

    @BeforeAll
    static void collect() throws Exception {
        Dataset dataset = GaDayGenerator.builder()
                .hours(24)
                .step(Duration.ofSeconds(60))
                .services(SERVICES)
                .kubePrometheusStack(true)
                .build()
                .generate(temp.resolve("dataset"));
        prometheus = PrometheusServer.start(dataset);
        manifest = dataset.manifest();
        Path output = temp.resolve("kpis");
        run = CommandRun.of(
                new CollectKpisCommand(),
                "--prometheus-url",
                prometheus.url(),
                "--ga-start",
                manifest.start().toString(),
                "--ga-end",
                manifest.end().toString(),
                "--no-kubernetes",
                "--output",
                output.toString());
        summary = Json.readFile(output.resolve("ga_kpi_summary.json"), KpiSummary.class);
        tree = Json.mapper().readTree(output.resolve("ga_kpi_summary.json").toFile());
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    void everyServiceIsFoundByJobWithItsUptimeCpuAndMemory() {
        assertEquals(SERVICES, summary.services().size(), summary.services().toString());
        for (ServiceKpis service : summary.services()) {
            Manifest.ServiceTruth truth = manifest.truths().services().get(service.name());
            assertNotNull(truth, service.name());
            assertEquals(truth.totalRequests(), service.requests(), 1e-6, service.name());
            assertEquals(truth.availabilityPercent(), service.availabilityPercent(), 1e-9, service.name());
            assertNotNull(service.uptimePercent(), service.name());
            assertNotNull(service.cpuCores(), service.name());
            assertNotNull(service.memoryMb(), service.name());
            assertNotNull(service.p99LatencyMs(), service.name());
        }
        assertNotNull(summary.infrastructure().postgres());
        assertNotNull(summary.infrastructure().redis());
        assertNotNull(summary.infrastructure().cluster());
        assertNotNull(summary.overall().uptimePercent());
        // One of two instances redeployed is not a service down; the 45-minute incident is time below target.
        assertEquals(0.0, summary.overall().downtimeMinutes());
        assertEquals(45.0, summary.overall().timeBelowTargetMinutes(), 5.0);
        // --storage.tsdb.retention.time=100y, as testkit starts it.
        assertEquals(36500.0, summary.observability().retentionDays(), 1e-9);
    }

    @Test
    void everyNullHasAGapWithItsReason() {
        Set<String> gapFields = new TreeSet<>();
        for (DataGap gap : summary.gaps()) {
            assertTrue(gap.reason() != null && !gap.reason().isBlank(), gap.toString());
            gapFields.add(gap.field());
        }
        List<String> silent = new ArrayList<>();
        for (String path : nullPaths(tree, "")) {
            if (path.startsWith("kubernetes.")
                    || path.startsWith("certification.")
                    || path.startsWith("gaps")
                    || path.endsWith(".noDataReason")) {
                continue; // Kubernetes says why in unavailableReason; the verdict's criteria carry their reasons.
            }
            if (!GapCoverage.covered(path, gapFields)) {
                silent.add(path);
            }
        }
        assertEquals(List.of(), silent, "nulls without a gap; gaps: " + gapFields);
        assertTrue(run.exitCode() <= 3, run.err());
    }

    @Test
    void aPastWindowsKubernetesFiguresComeFromKubeStateMetrics() {
        Path output = temp.resolve("kpis-kubernetes");
        CommandRun withCluster = CommandRun.of(
                new CollectKpisCommand(),
                "--prometheus-url",
                prometheus.url(),
                "--ga-start",
                manifest.start().toString(),
                "--ga-end",
                manifest.end().toString(),
                "--namespace",
                "prod",
                "--require-kubernetes",
                "--output",
                output.toString());
        KpiSummary withKubernetes = Json.readFile(output.resolve("ga_kpi_summary.json"), KpiSummary.class);
        var kubernetes = withKubernetes.kubernetes();
        assertTrue(kubernetes.available(), kubernetes.toString());
        assertEquals(KubernetesStatus.SOURCE_KUBE_STATE_METRICS, kubernetes.source());
        // The generator restarts the deployed instance's pod exactly once, when its downtime ends.
        Manifest.Deploy deploy = manifest.events().deploy();
        String index = deploy.instance()
                .substring(deploy.service().length() + 1, deploy.instance().indexOf(':'));
        assertEquals(
                List.of(new KubernetesStatus.PodRestarts(deploy.service() + "-5d8f9c7b4-" + index, 1, 1)),
                kubernetes.restarts());
        assertEquals(SERVICES, kubernetes.deployments().size());
        assertTrue(kubernetes.deployments().stream().allMatch(KubernetesStatus.DeploymentRollout::complete));
        // One restart > maxPodRestarts 0: the Kubernetes criterion fails the run.
        assertEquals(1, withCluster.exitCode(), withCluster.err());
        assertTrue(withKubernetes.certification().criteria().stream()
                .anyMatch(c -> c.name().equals("kubernetes pod restarts in window")
                        && c.value() == 1.0
                        && c.status() == dev.gaday.common.verdict.Status.FAIL));
    }

    /** The paths of null leaves, services by name: services[name].field. */
    static List<String> nullPaths(JsonNode node, String path) {
        List<String> result = new ArrayList<>();
        if (node.isNull()) {
            result.add(path);
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                result.addAll(
                        nullPaths(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey()));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                String name = item.has("name") ? item.get("name").asText() : String.valueOf(i);
                result.addAll(nullPaths(item, path + "[" + name + "]"));
            }
        }
        return result;
    }
}
