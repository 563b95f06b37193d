package dev.gaday.cert;

import dev.gaday.cert.archive.PackageVerifier;
import dev.gaday.common.cli.BuildInfo;
import dev.gaday.common.cli.ToolCommand;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Checks a certification package against its manifest, streaming it without extracting. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        versionProvider = BuildInfo.class,
        description = {
            "Checks a ga_certification_package.tar.gz without extracting it: every file must match "
                    + "MANIFEST.sha256, every manifest entry must be present, certification_metadata.json must name the "
                    + "manifest's hash, and the archive must hold only regular files and directories (no links, FIFOs "
                    + "or devices), no absolute paths, '..' or duplicate entries, nothing after the tar end-of-archive "
                    + "marker and nothing after the last gzip member (every member is read, as gzip does).",
            "",
            "Exit 0: intact. Exit 1: the package fails a check (one line says which). Exit 4: the file cannot be "
                    + "read as a tar.gz."
        })
public final class VerifyCertPackageCommand extends ToolCommand {
    @Parameters(index = "0", paramLabel = "PACKAGE", description = "The .tar.gz to check.")
    Path archive;

    @Override
    protected ExitCode execute() {
        PackageVerifier.Result result;
        try {
            result = PackageVerifier.verify(archive);
        } catch (PackageVerifier.UnreadableException e) {
            throw ToolException.badInput(e.getMessage(), e);
        }
        if (!result.ok()) {
            throw new ToolException(ExitCode.GATE_FAILED, archive + ": " + result.problem());
        }
        out().println("OK: " + archive + ": " + result.files() + " files match " + PackageVerifier.MANIFEST
                + (result.certificationStatus() == null ? "" : "; certification " + result.certificationStatus()));
        out().flush();
        return ExitCode.PASS;
    }
}
