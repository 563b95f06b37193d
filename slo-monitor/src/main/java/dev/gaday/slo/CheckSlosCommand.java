package dev.gaday.slo;

import dev.gaday.common.cli.ToolCommand;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import picocli.CommandLine.Command;

/** Validates slos.yaml against the server. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Validates slos.yaml against a Prometheus.")
public final class CheckSlosCommand extends ToolCommand {
    @Override
    protected ExitCode execute() {
        throw ToolException.usage("check is not implemented in this version");
    }
}
