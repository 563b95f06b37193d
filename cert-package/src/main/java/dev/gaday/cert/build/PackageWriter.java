package dev.gaday.cert.build;

import static dev.gaday.cert.build.PackageLayout.EMAIL;
import static dev.gaday.cert.build.PackageLayout.MANIFEST;
import static dev.gaday.cert.build.PackageLayout.METADATA;
import static dev.gaday.cert.build.PackageLayout.REPORT_MD;
import static dev.gaday.cert.build.PackageLayout.REPORT_PDF;
import static dev.gaday.cert.build.PackageLayout.UNFILLED;

import dev.gaday.cert.chart.Figure;
import dev.gaday.cert.chart.KpiChart;
import dev.gaday.cert.chart.SvgCanvas;
import dev.gaday.cert.input.InputFiles;
import dev.gaday.cert.input.InputKind;
import dev.gaday.cert.model.PackageFile;
import dev.gaday.cert.model.UnfilledPlaceholder;
import dev.gaday.cert.pdf.PdfReport;
import dev.gaday.cert.report.EmailSummary;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.io.Sha256;
import dev.gaday.common.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the files of package/ into the staging directory: report, charts, PDF, copies of the inputs,
 * artifacts, the unfilled list, the email summary, and last the manifest and the metadata that chains
 * to it. Plain writes: the package only becomes visible when the whole directory is swapped in, so a
 * per-file fsync would buy nothing.
 */
final class PackageWriter {
    private final PackageDirectory directory;
    private final Path root;
    private final PhaseTimes phases;
    private final List<String> written = new ArrayList<>();

    PackageWriter(PackageDirectory directory, PhaseTimes phases) {
        this.directory = directory;
        this.root = directory.packageRoot();
        this.phases = phases;
    }

    /** Writes the package; returns the paths of its files (relative to package/), sorted. */
    List<String> write(Evidence evidence, FilledReport report) {
        write(REPORT_MD, report.markdown());
        for (Map.Entry<String, Figure> chart : report.charts().figures().entrySet()) {
            write(KpiChart.file(chart.getKey()), SvgCanvas.render(chart.getValue()));
        }
        phases.mark("SVG charts");
        var release = evidence.inputs().release();
        String releaseLabel = release.name() != null
                ? release.name()
                : release.version() != null ? "Release " + release.version() : "GA release";
        String header = releaseLabel + " · GA day report · "
                + evidence.decision().status().label();
        boolean appendCharts = !report.template().placeholders().contains("INSERT_KPI_CHARTS");
        write(
                REPORT_PDF,
                PdfReport.render(
                        report.markdown(),
                        "GA Day Report: " + releaseLabel,
                        header,
                        report.charts().figures(),
                        appendCharts,
                        evidence.generatedAt()));
        phases.mark("PDF");
        for (InputKind kind : InputKind.values()) {
            Optional<Path> file = evidence.inputs().files().get(kind.key());
            if (file.isPresent()) {
                copy(file.get(), kind.packagedName(file.get()));
            }
        }
        for (FilledReport.Artifact artifact : report.artifacts()) {
            copy(artifact.source(), artifact.packagePath());
        }
        write(UNFILLED, unfilledText(report));
        write(
                EMAIL,
                EmailSummary.text(
                        evidence.inputs(),
                        evidence.decision(),
                        evidence.gaStart(),
                        evidence.gaEnd(),
                        evidence.generatedAt(),
                        report.unfilled().size(),
                        PackageLayout.ARCHIVE_NAME));
        written.sort(Comparator.naturalOrder());
        phases.mark("copies");
        // Each file is read and hashed once, for both the manifest and the metadata.
        StringBuilder manifest = new StringBuilder();
        List<PackageFile> packageFiles = new ArrayList<>();
        for (String name : written) {
            Path file = root.resolve(name);
            String sha256 = Sha256.hex(file); // streamed: a package file may be larger than the heap
            manifest.append(Sha256.line(sha256, name));
            packageFiles.add(new PackageFile(name, size(file), sha256));
        }
        List<String> all = new ArrayList<>(written);
        byte[] manifestBytes = manifest.toString().getBytes(StandardCharsets.UTF_8);
        write(MANIFEST, manifestBytes);
        write(
                METADATA,
                Json.write(PackageMetadata.of(evidence, report, packageFiles, Sha256.hex(manifestBytes)))
                        .getBytes(StandardCharsets.UTF_8));
        phases.mark("manifest and metadata");
        all.add(MANIFEST);
        all.add(METADATA);
        all.sort(Comparator.naturalOrder());
        return all;
    }

    private static String unfilledText(FilledReport report) {
        StringBuilder text = new StringBuilder();
        text.append("# Placeholders of the template (")
                .append(report.template().name())
                .append(") that read N/A: ")
                .append(report.unfilled().size())
                .append(" of ")
                .append(report.template().placeholders().size())
                .append('\n');
        text.append("# name\tline\treason\n");
        for (UnfilledPlaceholder u : report.unfilled()) {
            text.append(u.name())
                    .append('\t')
                    .append(u.line())
                    .append('\t')
                    .append(u.reason())
                    .append('\n');
        }
        return text.toString();
    }

    private void write(String name, String content) {
        write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private void write(String name, byte[] content) {
        Path target = root.resolve(name);
        try {
            directory.createDirectories(target.getParent());
            Files.write(target, content);
        } catch (IOException e) {
            throw ToolException.badInput("cannot write " + target + ": " + e.getMessage(), e);
        }
        written.add(name);
    }

    private void copy(Path source, String name) {
        Path target = root.resolve(name);
        try {
            directory.createDirectories(target.getParent());
            try (InputStream in = InputFiles.open(source)) { // never follows a link
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
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
}
