package dev.gaday.cert.build;

import static dev.gaday.cert.build.PackageLayout.METADATA;
import static dev.gaday.cert.build.PackageLayout.PACKAGE_DIR;
import static dev.gaday.cert.build.PackageLayout.UNFILLED;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gaday.cert.archive.ReproducibleTar;
import dev.gaday.cert.certification.CertificationDecision;
import dev.gaday.cert.certification.CertificationPolicy;
import dev.gaday.cert.certification.GateFindings;
import dev.gaday.cert.chart.KpiChart;
import dev.gaday.cert.chart.KpiCharts;
import dev.gaday.cert.chart.ReportCharts;
import dev.gaday.cert.input.InputFiles;
import dev.gaday.cert.input.InputKind;
import dev.gaday.cert.input.Inputs;
import dev.gaday.cert.input.ReleaseFile;
import dev.gaday.cert.model.UnfilledPlaceholder;
import dev.gaday.cert.pdf.PdfWarmUp;
import dev.gaday.cert.report.Bindings;
import dev.gaday.cert.report.EmptySections;
import dev.gaday.cert.report.MissingUnits;
import dev.gaday.cert.report.ReportContext;
import dev.gaday.cert.report.ReportTemplate;
import dev.gaday.cert.report.ReportValues;
import dev.gaday.cert.report.VerdictSummary;
import dev.gaday.cert.signature.PackageSignature;
import dev.gaday.common.cli.Diagnostics;
import dev.gaday.common.cli.Finding;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.io.Sha256;
import dev.gaday.common.json.Json;
import dev.gaday.common.json.UnknownKeys;
import dev.gaday.common.model.kpi.Window;
import dev.gaday.common.template.TemplateFiller;
import dev.gaday.common.text.ReportFormat;
import java.io.IOException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a certification package: reads the inputs, derives the certification, fills the report,
 * writes package/ and the tarball in a staging directory and swaps them in ({@link PackageDirectory}).
 * With --certify-only it writes certification_metadata.json alone.
 */
public final class PackageBuilder {
    private final Diagnostics diagnostics;
    private final PackageDirectory.Mover mover;
    private final boolean shutdownHook;

    public PackageBuilder(Diagnostics diagnostics) {
        this(diagnostics, PackageDirectory.RENAME, true);
    }

    /** For tests: the swap's moves go through {@code mover}; no shutdown hook is registered. */
    PackageBuilder(Diagnostics diagnostics, PackageDirectory.Mover mover, boolean shutdownHook) {
        this.diagnostics = diagnostics;
        this.mover = mover;
        this.shutdownHook = shutdownHook;
    }

    /**
     * What a run produced: its decision, why it is not certified (each gate that did not pass, with its failed
     * criteria), where its files are, and whether the tarball was signed.
     */
    public record Result(
            CertificationDecision decision,
            List<Finding> findings,
            Path outputDir,
            boolean certifyOnly,
            boolean signed) {
        public Result {
            findings = List.copyOf(findings);
        }

        public Path metadata() {
            return outputDir.resolve(METADATA);
        }

        public Path archive() {
            return outputDir.resolve(PackageLayout.ARCHIVE_NAME);
        }

        /** The tarball's detached SSH signature; written only when {@link #signed()}. */
        public Path signature() {
            return outputDir.resolve(PackageLayout.ARCHIVE_SIG);
        }

        public Path reportPdf() {
            return outputDir.resolve(PACKAGE_DIR).resolve(PackageLayout.REPORT_PDF);
        }
    }

