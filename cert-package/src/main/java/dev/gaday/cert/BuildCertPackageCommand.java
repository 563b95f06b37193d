package dev.gaday.cert;

import dev.gaday.common.cli.BuildInfo;
import dev.gaday.common.cli.ExitCode;
import dev.gaday.common.cli.ToolCommand;
import dev.gaday.common.cli.ToolLauncher;
import dev.gaday.common.error.ToolException;
import picocli.CommandLine.Command;

/** Builds the GA certification package: filled report, PDF, manifest and tarball. */
@Command(name = "cert-package", mixinStandardHelpOptions = true, versionProvider = BuildInfo.class,
        description = "Builds the GA certification package: filled report, PDF, manifest and tarball.",
        footer = "%nNot implemented in this version: the command only prints help and version.")
public final class BuildCertPackageCommand extends ToolCommand {

    @Override
    protected ExitCode execute() {
        throw ToolException.usage("cert-package is not implemented in this version; see --help");
    }

    public static void main(String[] args) {
        ToolLauncher.run(new BuildCertPackageCommand(), args);
    }
}
