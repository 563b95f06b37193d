package dev.gaday.cert;

import dev.gaday.cert.archive.PackageVerifier;
import dev.gaday.cert.signature.AllowedSigners;
import dev.gaday.cert.signature.PackageSignature;
import dev.gaday.cert.signature.SshFormatException;
import dev.gaday.cert.signature.SshSignature;
import dev.gaday.common.cli.BuildInfo;
import dev.gaday.common.cli.ToolCommand;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
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
            "With --allowed-signers, the package's signature (PACKAGE.sig, written by 'cert-package --sign-key') is "
                    + "checked first, over the file's bytes as they are: it must be for namespace ga-certification, "
                    + "over these bytes, by a key the allowed_signers file lists; the principals of that key are "
                    + "printed. The same check with OpenSSH: "
                    + "'ssh-keygen -Y verify -f allowed_signers -I PRINCIPAL -n ga-certification -s PACKAGE.sig < "
                    + "PACKAGE'.",
            "",
            "Exit 0: intact (and signed by an allowed signer). Exit 1: the package fails a check, or its signature "
                    + "is missing, bad, for another namespace or by a key not allowed (one line says which). Exit 2: a "
                    + "bad option, or an allowed_signers file that is missing or malformed. Exit 4: the file cannot "
                    + "be read as a tar.gz."
        })
public final class VerifyCertPackageCommand extends ToolCommand {
    @Parameters(index = "0", paramLabel = "PACKAGE", description = "The .tar.gz to check.")
    Path archive;

    @Option(
            names = "--allowed-signers",
            paramLabel = "FILE",
            description = "Also check the package's SSH signature against this OpenSSH allowed_signers file "
                    + "('principals [options] keytype base64-key' per line; a namespaces=\"...\" option must allow "
                    + "ga-certification).")
    Path allowedSigners;

    @Option(
            names = "--signature",
            paramLabel = "FILE",
            description = "The signature to check (needs --allowed-signers). Default: PACKAGE.sig beside the package.")
    Path signature;

    private AllowedSigners signers;

    @Override
    protected void validate() {
        if (signature != null && allowedSigners == null) {
            throw ToolException.usage("--signature needs --allowed-signers (the keys to check it against)");
        }
        if (allowedSigners != null) {
            try {
                signers = PackageSignature.allowedSigners(allowedSigners, ZoneId.systemDefault());
            } catch (SshFormatException e) {
                throw ToolException.usage("--allowed-signers " + e.getMessage());
            }
            if (signers.entries().isEmpty()) {
                throw ToolException.usage("--allowed-signers " + allowedSigners + ": no usable key (every line is "
                        + "empty, a comment or ignored)");
            }
        }
    }

    @Override
    protected ExitCode execute() {
        // The signature first: it covers the bytes as they are, so a changed tarball is named as such (exit 1)
        // before anything parses what an unknown hand may have made.
        // (A missing package is left to the verifier, which names it: exit 4.)
        String signed = signers == null || !Files.exists(archive) ? "" : "; " + checkSignature();
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
                + (result.certificationStatus() == null ? "" : "; certification " + result.certificationStatus())
                + signed);
        out().flush();
        return ExitCode.PASS;
    }

    /** Checks the signature; returns "signed by ..." or throws the one line that says why not (exit 1). */
    private String checkSignature() {
        Path file = signature != null ? signature : Path.of(archive + PackageSignature.SUFFIX);
        PackageSignature.Verification verification;
        try {
            verification = PackageSignature.verify(archive, file, signers, Instant.now());
        } catch (NoSuchFileException e) {
            throw ToolException.badInput(archive + ": no such file", e);
        } catch (IOException e) {
            throw ToolException.badInput(
                    "cannot read " + archive + ": " + e.getClass().getSimpleName(), e);
        }
        for (String note : verification.ignored()) {
            diagnostics().warn(note);
        }
        if (!verification.ok()) {
            throw new ToolException(ExitCode.GATE_FAILED, verification.problem());
        }
        return "signed by " + verification.principals() + " (" + verification.signer() + ", namespace "
                + SshSignature.NAMESPACE + ")";
    }
}
