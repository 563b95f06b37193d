package dev.gaday.common.cli;

import dev.gaday.common.error.ExitCode;
import dev.gaday.common.prometheus.PrometheusClient;
import dev.gaday.common.prometheus.PrometheusEndpoint;
import java.time.Instant;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The smallest Prometheus-facing command: checks its connection options and optionally runs one query. */
@Command(name = "probe", mixinStandardHelpOptions = true)
public class ProbeCommand extends ToolCommand {
    @Mixin
    PrometheusConnectionMixin prometheus = new PrometheusConnectionMixin();

    @Option(names = "--query")
    String query;

    PrometheusEndpoint endpoint;
    Double value;

    public ProbeCommand(Map<String, String> environment) {
        prometheus.environment(environment::get);
    }

    @Override
    protected void validate() {
        endpoint = prometheus.endpoint();
    }

    @Override
    protected ExitCode execute() {
        try (PrometheusClient client = prometheus.connect(diagnostics())) {
            if (query != null) {
                var result = client.query(query, Instant.ofEpochSecond(1_763_640_000));
                value = ((dev.gaday.common.prometheus.QueryResult.Scalar) result)
                        .sample()
                        .value();
                out().println(value);
            }
        }
        return ExitCode.PASS;
    }
}
