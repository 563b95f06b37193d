package dev.gaday.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.cli.CommandRun;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.kpi.KpiSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With drift and SLO files among the inputs, their figures are drawn into the PDF where the drift and SLO
 * sections are filled, and written as SVG for the Markdown, beside the KPI charts and their small multiples.
 */
class ToolChartsPdfTest {
    @TempDir
    Path dir;

    @Test
    void driftAndSloFiguresAppearInTheirSectionsInTheMarkdownAndThePdf() throws IOException {
        Path in = dir.resolve("in");
        Fixtures.writeInputs(in, "web", true);
        // The snapshots with the service's own values, for its small multiples.
        for (KpiSnapshot snapshot : Fixtures.snapshots()) {
            Json.writeFile(
                    in.resolve(KpiSnapshot.fileName(snapshot.sequence())),
                    new KpiSnapshot(
                            snapshot.schemaVersion(),
                            snapshot.kind(),
                            snapshot.sequence(),
                            snapshot.window(),
                            snapshot.overall(),
                            List.of(Fixtures.service("web", snapshot.overall().availabilityPercent())),
                            List.of()));
        }
        Json.writeFile(in.resolve("drift_analysis.json"), ToolFixtures.drift(true));
        Json.writeFile(in.resolve("slo_status.json"), ToolFixtures.slo(true));
        Path out = dir.resolve("out");
        CommandRun run = CommandRunner.run("--inputs", in.toString(), "-o", out.toString());
        assertEquals(1, run.exitCode(), run.err());
        Path charts = out.resolve("package/charts");
        for (String name : new String[] {
            "availability",
            "services_availability",
            "services_error_rate",
            "services_p99_latency",
            "slo_budget",
            "drift_changes"
        }) {
            assertTrue(Files.isRegularFile(charts.resolve(name + ".svg")), name);
        }
        String markdown = Files.readString(out.resolve("package/GA_DAY_REPORT.md"));
        String drift = section(markdown, "### Drift Details");
        assertTrue(drift.contains("(charts/drift_changes.svg)"), drift);
        String violations = section(markdown, "### SLO Violations");
        assertTrue(violations.contains("(charts/slo_budget.svg)"), violations);
        assertTrue(section(markdown, "### KPI Charts").contains("(charts/services_availability.svg)"));

        String pdf;
        try (PDDocument document =
                PDDocument.load(out.resolve("package/GA_DAY_REPORT.pdf").toFile())) {
            // Each figure is drawn as a form as wide as the text and as high as its own aspect ratio asks:
            // the fleet charts at 760:270, the others taller or flatter, none squeezed into the fleet's box.
            java.util.Set<Long> ratios = new java.util.TreeSet<>();
            for (var page : document.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name)
                            instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form) {
                        var box = form.getBBox();
                        ratios.add(Math.round(100.0 * box.getHeight() / box.getWidth()));
                    }
                }
            }
            assertTrue(ratios.contains(Math.round(270.0 / 760 * 100)), "a fleet chart: " + ratios);
            assertTrue(ratios.size() >= 3, "figures of other shapes keep them: " + ratios);
            PDFTextStripper stripper = new PDFTextStripper();
            // In reading order: a figure's text is drawn after its page's text, where the figure stands.
            stripper.setSortByPosition(true);
            pdf = stripper.getText(document).replaceAll("\\s+", " ");
        }
        // Text drawn inside the figures (axis titles, values), then their captions.
        assertTrue(pdf.contains("Change against the baseline (%)"), pdf);
        assertTrue(pdf.contains("300 ms → 426 ms (+42%)"), pdf);
        assertTrue(pdf.contains("Drift, current against baseline (the one check that drifted)"), pdf);
        assertTrue(pdf.contains("Error budget consumed (%)"), pdf);
        assertTrue(pdf.contains("350% BUDGET_EXHAUSTED"), pdf);
        assertTrue(pdf.contains("100%: the whole budget"), pdf);
        assertTrue(pdf.contains("Availability of the worst service (of 1)"), pdf);
        assertTrue(pdf.contains("web 99.9"), "the panel's title: the service and its whole-window value: " + pdf);
        assertTrue(
                pdf.indexOf("Change against the baseline (%)") > pdf.indexOf("Drift Details")
                        && pdf.indexOf("Change against the baseline (%)") < pdf.indexOf("Drift Mitigation Actions"),
                "the drift figure is in its section: " + pdf);
        assertTrue(
                pdf.indexOf("Error budget consumed (%)") > pdf.indexOf("SLO Violations"),
                "the budget figure follows the violations");
    }

    /** The Markdown from a heading to the next heading of any level. */
    private static String section(String markdown, String heading) {
        int start = markdown.indexOf(heading + "\n");
        assertTrue(start >= 0, "no " + heading);
        int end = markdown.indexOf("\n#", start + heading.length());
        return markdown.substring(start, end < 0 ? markdown.length() : end);
    }
}
