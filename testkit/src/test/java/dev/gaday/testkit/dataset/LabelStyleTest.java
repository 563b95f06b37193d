package dev.gaday.testkit.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The opt-in kube-prometheus-stack labels and the datasets without Redis or PostgreSQL. */
class LabelStyleTest {
    @TempDir
    Path dir;

    List<String> samples(GaDayGenerator.Builder builder, String name) throws Exception {
        Dataset dataset = builder.hours(2)
                .step(Duration.ofSeconds(60))
                .services(3)
                .build()
                .generate(dir.resolve(name));
        List<String> lines = new ArrayList<>();
        for (Path file : dataset.files()) {
            Files.readAllLines(file).stream().filter(l -> !l.startsWith("#")).forEach(lines::add);
        }
        return lines;
    }

    @Test
    void kubePrometheusStackLabelsTheServiceByJobWithPodsAndKubeStateMetrics() throws Exception {
        List<String> lines = samples(GaDayGenerator.builder().kubePrometheusStack(true), "kube");
        assertTrue(
                lines.stream().noneMatch(l -> !l.startsWith("ALERTS{") && l.contains("service=\"")),
                "no `service` label on any scraped series");
        assertTrue(
                lines.stream()
                        .anyMatch(l -> l.startsWith("up{job=\"search\",namespace=\"prod\",pod=\"search-5d8f9c7b4-0\","
                                + "container=\"search\",endpoint=\"http\",instance=\"search-0:8080\"} ")),
                "an application target");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("up{job=\"redis-exporter\",")));
        // Exactly one pod restarts (the deployed instance, once): its counter ends at 1, every other at 0.
        List<String> lastRestarts = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("kube_pod_container_status_restarts_total{")) {
                lastRestarts.removeIf(
                        l -> l.substring(0, l.indexOf("} ")).equals(line.substring(0, line.indexOf("} "))));
                lastRestarts.add(line);
            }
        }
        assertEquals(6, lastRestarts.size(), "3 services x 2 instances");
        assertEquals(
                1,
                lastRestarts.stream().filter(l -> l.split(" ")[1].equals("1")).count(),
                lastRestarts.toString());
        assertTrue(
                lines.stream()
                        .anyMatch(l -> l.startsWith("kube_deployment_status_replicas_available{")
                                && l.split(" ")[1].equals("1")),
                "one replica unavailable during the redeploy");
    }

    @Test
    void withoutRedisAndPostgresTheirSeriesAreGoneAndTheRestIsLabelledAsBefore() throws Exception {
        List<String> full = samples(GaDayGenerator.builder(), "full");
        List<String> partial = samples(GaDayGenerator.builder().redis(false).postgres(false), "partial");
        assertTrue(partial.stream()
                .noneMatch(l ->
                        l.startsWith("redis_") || l.startsWith("pg_") || l.startsWith("db_query_duration_seconds")));
        assertTrue(full.stream().anyMatch(l -> l.startsWith("redis_keyspace_hits_total{")));
        assertFalse(partial.isEmpty());
        assertNotEquals(
                GaDayGenerator.builder().key(),
                GaDayGenerator.builder().redis(false).key());
        assertTrue(
                partial.stream().anyMatch(l -> l.startsWith("http_requests_total{job=\"search\",service=\"search\",")));
    }
}
