package dev.gaday.cert.build;

import dev.gaday.cert.chart.ReportCharts;
import dev.gaday.cert.model.UnfilledPlaceholder;
import dev.gaday.cert.report.ReportTemplate;
import java.nio.file.Path;
import java.util.List;

/**
 * The report as filled for the package: its template, the Markdown, the charts drawn, the placeholders
 * left N/A, and the artifacts it lists (copied under package/artifacts/ with --include-artifacts).
 */
record FilledReport(
        ReportTemplate template,
        String markdown,
        ReportCharts charts,
        List<UnfilledPlaceholder> unfilled,
        List<Artifact> artifacts) {
    FilledReport {
        unfilled = List.copyOf(unfilled);
        artifacts = List.copyOf(artifacts);
    }

    /** An input file packaged as evidence, and its path inside package/. */
    record Artifact(Path source, String packagePath) {}
}
