package dev.gaday.cert;

import dev.gaday.cert.archive.ReproducibleTar;
import dev.gaday.cert.chart.ChartLayout;
import dev.gaday.cert.chart.KpiChart;
import dev.gaday.cert.chart.KpiCharts;
import dev.gaday.cert.chart.SvgCanvas;
import dev.gaday.cert.input.InputFiles;
import dev.gaday.cert.input.Inputs;
import dev.gaday.cert.model.CertificationMetadata;
import dev.gaday.cert.model.PackageFile;
import dev.gaday.cert.model.UnfilledPlaceholder;
import dev.gaday.cert.pdf.PdfReport;
import dev.gaday.cert.report.Bindings;
import dev.gaday.cert.report.Certifier;
import dev.gaday.cert.report.EmailSummary;
import dev.gaday.cert.report.ReportContext;
import dev.gaday.cert.report.ReportTemplate;
import dev.gaday.cert.report.ReportValues;
import dev.gaday.common.cli.BuildInfo;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.cli.OutputDirMixin;
import dev.gaday.common.cli.ToolCommand;
import dev.gaday.common.cli.ToolLauncher;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.json.Json;
import dev.gaday.common.io.Sha256;
import dev.gaday.common.model.FileKind;
import dev.gaday.common.model.kpi.KpiSnapshot;
import dev.gaday.common.model.kpi.Window;
import dev.gaday.common.template.TemplateFiller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Builds the GA certification package: filled report, PDF with charts, manifest and tarball. */
@Command(name = "cert-package", mixinStandardHelpOptions = true, versionProvider = BuildInfo.class,
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
            "Certification: any gate FAIL (ga_kpi_summary.json certification.status, ws_health_metrics.json "
                    + "compliance.status) is NOT CERTIFIED (exit 1); else a gate without data, or a missing "
                    + "file, is INCONCLUSIVE (exit 3); else CERTIFIED (exit 0). Set SOURCE_DATE_EPOCH for "
                    + "byte-identical output. Output goes to ./ga_certification unless --output-dir says "
                    + "otherwise. Check a package with 'cert-package verify FILE'."},
        footer = {"", "See docs/cert-package.md and docs/placeholders.md."})
public final class BuildCertPackageCommand extends ToolCommand {
    public static final String ARCHIVE_NAME = "ga_certification_package.tar.gz";
    public static final String PACKAGE_DIR = "package";
    public static final String REPORT_MD = "GA_DAY_REPORT.md";
    public static final String REPORT_PDF = "GA_DAY_REPORT.pdf";
    public static final String METADATA = "certification_metadata.json";
    public static final String MANIFEST = "MANIFEST.sha256";
    public static final String EMAIL = "EMAIL_SUMMARY.txt";
    public static final String UNFILLED = "UNFILLED_PLACEHOLDERS.txt";

    @Mixin
    OutputDirMixin output;

    @Option(names = "--ga-start", paramLabel = "TIME",
            description = "Start of the GA window (ISO-8601, e.g. 2025-01-15T00:00:00Z). Default: the KPI summary's "
                    + "window.start; when both are known they must agree.")
    String gaStart;

    @Option(names = "--ga-end", paramLabel = "TIME",
            description = "End of the GA window. Default: the KPI summary's window.end.")
    String gaEnd;