    public Result build(BuildOptions options) {
        PhaseTimes phases = new PhaseTimes(diagnostics);
        PdfWarmUp warmUp = options.certifyOnly() ? null : PdfWarmUp.startInBackground();
        Map<String, Path> overrides = new LinkedHashMap<>();
        options.inputFiles().forEach((kind, file) -> overrides.put(kind.key(), file));
        InputFiles files = InputFiles.locate(options.inputDirs(), overrides, options.snapshotDir());
        Inputs inputs = Inputs.load(files);
        warnOfUnknownReleaseKeys(files);
        phases.mark("inputs");
        Bindings.check(inputs.release().bindings());
        Evidence evidence = evidence(options, inputs);
        phases.mark("certify");
        diagnostics.detail("inputs: " + describe(files));
        Path outDir = options.outputDir().get();
        if (options.certifyOnly()) {
            // Beside package/, not in it: an earlier package keeps its manifest chain intact.
            Json.writeFile(outDir.resolve(METADATA), PackageMetadata.certifyOnly(evidence));
            return new Result(evidence.decision(), findings(evidence), outDir, true, false);
        }
        FilledReport report = fillReport(options, evidence, files, phases);
        try (PackageDirectory directory = PackageDirectory.open(outDir, diagnostics, mover, shutdownHook)) {
            try {
                warmUp.awaitDone();
                List<String> packaged = new PackageWriter(directory, phases).write(evidence, report);
                long mtime = options.sourceDateEpoch() != null
                        ? options.sourceDateEpoch()
                        : evidence.gaEnd() != null
                                ? evidence.gaEnd().getEpochSecond()
                                : evidence.generatedAt().getEpochSecond();
                directory.writeArchive(() -> {
                    ReproducibleTar.write(
                            directory.archive(), directory.packageRoot(), PACKAGE_DIR + "/", packaged, mtime);
                    Sha256.writeSidecar(directory.archive());
                    if (options.signingKey() != null) {
                        sign(options, directory);
                    }
                });
                phases.mark("tarball");
                directory.swap();
            } catch (RuntimeException e) {
                directory.awaitExitIfShuttingDown();
                throw e;
            }
        }
        return new Result(evidence.decision(), findings(evidence), outDir, false, options.signingKey() != null);
    }

    /** The tarball's signature, staged with it: swapped in with the package or not at all. */
    private void sign(BuildOptions options, PackageDirectory directory) {
        try {
            PackageSignature.sign(options.signingKey(), directory.archive(), directory.signature());
        } catch (IOException e) {
            throw ToolException.badInput("cannot write " + directory.signature() + ": " + e.getMessage(), e);
        }
        diagnostics.detail(
                "signed the tarball with " + options.signingKey().publicKey().describe());
    }

    private FilledReport fillReport(BuildOptions options, Evidence evidence, InputFiles files, PhaseTimes phases) {
        ReportTemplate template =
                options.template() == null ? ReportTemplate.bundled() : ReportTemplate.read(options.template());
        ReportCharts charts = ReportCharts.of(
                KpiCharts.of(
                        evidence.inputs().snapshots(),
                        evidence.inputs().kpiSummary(),
                        evidence.inputs().release(),
                        chartEvents(evidence.inputs())),
                evidence.inputs().slo(),
                evidence.inputs().drift(),
                timelineEvents(evidence.inputs()));
        phases.mark("template and charts");
        List<FilledReport.Artifact> artifacts = new ArrayList<>();
        if (options.includeArtifacts()) {
            for (Path snapshot : files.snapshots()) {
                artifacts.add(new FilledReport.Artifact(snapshot, "artifacts/" + snapshot.getFileName()));
            }
            for (Path side : files.sideArtifacts()) {
                artifacts.add(new FilledReport.Artifact(side, "artifacts/" + side.getFileName()));
            }
        }
        ReportContext context = new ReportContext(
                evidence.inputs(),
                evidence.decision(),
                evidence.gaStart(),
                evidence.gaEnd(),
                evidence.generatedAt(),
                template.tableRows(),
                PackageLayout.ARCHIVE_NAME,
                charts.titles(),
                artifacts.stream().map(FilledReport.Artifact::packagePath).toList(),
                options.environment(),
                evidence.consistencyWarnings());
        var values = ReportValues.build(context, template.placeholders());
        String text =
                MissingUnits.dropAfterMissing(template.text(), values.values().keySet());
        TemplateFiller filler = new TemplateFiller(ReportFormat.NOT_AVAILABLE);
        TemplateFiller.FillResult filled = filler.fill(text, values.values(), values.reasons());
        // The unfilled list is the template's as written; the text shown collapses sections no input fills.
        String shown = options.keepEmptySections()
                ? filled.text()
                : filler.fill(EmptySections.collapse(text, values), values.values(), values.reasons())
                        .text();
        phases.mark("placeholder values");
        List<UnfilledPlaceholder> unfilled = filled.unfilled().stream()
                .map(u -> new UnfilledPlaceholder(u.name(), u.line(), u.reason()))
                .toList();
        if (!unfilled.isEmpty()) {
            for (UnfilledPlaceholder u : unfilled) {
                diagnostics.detail("unfilled: " + u.name() + " (line " + u.line() + "): " + u.reason());
            }
            String summary = unfilled.size() + " of " + template.placeholders().size() + " placeholders have no value";
            if (options.strict()) {
                throw ToolException.inconclusive("--strict: " + summary + ": "
                        + String.join(
                                ", ",
                                unfilled.stream()
                                        .limit(8)
                                        .map(UnfilledPlaceholder::name)
                                        .toList())
                        + (unfilled.size() > 8 ? ", ..." : "") + " (-v lists each with its reason)");
            }
            diagnostics.warn(summary + " and read N/A; see package/" + UNFILLED + " (-v lists them)");
        }
        String markdown = VerdictSummary.insert(shown, evidence.inputs(), evidence.decision());
        return new FilledReport(template, markdown, charts, unfilled, artifacts);
    }

