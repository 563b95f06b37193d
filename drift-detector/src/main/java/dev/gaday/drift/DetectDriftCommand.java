package dev.gaday.drift;

import dev.gaday.common.cli.BuildInfo;
import dev.gaday.common.cli.ToolCommand;
import dev.gaday.common.cli.ToolLauncher;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import picocli.CommandLine.Command;

/** Compares the GA window's metrics with a captured baseline and reports drift. */
@Command(
        name = "drift-detector",
        mixinStandardHelpOptions = true,
        versionProvider = BuildInfo.class,
        description = "Compares the GA window's metrics with a captured baseline and reports drift.",
        footer = "%nNot implemented in this version: the command only prints help and version.")
public final class DetectDriftCommand extends ToolCommand {

    @Override
    protected ExitCode execute() {
        throw ToolException.usage("drift-detector is not implemented in this version; see --help");
    }

    public static void main(String[] args) {
        ToolLauncher.run(new DetectDriftCommand(), args);
    }
}
