package dev.gaday.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.cert.pdf.PdfReport;
import dev.gaday.common.cli.CommandRun;
import dev.gaday.common.io.AtomicFiles;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.kpi.KpiSummary;
import dev.gaday.common.model.ws.WsHealthMetrics;
import dev.gaday.common.text.ReportFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One package built from hostile inputs (a service name and release notes full of Markdown and
 * HTML): the values show as text, never as markup, in the Markdown and the PDF; and the PDF
 * holds the charts, the key numbers, bookmarks, the running header and page numbers.
 */
class PdfAndEscapingTest {
    static final String EVIL_SERVICE = "<script>alert(1)</script> **bold** [x](http://evil.example) {{GA_START_TIME}}";
    static final String EVIL_NOTE = "<img src=x onerror=alert(2)> | cell | # heading & &amp; `code`";

    @TempDir
    static Path dir;

    static Path out;
    static String markdown;
    static String pdfText;
    static PDDocument pdf;
    static CommandRun run;

    @BeforeAll
    static void build() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Fixtures.writeInputs(in, EVIL_SERVICE, true);
        AtomicFiles.writeString(
                in.resolve("release.yaml"),
                Fixtures.RELEASE_YAML
                        .replace(
                                "\"5xx on checkout-api for 38 minutes\"",
                                Json.write(EVIL_NOTE).strip())
                        .replace(
                                "name: \"Checkout 2.4.0\"",
                                "name: " + Json.write("Checkout <b>2.4.0</b>").strip()));
        Path template = dir.resolve("GA_DAY_REPORT.md");
        try (var stream = PdfAndEscapingTest.class.getResourceAsStream("/user-template-GA_DAY_REPORT.md")) {
            Files.write(template, stream.readAllBytes());
        }
        out = dir.resolve("out");
        run = CommandRunner.run("--inputs", in.toString(), "--template", template.toString(), "-o", out.toString());
        markdown = Files.readString(out.resolve("package/GA_DAY_REPORT.md"));
        pdf = PDDocument.load(out.resolve("package/GA_DAY_REPORT.pdf").toFile());
        pdfText = new PDFTextStripper().getText(pdf);
    }

    @Test
    void runSucceeded() {
        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    void hostileTextNeverBecomesMarkup() {
        assertFalse(markdown.contains("{{"), "an inserted value must not look like a placeholder");
        String html = PdfReport.bodyHtml(markdown);
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img src=\"x\""), html);
        assertFalse(html.contains("<img src=x"), html);
        assertFalse(html.contains("<strong>bold"), html);
        assertFalse(html.contains("href=\"http://evil.example\""), html);
        assertFalse(html.contains("<code>code"), html);
        assertFalse(html.contains("<b>2.4.0"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; **bold** [x](http://evil.example)"), html);
    }

    @Test
    void hostileTextShowsLiterallyInThePdf() {
        String flat = pdfText.replaceAll("\\s+", " ");
        assertTrue(
                flat.contains("<script>alert(1)</script> **bold** [x](http://evil.example) {{GA_START_TIME}}"), flat);
        assertTrue(flat.contains("<img src=x onerror=alert(2)> | cell | # heading & &amp; `code`"), flat);
    }

    @Test
    void pdfHoldsTheKeyNumbersAndSymbols() throws IOException {
        KpiSummary summary = Json.readFile(dir.resolve("in/ga_kpi_summary.json"), KpiSummary.class);
        WsHealthMetrics ws = Json.readFile(dir.resolve("in/ws_health_metrics.json"), WsHealthMetrics.class);
        String flat = pdfText.replaceAll("\\s+", " ");
        assertTrue(
                flat.contains("Availability: "
                        + ReportFormat.plain(summary.overall().availabilityPercent(), 3) + "% (Target: ≥99.9%)"),
                flat);
        assertTrue(flat.contains(
                "Error Rate: " + ReportFormat.plain(summary.overall().errorRatePercent(), 3) + "%"));
        assertTrue(flat.contains(
                "P99 Latency: " + ReportFormat.plain(summary.overall().p99LatencyMs(), 1) + "ms"));
        assertTrue(
                flat.contains("Success Rate: " + ReportFormat.plain(ws.successRatePercent(), 3) + "% (Target: ≥95%)"));
        assertTrue(flat.contains("Status: ⚠ CERTIFIED WITH WARNINGS"), "a warning-only criterion warns: " + flat);
        assertTrue(flat.contains("⚠ WARN"), "the warning-only jitter criterion");
        assertFalse(flat.contains("#CERTIFIED"), "no missing-glyph placeholders");
    }

    @Test
    void pdfIsA4WithHeaderPageNumbersAndBookmarks() {
        PDPage first = pdf.getPage(0);
        assertEquals(595, Math.round(first.getMediaBox().getWidth()));
        assertEquals(842, Math.round(first.getMediaBox().getHeight()));
        int pages = pdf.getNumberOfPages();
        assertTrue(pages > 3);
        assertTrue(pdfText.contains("Page 1 of " + pages));
        assertTrue(pdfText.contains("Page " + pages + " of " + pages));
        assertTrue(
                pdfText.contains("Checkout <b>2.4.0</b> · GA day report · ⚠ CERTIFIED WITH WARNINGS"),
                "running header");
        var outline = pdf.getDocumentCatalog().getDocumentOutline();
        assertNotNull(outline, "bookmarks");
        int count = 0;
        for (var item : outline.children()) {
            count++;
            for (var child : item.children()) {
                count++;
            }
        }
        assertTrue(count > 20, "bookmarks for the sections: " + count);
        assertEquals(
                java.time.Instant.ofEpochSecond(1795478400L).toEpochMilli(),
                pdf.getDocumentInformation().getCreationDate().getTimeInMillis());
    }

    @Test
    void pdfHasTheThreeChartsAsVectorDrawings() throws IOException {
        int forms = 0;
        for (PDPage page : pdf.getPages()) {
            for (COSName name : page.getResources().getXObjectNames()) {
                if (page.getResources().getXObject(name) instanceof PDFormXObject) {
                    forms++;
                }
            }
        }
        assertEquals(3, forms, "availability, error rate and p99 latency charts");
        assertTrue(pdfText.contains("KPI charts"));
        assertTrue(pdfText.contains("P99 latency over the GA window"));
        // The charts' text is PDF text in the bundled font (the y titles too, though they run
        // upwards and PDFBox reads them in pieces): legends, ticks, the incident.
        assertTrue(pdfText.contains("Threshold ≥ 99.5%"), "the availability threshold's legend");
        assertTrue(pdfText.contains("Threshold < 1,000 ms"), "the latency threshold's legend");
        assertTrue(pdfText.contains("11-22 03:00"), "a time tick");
        assertTrue(
                pdfText.replaceAll("\\s+", " ").contains("INC-7 Availability Threshold ≥ 99.5% Incident"),
                "the incident's label, then the legend");
    }
}
