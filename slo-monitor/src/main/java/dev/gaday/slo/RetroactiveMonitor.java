package dev.gaday.slo;

import dev.gaday.common.cli.BuildInfo;
import dev.gaday.common.cli.Diagnostics;
import dev.gaday.common.cli.PrometheusConnectionMixin;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.slo.SloStatus;
import dev.gaday.common.model.slo.SloWindow;
import dev.gaday.common.prometheus.PrometheusClient;
import dev.gaday.slo.evaluate.SloEvaluator;
import dev.gaday.slo.evaluate.SloRun;
import dev.gaday.slo.evaluate.StatusAssembler;
import dev.gaday.slo.spec.SloDefinition;
import java.time.Instant;
import java.util.List;

/** The retroactive mode: one evaluation of a past window, written to slo_status.json. */
final class RetroactiveMonitor {
    private final SloMonitorConfig config;
    private final PrometheusConnectionMixin prometheus;
    private final Diagnostics diagnostics;

    RetroactiveMonitor(SloMonitorConfig config, PrometheusConnectionMixin prometheus, Diagnostics diagnostics) {
        this.config = config;
        this.prometheus = prometheus;
        this.diagnostics = diagnostics;
    }

    /** What a run wrote (slo_status.json) and its exit code. */
    record Outcome(SloStatus status, ExitCode exit) {}

    Outcome run(Instant start, Instant end) {
        List<SloDefinition> explicit = SloSources.fromFile(config.slosFile());
        try (PrometheusClient client = prometheus.connect(diagnostics)) {
            List<SloDefinition> slos =
                    explicit != null ? explicit : SloSources.defaults(client, start, end, diagnostics);
            SloRun run = new SloRun(client, diagnostics, config.policy(), config.windowFloor());
            List<SloEvaluator.Evaluated> evaluated = run.evaluate(slos, start, end, config.resolution());
            SloStatus status = StatusAssembler.assemble(
                    BuildInfo.version(),
                    Instant.now(),
                    false,
                    new SloWindow(start, end, config.resolution().toSeconds()),
                    config.policy().name(),
                    evaluated);
            Json.writeFile(config.outputDir().resolve(SloMonitorConfig.STATUS_FILE), status);
            SloReport.print(diagnostics, status);
            return new Outcome(status, StatusAssembler.exitCode(status));
        }
    }
}
