package dev.gaday.slo;

import dev.gaday.common.cli.ToolCommand;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import picocli.CommandLine.Command;

/** Converts OpenSLO or Sloth specs to slos.yaml. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Converts OpenSLO or Sloth specs to slos.yaml.")
public final class ImportSlosCommand extends ToolCommand {
    @Override
    protected ExitCode execute() {
        throw ToolException.usage("import is not implemented in this version");
    }
}
