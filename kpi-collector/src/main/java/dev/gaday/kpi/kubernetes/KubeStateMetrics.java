package dev.gaday.kpi.kubernetes;

import dev.gaday.common.model.kpi.KubernetesStatus;
import dev.gaday.common.prometheus.PrometheusClient;
import dev.gaday.common.prometheus.QueryResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The release's Kubernetes figures for a past window from kube-state-metrics series in Prometheus:
 * container restarts inside the window ({@code increase} of
 * {@code kube_pod_container_status_restarts_total}, exact rather than the API's lower bound), and each
 * deployment's desired, updated and available replicas and pods not ready at the window's end. The
 * API only knows the cluster as it is now.
 */
public final class KubeStateMetrics {
    private KubeStateMetrics() {}

    /**
     * The status from kube-state-metrics, or null when Prometheus has no kube-state-metrics series in
     * the window (then the API is asked instead).
     *
     * @param namespace only this namespace; null for all (pods and deployments are then named namespace/name)
     */
    public static KubernetesStatus read(PrometheusClient client, String namespace, Instant start, Instant end) {
        String matcher = namespace == null
                ? ""
                : "namespace=\"" + namespace.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        long seconds = Math.max(1, Duration.between(start, end).toSeconds());
        Map<String, Double> desired = byName(
                client.query("max by (namespace, deployment) (kube_deployment_spec_replicas{" + matcher + "})", end),
                "deployment",
                namespace);
        Map<String, Double> inWindow = byName(
                client.query(
                        "sum by (namespace, pod) (round(increase(" + "kube_pod_container_status_restarts_total{"
                                + matcher + "}[" + seconds + "s])))",
                        end),
                "pod",
                namespace);
        if (desired.isEmpty() && inWindow.isEmpty()) {
            return null;
        }
        Map<String, Double> updated = byName(
                client.query(
                        "max by (namespace, deployment) (" + "kube_deployment_status_replicas_updated{" + matcher
                                + "})",
                        end),
                "deployment",
                namespace);
        Map<String, Double> available = byName(
                client.query(
                        "max by (namespace, deployment) (" + "kube_deployment_status_replicas_available{" + matcher
                                + "})",
                        end),
                "deployment",
                namespace);
        Map<String, Double> total = byName(
                client.query(
                        "sum by (namespace, pod) (" + "kube_pod_container_status_restarts_total{" + matcher + "})",
                        end),
                "pod",
                namespace);
        Map<String, Double> notReady = byName(
                client.query(
                        "max by (namespace, pod) (kube_pod_status_ready{condition=\"false\""
                                + (matcher.isEmpty() ? "" : "," + matcher) + "}) == 1",
                        end),
                "pod",
                namespace);

        List<KubernetesStatus.DeploymentRollout> deployments = new ArrayList<>();
        desired.forEach((name, want) -> {
            int d = count(want);
            int u = count(updated.get(name));
            int a = count(available.get(name));
            boolean complete = u >= d && a >= d;
            deployments.add(new KubernetesStatus.DeploymentRollout(
                    name,
                    d,
                    u,
                    a,
                    complete,
                    complete
                            ? null
                            : "at the window's end " + u + " of " + d + " replicas updated, " + a + " available"));
        });
        List<KubernetesStatus.PodRestarts> restarts = new ArrayList<>();
        inWindow.forEach((pod, count) -> {
            if (count(count) > 0) {
                restarts.add(new KubernetesStatus.PodRestarts(
                        pod, count(count), Math.max(count(count), count(total.get(pod)))));
            }
        });
        return new KubernetesStatus(
                true,
                namespace == null ? "(all namespaces)" : namespace,
                null,
                deployments,
                restarts,
                List.copyOf(notReady.keySet()),
                KubernetesStatus.SOURCE_KUBE_STATE_METRICS);
    }

    private static int count(Double value) {
        return value == null || !Double.isFinite(value) || value < 0 ? 0 : (int) Math.round(value);
    }

    private static Map<String, Double> byName(QueryResult result, String label, String namespace) {
        Map<String, Double> values = new TreeMap<>();
        if (result instanceof QueryResult.Vector vector) {
            for (QueryResult.InstantSample sample : vector.samples()) {
                String name = sample.label(label);
                if (name == null) {
                    continue;
                }
                String key = namespace == null && sample.label("namespace") != null
                        ? sample.label("namespace") + "/" + name
                        : name;
                values.merge(key, sample.sample().value(), Double::sum);
            }
        }
        return values;
    }
}
