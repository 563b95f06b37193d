package dev.gaday.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.cli.CommandRun;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.slo.SloAlert;
import dev.gaday.common.model.slo.SloBurnRateSeries;
import dev.gaday.common.model.slo.SloResult;
import dev.gaday.common.model.slo.SloStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An slo_status.json with burn-rate series: the report draws the burn rate over time (slo_burn_rate) after the
 * budget, in the PDF and as SVG, and no alert lanes; the same file without its series draws the lanes as before.
 */
class BurnRatePdfTest {
    @TempDir
    Path dir;

    private static final Instant FIRED = Fixtures.START.plusSeconds(14 * 3600);
    private static final Instant RESOLVED = Fixtures.START.plusSeconds(14 * 3600 + 2700);

    /** ToolFixtures' exhausted checkout SLO with the ga-24h alerts, its page fired 14:00–14:45, and a series. */
    static SloStatus withSeries(boolean series) {
        SloStatus base = ToolFixtures.slo(true);
        SloResult slo = base.slos().get(0);
        List<SloAlert> alerts = List.of(
                new SloAlert("page", "5m", "4m", 14.4, false, List.of(FIRED), List.of(RESOLVED), 80, 0),
                new SloAlert(
                        "page", "30m", "5m", 4.8, false, List.of(FIRED.plusSeconds(300)), List.of(RESOLVED), 70, 0),
                new SloAlert("ticket", "2h", "10m", 2.4, false, List.of(), List.of(), 2.0, 0),
                new SloAlert("ticket", "6h", "30m", 1, false, List.of(), List.of(), 0.9, 0));
        List<SloBurnRateSeries.Window> windows = new ArrayList<>();
        String[] names = {"5m", "30m", "2h", "6h"};
        double[] peaks = {80, 70, 2.0, 0.9};
        for (int w = 0; w < names.length; w++) {
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < 289; i++) {
                boolean incident = i >= 168 && i < 177; // 14:00 to 14:45
                values.add(incident ? peaks[w] : 0.3);
            }
            windows.add(new SloBurnRateSeries.Window(names[w], values));
        }
        SloResult withAlerts = new SloResult(
                slo.name(),
                slo.service(),
                slo.objective(),
                slo.sliType(),
                slo.good(),
                slo.total(),
                slo.errorRatio(),
                slo.errorBudget(),
                slo.burnRates(),
                slo.timeToExhaustionMinutes(),
                slo.minEvents(),
                alerts,
                slo.state(),
                slo.reason(),
                slo.queries(),
                series ? new SloBurnRateSeries(Fixtures.START, 300, windows) : null);
        return new SloStatus(
                base.schemaVersion(),
                base.kind(),
                base.toolVersion(),
                base.generatedAt(),
                base.partial(),
                base.window(),
                base.policy(),
                base.status(),
                List.of(withAlerts),
                base.violations(),
                base.summary());
    }

    private String pdfText(Path out) throws IOException {
        try (PDDocument document =
                PDDocument.load(out.resolve("package/GA_DAY_REPORT.pdf").toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    void theBurnRateOverTimeIsDrawnAfterTheBudgetInThePdf() throws IOException {
        Path in = dir.resolve("in");
        Fixtures.writeInputs(in, "web", true);
        Json.writeFile(in.resolve("slo_status.json"), withSeries(true));
        Path out = dir.resolve("out");
        CommandRun run = CommandRunner.run("--inputs", in.toString(), "-o", out.toString());
        assertEquals(1, run.exitCode(), run.err());
        Path charts = out.resolve("package/charts");
        assertTrue(Files.isRegularFile(charts.resolve("slo_budget.svg")));
        assertTrue(Files.isRegularFile(charts.resolve("slo_burn_rate.svg")));
        assertFalse(Files.exists(charts.resolve("slo_alerts.svg")), "the burn-rate chart takes the lanes' place");
        String markdown = Files.readString(out.resolve("package/GA_DAY_REPORT.md"));
        assertTrue(markdown.contains("(charts/slo_burn_rate.svg)"), markdown);

        String pdf = pdfText(out);
        // The panel's title, the thresholds' factors, the legend and the caption.
        assertTrue(pdf.contains("checkout-availability · peak 80× · BUDGET_EXHAUSTED"), pdf);
        for (String text : new String[] {
            "14.4×",
            "4.8×",
            "2.4×",
            "5m (page > 14.4×)",
            "30m (page > 4.8×)",
            "2h (ticket > 2.4×)",
            "6h (ticket > 1×)",
            "Page alert firing",
            "Burn rate over the SLO window (the one SLO with a burn-rate series",
            "Log axis from 0.1×"
        }) {
            assertTrue(pdf.contains(text), text + " in " + pdf);
        }
        assertFalse(pdf.contains("Ticket alert firing"), "no ticket fired: no ticket shading in the legend");
        assertTrue(
                pdf.indexOf("5m (page > 14.4×)") > pdf.indexOf("Error budget consumed (%)"),
                "the burn rate follows the budget");
        assertFalse(pdf.contains("slo_status.json has no burn-rate series"), pdf);
    }

    @Test
    void withoutTheSeriesTheAlertLanesStay() throws IOException {
        Path in = dir.resolve("in");
        Fixtures.writeInputs(in, "web", true);
        Json.writeFile(in.resolve("slo_status.json"), withSeries(false));
        Path out = dir.resolve("out");
        CommandRun run = CommandRunner.run("--inputs", in.toString(), "-o", out.toString());
        assertEquals(1, run.exitCode(), run.err());
        Path charts = out.resolve("package/charts");
        assertTrue(Files.isRegularFile(charts.resolve("slo_alerts.svg")));
        assertFalse(Files.exists(charts.resolve("slo_burn_rate.svg")));
        String pdf = pdfText(out);
        assertTrue(pdf.contains("slo_status.json has no burn-rate series"), pdf);
        assertFalse(pdf.contains("Log axis"), pdf);
    }
}
