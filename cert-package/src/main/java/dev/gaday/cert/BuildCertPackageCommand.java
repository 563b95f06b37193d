package dev.gaday.cert;

import dev.gaday.cert.build.BuildOptions;
import dev.gaday.cert.build.PackageBuilder;
import dev.gaday.cert.input.InputFiles;
import dev.gaday.cert.input.InputKind;
import dev.gaday.cert.signature.SigningKey;
import dev.gaday.cert.signature.SshFormatException;
import dev.gaday.common.cli.BuildInfo;
import dev.gaday.common.cli.InstantConverter;
import dev.gaday.common.cli.OutputDirMixin;
import dev.gaday.common.cli.OutputFormatMixin;
import dev.gaday.common.cli.RunOutput;
import dev.gaday.common.cli.RunReport;
import dev.gaday.common.cli.TerminalFacts;
import dev.gaday.common.cli.ToolCommand;
import dev.gaday.common.cli.ToolLauncher;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.verdict.StatusMarks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Builds the GA certification package: filled report, PDF with charts, manifest and tarball. */
@Command(
        name = "cert-package",
        mixinStandardHelpOptions = true,
        versionProvider = BuildInfo.class,
        subcommands = VerifyCertPackageCommand.class,
        description = {
            "Builds the GA certification package from the toolkit's output files: the filled report "
                    + "(GA_DAY_REPORT.md and .pdf with KPI charts), copies of the inputs, "
                    + "certification_metadata.json, EMAIL_SUMMARY.txt, MANIFEST.sha256 and a reproducible "
                    + "ga_certification_package.tar.gz.",
            "",
            "Inputs are found in the --inputs directories by their names (ga_kpi_summary.json, "
                    + "snapshot_NNNN.json, ws_health_metrics.json, drift_analysis.json, slo_status.json, "
                    + "validation_results.json/.html, release.yaml); a per-file option overrides. Missing inputs "
                    + "leave their placeholders N/A; the package lists each with the reason.",
            "",
            "Certification: gates KPIs, WebSocket, drift, SLO and validation, each required, warning or off "
                    + "(--policy). Any required gate FAIL is NOT CERTIFIED (exit 1); else a required gate without "
                    + "data, a missing file, or partial evidence is INCONCLUSIVE (exit 3); else a warning is "
                    + "CERTIFIED WITH WARNINGS (exit 0); else CERTIFIED (exit 0). Set SOURCE_DATE_EPOCH for "
                    + "byte-identical output. Output goes to ./ga_certification unless --output-dir says "
                    + "otherwise; the new package/ and tarball replace the previous ones only when whole (a "
                    + "failed or interrupted run leaves the previous ones in place). Check a package with "
                    + "'cert-package verify FILE'."
        },
        footer = {
            "%nExamples:",
            "  cert-package --ga-start 2025-01-15T00:00:00Z --ga-end 2025-01-16T00:00:00Z --output-dir ga_certification --include-artifacts",
            "  cert-package --inputs ga_kpis --inputs ws_health --release release.yaml --format json",
            "  cert-package verify ga_certification/ga_certification_package.tar.gz",
            "  cert-package --sign-key ~/.ssh/release_signing_ed25519 --output-dir ga_certification",
            "",
            "Without --inputs, the tools' default output locations under the current directory are read "
                    + "(ga_kpis/, ws_health/, drift/, slo_monitor/, ga_validation/, then the directory itself).",
            "See docs/cert-package.md and docs/placeholders.md."
        })
public final class BuildCertPackageCommand extends ToolCommand {
    @Mixin
    OutputDirMixin output;

    @Mixin
    OutputFormatMixin format = new OutputFormatMixin();

    @Option(
            names = "--ga-start",
            paramLabel = "TIME",
            description = "Start of the GA window (RFC 3339, e.g. 2025-01-15T00:00:00Z, or now-24h). Default: the "
                    + "KPI summary's window.start; when both are known they must agree.")
    String gaStart;

    @Option(
            names = "--ga-end",
            paramLabel = "TIME",
            description = "End of the GA window. Default: the KPI summary's window.end.")
    String gaEnd;

    @Option(
            names = "--inputs",
            paramLabel = "DIR",
            description = "Directory holding input files by their spec names (repeatable).")
    List<Path> inputDirs = new ArrayList<>();

    @Option(names = "--kpi-summary", paramLabel = "FILE", description = "ga_kpi_summary.json to use.")
    Path kpiSummary;

