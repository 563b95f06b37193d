package dev.gaday.kpi.validate.source;

import dev.gaday.common.model.kpi.KubernetesStatus;
import dev.gaday.kpi.kubernetes.KubernetesInspector;
import dev.gaday.kpi.validate.check.CheckContext;
import dev.gaday.kpi.validate.check.CheckFailure;
import dev.gaday.kpi.validate.check.CheckRunner;
import dev.gaday.kpi.validate.check.ErrorKind;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/** The cluster as the suite sees it: kpi-collector's {@link KubernetesInspector}, asked through a lazy client. */
public final class KubernetesRollouts {
    private KubernetesRollouts() {}

    /**
     * A supplier of a client for the configured cluster: an explicit kubeconfig, else $KUBECONFIG or
     * ~/.kube/config, else in-cluster; null when none of them exists (checks then skip).
     */
    public static LazyClient connector(Path kubeconfig, Map<String, String> environment) {
        if (kubeconfig == null) {
            String fromEnv = environment.get("KUBECONFIG");
            Path home = Path.of(System.getProperty("user.home"), ".kube", "config");
            boolean hasFile = (fromEnv != null && !fromEnv.isBlank()) || Files.isReadable(home);
            if (!hasFile && environment.get("KUBERNETES_SERVICE_HOST") == null) {
                return null;
            }
        }
        return new LazyClient(kubeconfig);
    }

    /** A client made on first use (a run whose checks never ask the cluster never connects); closed after the run. */
    public static final class LazyClient implements Supplier<KubernetesClient>, AutoCloseable {
        private final Path kubeconfig;
        private KubernetesClient client;

        LazyClient(Path kubeconfig) {
            this.kubeconfig = kubeconfig;
        }

        @Override
        public synchronized KubernetesClient get() {
            if (client == null) {
                client = new KubernetesClientBuilder()
                        .withConfig(config(kubeconfig))
                        .build();
            }
            return client;
        }

        @Override
        public synchronized void close() {
            if (client != null) {
                client.close();
                client = null;
            }
        }
    }

    private static Config config(Path kubeconfig) {
        Config base;
        try {
            base = kubeconfig != null
                    ? Config.fromKubeconfig(null, Files.readString(kubeconfig), kubeconfig.toString())
                    : Config.autoConfigure(null);
        } catch (IOException | RuntimeException e) {
            throw new CheckFailure(
                    ErrorKind.SOURCE,
                    "cannot read the Kubernetes configuration: "
                            + CheckRunner.oneLine(
                                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        return new ConfigBuilder(base)
                .withConnectionTimeout(5_000)
                .withRequestTimeout(15_000)
                .withRequestRetryBackoffLimit(1)
                .build();
    }

    /** The namespace's state now; an unreachable cluster is a source error. */
    public static KubernetesStatus inspect(CheckContext context, Instant from, Instant to) {
        KubernetesClient client = context.kubernetes().get();
        KubernetesStatus status = new KubernetesInspector(client).inspect(context.namespace(), from, to);
        if (!status.available()) {
            throw new CheckFailure(
                    ErrorKind.SOURCE,
                    status.unavailableReason() == null ? "cluster not reachable" : status.unavailableReason());
        }
        return status;
    }
}
