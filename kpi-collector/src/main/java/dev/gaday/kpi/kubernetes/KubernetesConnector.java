package dev.gaday.kpi.kubernetes;

import dev.gaday.common.error.ToolException;
import dev.gaday.common.model.kpi.KubernetesStatus;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * Finds the cluster: an explicit kubeconfig, else $KUBECONFIG or ~/.kube/config, else the
 * in-cluster service account. With none of these the section says so instead of failing.
 */
public final class KubernetesConnector {
    private KubernetesConnector() {}

    public static KubernetesStatus collect(
            Path kubeconfig, String namespace, Instant start, Instant end, Map<String, String> environment) {
        Config config;
        try {
            config = config(kubeconfig, environment);
        } catch (IllegalStateException e) {
            return KubernetesStatus.unavailable(e.getMessage());
        }
        if (config == null) {
            return KubernetesStatus.unavailable("no cluster configured: no --kubeconfig, no $KUBECONFIG or "
                    + "~/.kube/config, and not running inside a cluster");
        }
        try (KubernetesClient client =
                new KubernetesClientBuilder().withConfig(config).build()) {
            return new KubernetesInspector(client).inspect(namespace, start, end);
        } catch (KubernetesClientException e) {
            return KubernetesStatus.unavailable("cluster not reachable: " + KubernetesInspector.oneLine(e));
        }
    }

    static Config config(Path kubeconfig, Map<String, String> environment) {
        Config base;
        if (kubeconfig != null) {
            if (!Files.isReadable(kubeconfig)) {
                throw ToolException.usage("--kubeconfig " + kubeconfig + ": no such readable file");
            }
            try {
                base = Config.fromKubeconfig(null, Files.readString(kubeconfig), kubeconfig.toString());
            } catch (IOException | RuntimeException e) {
                throw ToolException.usage("--kubeconfig " + kubeconfig + ": " + KubernetesInspector.oneLine(e));
            }
        } else {
            String fromEnv = environment.get("KUBECONFIG");
            Path home = Path.of(System.getProperty("user.home"), ".kube", "config");
            boolean hasFile = (fromEnv != null && !fromEnv.isBlank()) || Files.isReadable(home);
            boolean inCluster = environment.get("KUBERNETES_SERVICE_HOST") != null;
            if (!hasFile && !inCluster) {
                return null;
            }
            try {
                base = Config.autoConfigure(null);
            } catch (RuntimeException e) {
                throw new IllegalStateException(
                        "cannot read the Kubernetes configuration: " + KubernetesInspector.oneLine(e));
            }
        }
        return new ConfigBuilder(base)
                .withConnectionTimeout(5_000)
                .withRequestTimeout(15_000)
                .withRequestRetryBackoffLimit(1)
                .build();
    }
}
