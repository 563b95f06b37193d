package dev.gaday.kpi.validate.check;

import dev.gaday.common.prometheus.PrometheusClient;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What checks may ask: the GA window, Prometheus, the input directories, the environment (for secrets named by
 * variable) and the cluster. A source that is not configured is absent (the check skips), never faked.
 *
 * @param kubernetes made on first use; null when no cluster is configured
 */
public record CheckContext(
        Instant start,
        Instant end,
        PrometheusClient prometheus,
        List<Path> inputs,
        Map<String, String> environment,
        Supplier<KubernetesClient> kubernetes,
        String namespace) {

    public CheckContext {
        inputs = List.copyOf(inputs);
        environment = Map.copyOf(environment);
    }

    public Duration window() {
        return Duration.between(start, end);
    }

    /** The window as a PromQL range, in whole seconds, e.g. "86400s". */
    public String windowRange() {
        return window().getSeconds() + "s";
    }

    /** The first input directory holding this file name. */
    public Optional<Path> input(String fileName) {
        for (Path dir : inputs) {
            Path candidate = dir.resolve(fileName);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public String env(String name) {
        return environment.get(name);
    }
}
