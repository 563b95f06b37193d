package dev.gaday.slo;

import dev.gaday.common.cli.Diagnostics;
import dev.gaday.common.prometheus.PrometheusClient;
import dev.gaday.slo.spec.DefaultSlos;
import dev.gaday.slo.spec.SloDefinition;
import dev.gaday.slo.spec.SloSpecLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Where a run's SLOs come from: the --slos file, or the defaults for every service found. */
final class SloSources {
    private SloSources() {}

    /** The file's SLOs, or null without a file. */
    static List<SloDefinition> fromFile(Path file) {
        return file == null ? null : SloSpecLoader.load(file);
    }

    static List<SloDefinition> defaults(PrometheusClient client, Instant start, Instant end, Diagnostics diagnostics) {
        List<String> services = client.labelValues("service", List.of(DefaultSlos.REQUESTS), start, end).stream()
                .sorted()
                .toList();
        if (services.isEmpty()) {
            diagnostics.warn("no service label on " + DefaultSlos.REQUESTS + " between " + start + " and " + end
                    + ": no SLOs to evaluate");
        } else {
            diagnostics.detail("default SLOs for " + services.size() + " services: " + String.join(", ", services));
        }
        return DefaultSlos.forServices(services);
    }
}