    /** The GA window (the options' and the KPI summary's must agree), the decision and the time stamp. */
    private Evidence evidence(BuildOptions options, Inputs inputs) {
        Instant start = options.gaStart();
        Instant end = options.gaEnd();
        if (inputs.kpiSummary() != null) {
            Window window = inputs.kpiSummary().window();
            String file = inputs.files()
                    .get(InputFiles.KPI_SUMMARY)
                    .map(Path::toString)
                    .orElse(InputFiles.KPI_SUMMARY);
            if (start != null && !start.equals(window.start())) {
                throw ToolException.usage(
                        "--ga-start " + start + " does not match " + file + " window.start " + window.start());
            }
            if (end != null && !end.equals(window.end())) {
                throw ToolException.usage(
                        "--ga-end " + end + " does not match " + file + " window.end " + window.end());
            }
            start = window.start();
            end = window.end();
        }
        if ((start == null) != (end == null)) {
            throw ToolException.usage(
                    "give both --ga-start and --ga-end (there is no KPI summary to take the " + "window from)");
        }
        if (start != null && !end.isAfter(start)) {
            throw ToolException.usage("--ga-end " + end + " is not after --ga-start " + start);
        }
        List<String> consistency = start == null ? List.of() : WindowConsistency.warnings(inputs, start, end);
        for (String warning : consistency) {
            diagnostics.warn(warning);
        }
        CertificationDecision decision = CertificationDecision.of(
                inputs, CertificationPolicy.of(inputs.release().certification(), options.policy()));
        for (String gap : decision.dataGaps()) {
            diagnostics.warn(gap);
        }
        return new Evidence(inputs, decision, start, end, options.generatedAt(), consistency);
    }

    private static List<Finding> findings(Evidence evidence) {
        return GateFindings.of(evidence.decision(), evidence.inputs());
    }

    /** SLO alerts that fired (where they started) and the deploy a drift analysis compared around. */
    static List<KpiChart.Incident> chartEvents(Inputs inputs) {
        List<KpiChart.Incident> events = new ArrayList<>();
        if (inputs.slo() != null) {
            for (var violation : inputs.slo().violations()) {
                if (violation.from() != null) {
                    events.add(new KpiChart.Incident(violation.from(), "SLO " + violation.severity()));
                }
            }
        }
        if (inputs.drift() != null) {
            var after = inputs.drift().windows().get("after");
            if (after != null) {
                events.add(new KpiChart.Incident(after.start(), "deploy"));
            }
        }
        return events;
    }

    /** The release file's incidents and the deploy a drift analysis compared around: the SLO alert timeline's. */
    static List<KpiChart.Incident> timelineEvents(Inputs inputs) {
        List<KpiChart.Incident> events = new ArrayList<>();
        for (var incident : inputs.release().incidents()) {
            // an unreadable time is named by the window consistency warnings; nothing to mark
            if (incident.instant() != null) {
                events.add(
                        new KpiChart.Incident(incident.instant(), incident.id() != null ? incident.id() : "incident"));
            }
        }
        if (inputs.drift() != null && inputs.drift().windows().get("after") != null) {
            events.add(
                    new KpiChart.Incident(inputs.drift().windows().get("after").start(), "deploy"));
        }
        return events;
    }

    private static String describe(InputFiles files) {
        List<String> parts = new ArrayList<>();
        for (InputKind kind : InputKind.values()) {
            parts.add(
                    kind.key() + "=" + files.get(kind.key()).map(Path::toString).orElse("absent"));
        }
        parts.add("snapshots=" + files.snapshots().size());
        return String.join(", ", parts);
    }

    /**
     * The release file is typed by people: a misspelt key ("incidnets:") would silently drop what it holds, so each
     * key the file's schema does not know is a warning naming it.
     */
    private void warnOfUnknownReleaseKeys(InputFiles files) {
        files.get(InputKind.RELEASE.key()).ifPresent(file -> {
            JsonNode tree = Json.readFile(file, JsonNode.class, LinkOption.NOFOLLOW_LINKS);
            for (String key : UnknownKeys.of(tree, ReleaseFile.class)) {
                diagnostics.warn(file + ": unknown key " + key + ", ignored (docs/schema/release-file.md)");
            }
        });
    }
}
