package dev.gaday.drift;

import dev.gaday.common.cli.BuildInfo;
import dev.gaday.common.cli.ToolCommand;
import dev.gaday.common.cli.ToolLauncher;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import picocli.CommandLine.Command;

/** Baseline capture, drift against the baseline, canary against stable, before against after a deploy. */
@Command(
        name = "drift-detector",
        mixinStandardHelpOptions = true,
        versionProvider = BuildInfo.class,
        description = {
            "Judges drift with statistics that explain themselves:",
            "  capture  the baseline's samples over a known-good window",
            "  compare  a window (or a live run) against the baseline",
            "  canary   the canary against stable over the same window, scored",
            "  deploy   the window after a deploy against the window before it",
            "  check    drift.yaml's queries against the server",
            "",
            "Gauges, latency: Mann-Whitney U with the Hodges-Lehmann shift and its interval.",
            "Error ratios: two-proportion z or Fisher's exact test on the summed counts.",
            "Holm across metrics; a metric fails only when significant AND practically large."
        },
        subcommands = {
            CaptureCommand.class,
            CompareCommand.class,
            CanaryCommand.class,
            DeployCommand.class,
            CheckCommand.class
        },
        footer = {"%nSee docs/drift-detector.md; 'drift-detector <command> --help' for each command."})
public final class DetectDriftCommand extends ToolCommand {

    @Override
    protected ExitCode execute() {
        throw ToolException.usage("choose a command: capture, compare, canary, deploy or check (see --help)");
    }

    public static void main(String[] args) {
        ToolLauncher.run("drift-detector", DetectDriftCommand::new, args);
    }
}