    @Option(names = "--inputs", paramLabel = "DIR",
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

    @Option(names = "--validation-results", paramLabel = "FILE",
            description = "validation_results.html (copied) or validation_results.json (bound to placeholders).")
    List<Path> validationResults = new ArrayList<>();

    @Option(names = "--release", paramLabel = "FILE",
            description = "Release file (YAML): version, sign-off, timeline, incidents, actions, lessons, values, "
                    + "bindings. See docs/schema/release-file.md.")
    Path release;

    @Option(names = "--template", paramLabel = "FILE",
            description = "Markdown report template with {{PLACEHOLDERS}}. Default: the toolkit's own "
                    + "(templates/GA_DAY_REPORT.md, bundled).")
    Path template;

    @Option(names = "--include-artifacts",
            description = "Also package the KPI snapshots and the tools' side files under package/artifacts/.")
    boolean includeArtifacts;

    @Option(names = "--certify-only",
            description = "Only derive the verdict and write certification_metadata.json into the output "
                    + "directory (beside package/, which is left alone): no report, PDF or tarball.")
    boolean certifyOnly;

    @Option(names = "--strict",
            description = "Fail (exit 3, nothing written) when any placeholder of the template has no value.")
    boolean strict;

    private final Map<String, String> environment;
    private final Clock clock;

    public BuildCertPackageCommand() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** For tests: the environment (SOURCE_DATE_EPOCH, CI run ids) and the clock are given. */
    public BuildCertPackageCommand(Map<String, String> environment, Clock clock) {
        this.environment = Map.copyOf(environment);
        this.clock = clock;
    }

    private Instant parsedStart;
    private Instant parsedEnd;
    private Long sourceDateEpoch;

    @Override
    protected void validate() {
        parsedStart = parseTime("--ga-start", gaStart);
        parsedEnd = parseTime("--ga-end", gaEnd);
        if (parsedStart != null && parsedEnd != null && !parsedEnd.isAfter(parsedStart)) {
            throw ToolException.usage("--ga-end " + parsedEnd + " is not after --ga-start " + parsedStart);
        }
        String epoch = environment.get("SOURCE_DATE_EPOCH");
        if (epoch != null && !epoch.isBlank()) {
            try {
                sourceDateEpoch = Long.parseLong(epoch.strip());
            } catch (NumberFormatException e) {
                throw ToolException.usage("SOURCE_DATE_EPOCH='" + epoch + "' is not a number of seconds");
            }
            if (sourceDateEpoch < 0) {
                throw ToolException.usage("SOURCE_DATE_EPOCH must not be negative");
            }
        }
        if (template != null && !Files.isRegularFile(template)) {
            throw ToolException.usage("--template " + template + ": no such file");
        }
        for (Path file : validationResults) {
            String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            if (!name.endsWith(".html") && !name.endsWith(".json")) {
                throw ToolException.usage("--validation-results " + file + ": expected an .html or .json file");
            }
        }
    }

    private static Instant parseTime(String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(text.strip()).toInstant();
            } catch (DateTimeParseException e2) {
                throw ToolException.usage(option + " '" + text + "' is not an ISO-8601 time such as "
                        + "2025-01-15T00:00:00Z");
            }
        }
    }

    @Override
    protected ExitCode execute() {
        PhaseTimes phases = new PhaseTimes(diagnostics());
        if (!certifyOnly) {
            PdfReport.warmUpInBackground();
        }
        Map<String, Path> overrides = new LinkedHashMap<>();
        overrides.put(InputFiles.KPI_SUMMARY, kpiSummary);
        overrides.put(InputFiles.WS_HEALTH, wsHealth);
        overrides.put(InputFiles.DRIFT_ANALYSIS, driftAnalysis);
        overrides.put(InputFiles.SLO_STATUS, sloStatus);
        overrides.put("release", release);
        for (Path file : validationResults) {
            overrides.put(file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".html")
                    ? InputFiles.VALIDATION_HTML : InputFiles.VALIDATION_JSON, file);
        }
        InputFiles files = InputFiles.locate(inputDirs, overrides, snapshots);
        Inputs inputs = Inputs.load(files);
        phases.mark("inputs");
        Bindings.check(inputs.release().bindings());
        resolveWindow(inputs);
        Certifier.Outcome outcome = Certifier.certify(inputs);
        phases.mark("certify");
        Instant generatedAt = sourceDateEpoch != null ? Instant.ofEpochSecond(sourceDateEpoch)
                : clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Path outDir = output.resolve(Path.of("ga_certification"));
        diagnostics().detail("inputs: " + describe(files));

        if (certifyOnly) {
            CertificationMetadata metadata = metadata(inputs, outcome, generatedAt, "none (--certify-only)", 0,
                    List.of(), List.of(), null, null);
            // Beside package/, not in it: an earlier package keeps its manifest chain intact.
            Json.writeFile(outDir.resolve(METADATA), metadata);
            report(outcome, outDir, true);
            return outcome.status().exitCode();
        }

        ReportTemplate reportTemplate = template == null ? ReportTemplate.bundled() : ReportTemplate.read(template);
        KpiCharts charts = KpiCharts.of(inputs.snapshots(), inputs.kpiSummary(), inputs.release());
        phases.mark("template and charts");
        List<String> artifactPaths = new ArrayList<>();
        if (includeArtifacts) {
            for (Path snapshot : files.snapshots()) {
                artifactPaths.add("artifacts/" + snapshot.getFileName());
            }
            for (Path side : files.sideArtifacts()) {
                artifactPaths.add("artifacts/" + side.getFileName());
            }
        }
        ReportContext context = new ReportContext(inputs, outcome, parsedStart, parsedEnd, generatedAt,
                reportTemplate.tableRows(), ARCHIVE_NAME, charts.names(), artifactPaths, environment);
        var values = ReportValues.build(context, reportTemplate.placeholders());
        TemplateFiller.FillResult filled = new TemplateFiller("N/A").fill(reportTemplate.text(), values.values(),
                values.reasons());
        phases.mark("placeholder values");
        List<UnfilledPlaceholder> unfilled = filled.unfilled().stream()
                .map(u -> new UnfilledPlaceholder(u.name(), u.line(), u.reason())).toList();
        if (!unfilled.isEmpty()) {
            for (UnfilledPlaceholder u : unfilled) {
                diagnostics().detail("unfilled: " + u.name() + " (line " + u.line() + "): " + u.reason());
            }
            String summary = unfilled.size() + " of " + reportTemplate.placeholders().size()
                    + " placeholders have no value";
            if (strict) {
                throw ToolException.inconclusive("--strict: " + summary + ": " + String.join(", ",
                        unfilled.stream().limit(8).map(UnfilledPlaceholder::name).toList())
                        + (unfilled.size() > 8 ? ", ..." : "") + " (-v lists each with its reason)");
            }
            diagnostics().warn(summary + " and read N/A; see package/" + UNFILLED + " (-v lists them)");
        }

        Path staging = staging(outDir);
        try {
            List<String> packaged = writePackage(staging, inputs, files, reportTemplate, filled.text(), charts,
                    artifactPaths, unfilled, outcome, generatedAt, phases);
            long mtime = sourceDateEpoch != null ? sourceDateEpoch
                    : parsedEnd != null ? parsedEnd.getEpochSecond() : generatedAt.getEpochSecond();
            Path archive = outDir.resolve(ARCHIVE_NAME);
            ReproducibleTar.write(archive, staging, PACKAGE_DIR + "/", packaged, mtime);
            Sha256.writeSidecar(archive);
            phases.mark("tarball");
            replaceDirectory(staging, outDir.resolve(PACKAGE_DIR));
        } finally {
            deleteTree(staging);
        }
        report(outcome, outDir, false);
        return outcome.status().exitCode();
    }

    private List<String> writePackage(Path dir, Inputs inputs, InputFiles files, ReportTemplate reportTemplate,
            String markdown, KpiCharts charts, List<String> artifactPaths, List<UnfilledPlaceholder> unfilled,
            Certifier.Outcome outcome, Instant generatedAt, PhaseTimes phases) {
        List<String> written = new ArrayList<>();
        write(dir, REPORT_MD, markdown, written);
        for (Map.Entry<String, ChartLayout> chart : charts.layouts().entrySet()) {
            writeBytes(dir, KpiChart.file(chart.getKey()),
                    SvgCanvas.render(chart.getValue(), ReportValues.chartTitle(chart.getKey())), written);
        }
        phases.mark("SVG charts");
        String releaseLabel = inputs.release().name() != null ? inputs.release().name()
                : inputs.release().version() != null ? "Release " + inputs.release().version() : "GA release";
        String title = "GA Day Report: " + releaseLabel;
        String header = releaseLabel + " · GA day report · " + outcome.status().label();
        boolean appendCharts = !reportTemplate.placeholders().contains("INSERT_KPI_CHARTS");
        Instant pdfTime = generatedAt;
        writeBytes(dir, REPORT_PDF, PdfReport.render(markdown, title, header, charts.layouts(), appendCharts,
                pdfTime), written);
        phases.mark("PDF");
        for (String name : List.of(InputFiles.KPI_SUMMARY, InputFiles.WS_HEALTH, InputFiles.DRIFT_ANALYSIS,
                InputFiles.SLO_STATUS, InputFiles.VALIDATION_JSON, InputFiles.VALIDATION_HTML)) {
            Optional<Path> file = files.get(name);
            if (file.isPresent()) {
                copy(file.get(), dir, name, written);
            }
        }
        Optional<Path> releaseFile = files.get("release");
        if (releaseFile.isPresent()) {
            String name = releaseFile.get().getFileName().toString().toLowerCase(java.util.Locale.ROOT)
                    .endsWith(".json") ? "release.json" : "release.yaml";
            copy(releaseFile.get(), dir, name, written);
        }
        if (includeArtifacts) {
            List<Path> sources = new ArrayList<>(files.snapshots());
            sources.addAll(files.sideArtifacts());
            for (int i = 0; i < sources.size(); i++) {
                copy(sources.get(i), dir, artifactPaths.get(i), written);
            }
        }
        write(dir, UNFILLED, unfilledText(unfilled, reportTemplate), written);
        write(dir, EMAIL, EmailSummary.text(inputs, outcome, parsedStart, parsedEnd, generatedAt, unfilled.size(),
                ARCHIVE_NAME), written);
        written.sort(Comparator.naturalOrder());
        phases.mark("copies");
        // Each file is read and hashed once, for both the manifest and the metadata.
        StringBuilder manifest = new StringBuilder();
        List<PackageFile> packageFiles = new ArrayList<>();
        for (String name : written) {
            Path file = dir.resolve(name);
            String sha256 = Sha256.hex(file); // streamed: a package file may be larger than the heap
            manifest.append(Sha256.line(sha256, name));
            packageFiles.add(new PackageFile(name, size(file), sha256));
        }
        byte[] manifestBytes = manifest.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        writeBytes(dir, MANIFEST, manifestBytes, new ArrayList<>());
        CertificationMetadata metadata = metadata(inputs, outcome, generatedAt, reportTemplate.name(),
                reportTemplate.placeholders().size(), unfilled, packageFiles, Sha256.hex(manifestBytes),
                ARCHIVE_NAME);
        writeBytes(dir, METADATA, Json.write(metadata).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                new ArrayList<>());
        phases.mark("manifest and metadata");
        List<String> all = new ArrayList<>(written);
        all.add(MANIFEST);
        all.add(METADATA);
        all.sort(Comparator.naturalOrder());
        return all;
    }

    private CertificationMetadata metadata(Inputs inputs, Certifier.Outcome outcome, Instant generatedAt,
            String templateName, int placeholders, List<UnfilledPlaceholder> unfilled, List<PackageFile> files,
            String manifestSha256, String packagePath) {
        long total = files.stream().mapToLong(PackageFile::sizeBytes).sum();
        return new CertificationMetadata(FileKind.CERTIFICATION_METADATA.schemaVersion(),
                FileKind.CERTIFICATION_METADATA.id(), BuildInfo.version(), inputs.release().version(),
                inputs.release().name(), parsedStart, parsedEnd, generatedAt, outcome.status(),
                outcome.status().label(), outcome.gates(), templateName, placeholders, unfilled, files, files.size(),
                total, manifestSha256, packagePath);
    }

    private void resolveWindow(Inputs inputs) {
        if (inputs.kpiSummary() != null) {
            Window window = inputs.kpiSummary().window();
            String file = inputs.files().get(InputFiles.KPI_SUMMARY).map(Path::toString).orElse(InputFiles.KPI_SUMMARY);
            if (parsedStart != null && !parsedStart.equals(window.start())) {
                throw ToolException.usage("--ga-start " + parsedStart + " does not match " + file + " window.start "
                        + window.start());
            }
            if (parsedEnd != null && !parsedEnd.equals(window.end())) {
                throw ToolException.usage("--ga-end " + parsedEnd + " does not match " + file + " window.end "
                        + window.end());
            }
            parsedStart = window.start();
            parsedEnd = window.end();
        }
        if ((parsedStart == null) != (parsedEnd == null)) {
            throw ToolException.usage("give both --ga-start and --ga-end (there is no KPI summary to take the "
                    + "window from)");
        }
        if (parsedStart != null && !parsedEnd.isAfter(parsedStart)) {
            throw ToolException.usage("--ga-end " + parsedEnd + " is not after --ga-start " + parsedStart);
        }
        if (parsedStart != null) {
            for (KpiSnapshot snapshot : inputs.snapshots()) {
                if (snapshot.window().end().isBefore(parsedStart) || snapshot.window().start().isAfter(parsedEnd)) {
                    diagnostics().warn(KpiSnapshot.fileName(snapshot.sequence()) + " (" + snapshot.window().start()
                            + " to " + snapshot.window().end() + ") lies outside the GA window");
                }
            }
            if (inputs.wsHealth() != null && inputs.wsHealth().startedAt() != null
                    && (inputs.wsHealth().startedAt().isBefore(parsedStart.minusSeconds(86_400))
                    || inputs.wsHealth().startedAt().isAfter(parsedEnd))) {
                diagnostics().warn(InputFiles.WS_HEALTH + " run started at " + inputs.wsHealth().startedAt()
                        + ", outside the GA window");
            }
        }
    }

    private static String unfilledText(List<UnfilledPlaceholder> unfilled, ReportTemplate reportTemplate) {
        StringBuilder text = new StringBuilder();
        text.append("# Placeholders of the template (").append(reportTemplate.name()).append(") that read N/A: ")
                .append(unfilled.size()).append(" of ").append(reportTemplate.placeholders().size()).append('\n');
        text.append("# name\tline\treason\n");
        for (UnfilledPlaceholder u : unfilled) {
            text.append(u.name()).append('\t').append(u.line()).append('\t').append(u.reason()).append('\n');
        }
        return text.toString();
    }

    private void report(Certifier.Outcome outcome, Path outDir, boolean certifyOnlyRun) {
        out().println("certification: " + outcome.status().label());
        if (certifyOnlyRun) {
            out().println("metadata: " + outDir.resolve(METADATA));
        } else {
            out().println("archive: " + outDir.resolve(ARCHIVE_NAME));
            out().println("report: " + outDir.resolve(PACKAGE_DIR).resolve(REPORT_PDF));
        }
        out().flush();
    }

    private static String describe(InputFiles files) {
        List<String> parts = new ArrayList<>();
        for (String name : List.of(InputFiles.KPI_SUMMARY, InputFiles.WS_HEALTH, InputFiles.DRIFT_ANALYSIS,
                InputFiles.SLO_STATUS, InputFiles.VALIDATION_JSON, InputFiles.VALIDATION_HTML, "release")) {
            parts.add(name + "=" + files.get(name).map(Path::toString).orElse("absent"));
        }
        parts.add("snapshots=" + files.snapshots().size());
        return String.join(", ", parts);
    }

    private static void write(Path dir, String name, String content, List<String> written) {
        writeBytes(dir, name, content.getBytes(java.nio.charset.StandardCharsets.UTF_8), written);
    }

    /**
     * Plain writes into the staging directory: the package only becomes visible when the whole
     * directory is renamed into place, so a per-file fsync (35 of them) would buy nothing.
     */
    private static void writeBytes(Path dir, String name, byte[] content, List<String> written) {
        try {
            Path target = dir.resolve(name);
            Files.createDirectories(target.getParent());
            Files.write(target, content);
        } catch (IOException e) {
            throw ToolException.badInput("cannot write " + dir.resolve(name) + ": " + e.getMessage(), e);
        }
        written.add(name);
    }

    private static void copy(Path source, Path dir, String name, List<String> written) {
        try {
            Path target = dir.resolve(name);
            Files.createDirectories(target.getParent());
            try (java.io.InputStream in = InputFiles.open(source)) { // never follows a link
                Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw ToolException.badInput("cannot copy " + source + " into the package: " + e.getMessage(), e);
        }
        written.add(name);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path staging(Path outDir) {
        try {
            return Files.createTempDirectory(outDir, ".package-");
        } catch (IOException e) {
            throw ToolException.badInput("cannot create a staging directory in " + outDir + ": " + e.getMessage(), e);
        }
    }

    /** Swaps the finished package in: the old package directory is removed only once the new one is whole. */
    private static void replaceDirectory(Path staging, Path target) {
        try {
            Path old = null;
            if (Files.exists(target)) {
                old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
                Files.move(target, old);
            }
            Files.move(staging, target);
            if (old != null) {
                deleteTree(old);
            }
        } catch (IOException e) {
            throw ToolException.badInput("cannot move the package into " + target + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException ignored) {
            // Leftover temp files are harmless; the run's own result is what matters.
        }
    }

    public static void main(String[] args) {
        if (buildsPdf(args)) {
            // Before picocli builds its model (a few hundred ms on a cold JVM), not only in execute().
            PdfReport.warmUpInBackground();
        }
        ToolLauncher.run(new BuildCertPackageCommand(), args);
    }

    /** Whether these arguments ask for a package with a PDF (not verify, help, version or --certify-only). */
    static boolean buildsPdf(String[] args) {
        return !(args.length > 0 && args[0].equals("verify")) && !ToolLauncher.asksForHelpOrVersion(args)
                && !List.of(args).contains("--certify-only");
    }
}
