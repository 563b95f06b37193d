package dev.gaday.kpi;

import dev.gaday.common.cli.BuildInfo;
import dev.gaday.common.cli.ExitCode;
import dev.gaday.common.cli.ToolCommand;
import dev.gaday.common.cli.ToolLauncher;
import dev.gaday.common.error.ToolException;
import picocli.CommandLine.Command;

/** Collects the GA window's KPIs from Prometheus and Kubernetes and gives a certification verdict. */
@Command(name = "kpi-collector", mixinStandardHelpOptions = true, versionProvider = BuildInfo.class,
        description = "Collects the GA window's KPIs from Prometheus and Kubernetes and gives a certification verdict.",
        footer = "%nNot implemented in this version: the command only prints help and version.")
public final class CollectKpisCommand extends ToolCommand {

    @Override
    protected ExitCode execute() {
        throw ToolException.usage("kpi-collector is not implemented in this version; see --help");
    }

    public static void main(String[] args) {
        ToolLauncher.run(new CollectKpisCommand(), args);
    }
}
