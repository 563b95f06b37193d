package dev.gaday.slo;

import dev.gaday.common.cli.BuildInfo;
import dev.gaday.common.cli.ToolCommand;
import dev.gaday.common.cli.ToolLauncher;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import picocli.CommandLine.Command;

/** Checks service level objectives and their error budgets over the GA window. */
@Command(
        name = "slo-monitor",
        mixinStandardHelpOptions = true,
        versionProvider = BuildInfo.class,
        description = "Checks service level objectives and their error budgets over the GA window.",
        footer = "%nNot implemented in this version: the command only prints help and version.")
public final class MonitorSlosCommand extends ToolCommand {

    @Override
    protected ExitCode execute() {
        throw ToolException.usage("slo-monitor is not implemented in this version; see --help");
    }

    public static void main(String[] args) {
        ToolLauncher.run(new MonitorSlosCommand(), args);
    }
}
