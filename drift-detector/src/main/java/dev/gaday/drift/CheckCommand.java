package dev.gaday.drift;

import dev.gaday.common.cli.InstantConverter;
import dev.gaday.common.cli.PrometheusConnectionMixin;
import dev.gaday.common.cli.ToolCommand;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.prometheus.PrometheusClient;
import dev.gaday.common.prometheus.PrometheusException;
import dev.gaday.common.prometheus.QueryResult;
import dev.gaday.drift.collect.QueryTemplate;
import dev.gaday.drift.config.DriftConfig;
import dev.gaday.drift.config.DriftConfigLoader;
import dev.gaday.drift.config.MetricConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Validates drift.yaml and runs each query once against the server.",
            "Lists every query as OK (n series), NODATA (no series: the metric would be NoData) or REJECTED.",
            "Exit 0 when every query is accepted, 2 when the file or a query is invalid, 4 when unreachable."
        },
        footer = {"%nExample:", "  drift-detector check --config drift.yaml --prometheus-url http://prometheus:9090"})
final class CheckCommand extends ToolCommand {
    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "drift.yaml to check (default: the built-in metric set).")
    Path configFile;

    @Option(
            names = "--selector",
            paramLabel = "MATCHERS",
            defaultValue = "",
            description = "Matchers to put in {{scope}}, e.g. 'track=\"canary\"' (default: none).")
    String selector;

    @Option(
            names = "--at",
            paramLabel = "TIME",
            defaultValue = "now",
            converter = InstantConverter.class,
            description = "Evaluation time of the queries (default: ${DEFAULT-VALUE}).")
    Instant at;

    @Mixin
    PrometheusConnectionMixin prometheus;

    Function<PrometheusConnectionMixin, PrometheusClient> clientFactory;
    private DriftConfig config;

    @Override
    protected void validate() {
        config = DriftConfigLoader.load(configFile);
        prometheus.endpoint();
    }

    @Override
    protected ExitCode execute() {
        Duration step = config.stepDuration();
        int rejected = 0;
        int noData = 0;
        try (PrometheusClient client =
                clientFactory != null ? clientFactory.apply(prometheus) : prometheus.connect(diagnostics())) {
            for (MetricConfig metric : config.metrics()) {
                List<String> queries = new ArrayList<>();
                if (metric.isRatio()) {
                    queries.add(metric.errors());
                    queries.add(metric.total());
                } else {
                    queries.add(metric.query());
                }
                for (int i = 0; i < queries.size(); i++) {
                    String what = metric.name() + (metric.isRatio() ? (i == 0 ? ".errors" : ".total") : "");
                    String query = QueryTemplate.resolve(queries.get(i), selector, step);
                    try {
                        QueryResult result = client.query(query, at);
                        int series = result instanceof QueryResult.Vector v
                                ? v.samples().size()
                                : result instanceof QueryResult.Matrix m
                                        ? m.series().size()
                                        : 1;
                        // An absent errors series only means no errors yet; for anything else it means NoData.
                        boolean missing = series == 0 && !(metric.isRatio() && i == 0);
                        if (missing) {
                            noData++;
                        }
                        out().printf(
                                        "%-8s %s: %s%n",
                                        missing ? "NODATA" : "OK",
                                        what,
                                        series == 0
                                                ? "no series" + (missing ? "" : " (no errors)")
                                                : series + " series");
                    } catch (PrometheusException e) {
                        if (e.exitCode() != ExitCode.USAGE) {
                            throw e;
                        }
                        rejected++;
                        out().printf("%-8s %s: %s%n", "REJECTED", what, e.detail());
                    }
                }
            }
        }
        out().printf(
                        "%d metrics, %d queries rejected, %d without data%n",
                        config.metrics().size(), rejected, noData);
        out().flush();
        if (rejected > 0) {
            diagnostics()
                    .error(rejected + " quer" + (rejected == 1 ? "y was" : "ies were") + " rejected by the server");
            return ExitCode.USAGE;
        }
        return ExitCode.PASS;
    }
}