    @Option(names = "--snapshots", paramLabel = "DIR", description = "Directory of snapshot_NNNN.json files.")
    Path snapshots;

    @Option(names = "--ws-health", paramLabel = "FILE", description = "ws_health_metrics.json to use.")
    Path wsHealth;

    @Option(names = "--drift-analysis", paramLabel = "FILE", description = "drift_analysis.json to use.")
    Path driftAnalysis;

    @Option(names = "--slo-status", paramLabel = "FILE", description = "slo_status.json to use.")
    Path sloStatus;

    @Option(
            names = "--validation-results",
            paramLabel = "FILE",
            description = "validation_results.html (copied) or validation_results.json (bound to placeholders).")
    List<Path> validationResults = new ArrayList<>();

    @Option(
            names = "--release",
            paramLabel = "FILE",
            description = "Release file (YAML): version, sign-off, timeline, incidents, actions, lessons, values, "
                    + "bindings. See docs/schema/release-file.md.")
    Path release;

    @Option(
            names = "--template",
            paramLabel = "FILE",
            description = "Markdown report template with {{PLACEHOLDERS}}. Default: the toolkit's own "
                    + "(templates/GA_DAY_REPORT.md, bundled).")
    Path template;

    @Option(
            names = "--include-artifacts",
            description = "Also package the KPI snapshots and the tools' side files under package/artifacts/.")
    boolean includeArtifacts;

    @Option(
            names = "--certify-only",
            description = "Only derive the verdict and write certification_metadata.json into the output "
                    + "directory (beside package/, which is left alone): no report, PDF or tarball.")
    boolean certifyOnly;

    @Option(
            names = "--policy",
            paramLabel = "FILE",
            description = "Certification policy (YAML): each gate (kpi, websocket, drift, slo, validation) required, "
                    + "warning or off; wins over the release file's certification: section. Default: kpi and "
                    + "websocket required; drift, slo and validation required when their file is an input.")
    Path policy;

    @Option(
            names = "--keep-empty-sections",
            description = "Keep the template's text of sections that have no input (default: one line saying what "
                    + "would fill them).")
    boolean keepEmptySections;

    @Option(
            names = "--sign-key",
            paramLabel = "FILE",
            description = "Also write ga_certification_package.tar.gz.sig: a detached signature of the tarball in "
                    + "OpenSSH's format (as 'ssh-keygen -Y sign -n ga-certification' makes it), so anyone can check "
                    + "it with 'ssh-keygen -Y verify' or 'cert-package verify --allowed-signers'. FILE: an "
                    + "unencrypted Ed25519, RSA or ECDSA private key (OpenSSH format as ssh-keygen writes it; "
                    + "PEM for Ed25519 and RSA).")
    Path signKey;

    @Option(
            names = "--strict",
            description = "Fail (exit 3, nothing written) when any placeholder of the template has no value.")
    boolean strict;

    private final Map<String, String> environment;
    private final Clock clock;
    /** Where the default input locations are looked for; a seam for tests (a JVM cannot change directory). */
    Path workingDirectory = Path.of("");

    private BuildOptions options;

    public BuildCertPackageCommand() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** For tests: the environment (SOURCE_DATE_EPOCH, CI run ids) and the clock are given. */
    public BuildCertPackageCommand(Map<String, String> environment, Clock clock) {
        this.environment = Map.copyOf(environment);
        this.clock = clock;
    }

