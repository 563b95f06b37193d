package dev.gaday.ws;

import dev.gaday.common.cli.BuildInfo;
import dev.gaday.common.cli.ExitCode;
import dev.gaday.common.cli.ToolCommand;
import dev.gaday.common.cli.ToolLauncher;
import dev.gaday.common.error.ToolException;
import picocli.CommandLine.Command;

/** Validates WebSocket reconnect behaviour against the reconnect criteria. */
@Command(name = "ws-health", mixinStandardHelpOptions = true, versionProvider = BuildInfo.class,
        description = "Validates WebSocket reconnect behaviour against the reconnect criteria.",
        footer = "%nNot implemented in this version: the command only prints help and version.")
public final class CheckWsHealthCommand extends ToolCommand {

    @Override
    protected ExitCode execute() {
        throw ToolException.usage("ws-health is not implemented in this version; see --help");
    }

    public static void main(String[] args) {
        ToolLauncher.run(new CheckWsHealthCommand(), args);
    }
}
