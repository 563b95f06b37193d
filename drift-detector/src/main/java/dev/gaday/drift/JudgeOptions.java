package dev.gaday.drift;

import dev.gaday.common.cli.DurationConverter;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import dev.gaday.drift.config.DriftConfig;
import dev.gaday.drift.config.DriftConfigLoader;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Options every judging subcommand shares: the metric set, the step, how MARGINAL exits. */
public class JudgeOptions {
    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "drift.yaml: metrics, tests' settings, groups and thresholds (default: the built-in set "
                    + "over kpi-collector's metric names; see docs/drift-detector.md).")
    Path configFile;

    @Option(
            names = "--step",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Sample step and rate() range, e.g. 1m (default: the configuration's step).")
    Duration step;

    @Option(names = "--allow-marginal", description = "Exit 0 on MARGINAL (default: exit 1).")
    boolean allowMarginal;

    private DriftConfig config;

    public DriftConfig config() {
        if (config == null) {
            config = DriftConfigLoader.load(configFile);
        }
        return config;
    }

    public Duration effectiveStep() {
        Duration chosen = step != null ? step : config().stepDuration();
        if (chosen.toMillis() % 1000 != 0 || chosen.toSeconds() < 1) {
            throw ToolException.usage("--step must be a whole number of seconds, at least 1s");
        }
        return chosen;
    }

    /** PASS → 0, MARGINAL → 1 (0 with --allow-marginal), FAIL → 1, NO_DATA → 3; incomplete never passes. */
    public ExitCode exitCode(String status, boolean complete) {
        ExitCode code =
                switch (status) {
                    case "PASS" -> ExitCode.PASS;
                    case "MARGINAL" -> allowMarginal ? ExitCode.PASS : ExitCode.GATE_FAILED;
                    case "FAIL" -> ExitCode.GATE_FAILED;
                    default -> ExitCode.INCONCLUSIVE;
                };
        return !complete && code == ExitCode.PASS ? ExitCode.INCONCLUSIVE : code;
    }
}