    @Override
    protected void validate() {
        Instant start = time("--ga-start", gaStart);
        Instant end = time("--ga-end", gaEnd);
        if (start != null && end != null && !end.isAfter(start)) {
            throw ToolException.usage("--ga-end " + end + " is not after --ga-start " + start);
        }
        Long sourceDateEpoch = sourceDateEpoch();
        if (template != null && !Files.isRegularFile(template)) {
            throw ToolException.usage("--template " + template + ": no such file");
        }
        if (policy != null && !Files.isRegularFile(policy)) {
            throw ToolException.usage("--policy " + policy + ": no such file");
        }
        SigningKey signingKey = signingKey();
        Map<InputKind, Path> files = new EnumMap<>(InputKind.class);
        putIfGiven(files, InputKind.KPI_SUMMARY, kpiSummary);
        putIfGiven(files, InputKind.WS_HEALTH, wsHealth);
        putIfGiven(files, InputKind.DRIFT_ANALYSIS, driftAnalysis);
        putIfGiven(files, InputKind.SLO_STATUS, sloStatus);
        putIfGiven(files, InputKind.RELEASE, release);
        for (Path file : validationResults) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!name.endsWith(".html") && !name.endsWith(".json")) {
                throw ToolException.usage("--validation-results " + file + ": expected an .html or .json file");
            }
            files.put(InputKind.validationResults(file), file);
        }
        if (inputDirs.isEmpty()) {
            useDefaultLocations(files);
        }
        Instant generatedAt = sourceDateEpoch != null
                ? Instant.ofEpochSecond(sourceDateEpoch)
                : clock.instant().truncatedTo(ChronoUnit.SECONDS);
        options = new BuildOptions(
                inputDirs,
                files,
                snapshots,
                template,
                start,
                end,
                () -> output.resolve(Path.of("ga_certification")),
                includeArtifacts,
                certifyOnly,
                strict,
                generatedAt,
                sourceDateEpoch,
                environment,
                policy,
                keepEmptySections,
                signingKey);
    }

    /** --sign-key, read before any work: a key that cannot sign stops the run with nothing written. */
    private SigningKey signingKey() {
        if (signKey == null) {
            return null;
        }
        if (certifyOnly) {
            throw ToolException.usage("--sign-key signs the tarball, which --certify-only does not write");
        }
        try {
            return SigningKey.read(signKey);
        } catch (SshFormatException e) {
            throw ToolException.usage("--sign-key " + e.getMessage());
        }
    }

    @Override
    protected ExitCode execute() {
        PackageBuilder.Result result = new PackageBuilder(diagnostics()).build(options);
        ExitCode exit = result.decision().status().exitCode();
        List<String> written = new ArrayList<>();
        if (result.certifyOnly()) {
            written.add(result.metadata().toString());
        } else {
            written.add(result.archive().toString());
            if (result.signed()) {
                written.add(result.signature().toString());
            }
            written.add(result.reportPdf().toString());
        }
        RunReport report = RunReport.of(
                "cert-package",
                exit,
                false,
                "certification " + result.decision().status().label(StatusMarks.ASCII),
                result.findings(),
                written);
        new RunOutput(
                        out(),
                        err(),
                        format.json(),
                        TerminalFacts.detect(environment::get),
                        environment::get,
                        diagnostics())
                .print(report);
        return exit;
    }

    /**
     * No --inputs: the other tools' default output locations under the working directory (ga_kpis/, ws_health/,
     * drift/, slo_monitor/, ga_validation/, then the directory itself), and a line saying which were found.
     */
    private void useDefaultLocations(Map<InputKind, Path> files) {
        InputFiles.Defaults defaults = InputFiles.findDefaults(workingDirectory);
        inputDirs = new ArrayList<>(defaults.directories());
        for (InputKind kind : InputKind.values()) {
            Path first = defaults.firstFound().get(kind.key());
            if (first != null && !files.containsKey(kind)) {
                files.put(kind, first);
            }
        }
        if (snapshots == null && defaults.snapshots() != null && kpiSummary == null) {
            snapshots = defaults.snapshots();
        }
        if (defaults.found().isEmpty() && !files.isEmpty()) {
            // Files named one by one and nothing else found: the line would only precede their own message.
            return;
        }
        diagnostics()
                .info("no --inputs: read the tools' default output locations; found "
                        + (defaults.found().isEmpty() ? "none" : String.join(", ", defaults.found()))
                        + (defaults.notFound().isEmpty()
                                ? ""
                                : "; not found: " + String.join(", ", defaults.notFound())));
    }

    private Instant time(String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            return InstantConverter.parse(text, clock);
        } catch (TypeConversionException e) {
            throw ToolException.usage(option + " " + e.getMessage());
        }
    }

    private Long sourceDateEpoch() {
        String epoch = environment.get("SOURCE_DATE_EPOCH");
        if (epoch == null || epoch.isBlank()) {
            return null;
        }
        long seconds;
        try {
            seconds = Long.parseLong(epoch.strip());
        } catch (NumberFormatException e) {
            throw ToolException.usage("SOURCE_DATE_EPOCH='" + epoch + "' is not a number of seconds");
        }
        if (seconds < 0) {
            throw ToolException.usage("SOURCE_DATE_EPOCH must not be negative");
        }
        return seconds;
    }

    private static void putIfGiven(Map<InputKind, Path> files, InputKind kind, Path file) {
        if (file != null) {
            files.put(kind, file);
        }
    }

    public static void main(String[] args) {
        ToolLauncher.run("cert-package", BuildCertPackageCommand::new, args);
    }
}
