package dev.gaday.cert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.cert.pdf.PdfReport;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The renderer on its own: long tables repeat their header, symbols map to bundled glyphs, same bytes twice. */
class PdfReportTest {
    private static final String MARKDOWN;

    static {
        StringBuilder md = new StringBuilder("# Long table ✅ ❌ ⚠️ ≥ ≤\n\n| Service | Value |\n|---|---|\n");
        for (int i = 1; i <= 120; i++) {
            md.append("| service-").append(i).append(" | ").append(i * 3).append(" |\n");
        }
        MARKDOWN = md.toString();
    }

    private static byte[] render() {
        return PdfReport.render(MARKDOWN, "T", "Header ✔", Map.of(), false, Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void tableHeadersRepeatOnEveryPageAndSymbolsUseBundledGlyphs() throws IOException {
        try (PDDocument pdf = PDDocument.load(render())) {
            assertTrue(pdf.getNumberOfPages() >= 2);
            for (int page = 2; page <= pdf.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(pdf);
                assertTrue(text.contains("Service Value"), "page " + page + " repeats the header: " + text);
            }
            String all = new PDFTextStripper().getText(pdf);
            assertTrue(
                    all.contains("Long table ✔ ✘ ⚠ ≥ ≤"),
                    all.lines().limit(3).toList().toString());
            assertTrue(all.contains("service-120 360"));
            for (var name : pdf.getPage(0).getResources().getFontNames()) {
                PDFont font = pdf.getPage(0).getResources().getFont(name);
                assertTrue(font.getName().contains("DejaVu"), font.getName());
                assertTrue(font.isEmbedded());
            }
        }
    }

    @Test
    void aStatusCellOfTheServiceMatrixStaysOnOneLine() throws IOException {
        // Page one's matrix: five wide columns leave the Status column little room; "✔ PASS" must not wrap.
        String matrix =
                "# M\n\n| Service | Availability | Error rate | p99 latency (service, whole window) | Time below "
                        + "≥ 99.9% (5-minute snapshots) | Status |\n|---|---:|---:|---:|---:|---|\n"
                        + "| checkout-service-eu-west | 99.653% | 0.347% | 783.8 ms | 23 h 55 min | ✘ FAIL |\n"
                        + "| search-service-eu-west | 99.941% | 0.059% | 412.3 ms | 0 min | ✔ PASS |\n";
        byte[] pdf = PdfReport.render(matrix, "T", "H", Map.of(), false, Instant.parse("2026-01-01T00:00:00Z"));
        try (PDDocument document = PDDocument.load(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("✘ FAIL"), text);
            assertTrue(text.contains("✔ PASS"), text);
            assertFalse(
                    text.lines()
                            .anyMatch(l -> l.strip().equals("FAIL") || l.strip().equals("PASS")),
                    text);
        }
    }

    @Test
    void codeIsSetInTheBundledMonospaceFontAndOnlyTextFontsThatAreUsedAreEmbedded() throws IOException {
        byte[] withCode = PdfReport.render(
                "# Code\n\nRun `kpi-collector --print-config` first.\n",
                "T",
                "H",
                Map.of(),
                false,
                Instant.parse("2026-01-01T00:00:00Z"));
        try (PDDocument pdf = PDDocument.load(withCode)) {
            java.util.Set<String> fonts = new java.util.TreeSet<>();
            for (var name : pdf.getPage(0).getResources().getFontNames()) {
                fonts.add(pdf.getPage(0).getResources().getFont(name).getName().replaceFirst("^[A-Z]{6}\\+", ""));
            }
            assertEquals(java.util.Set.of("DejaVuSans", "DejaVuSans-Bold", "DejaVuSansMono"), fonts);
            assertTrue(new PDFTextStripper().getText(pdf).contains("kpi-collector --print-config"));
        }
        try (PDDocument pdf = PDDocument.load(render())) {
            for (var name : pdf.getPage(0).getResources().getFontNames()) {
                assertFalse(
                        pdf.getPage(0).getResources().getFont(name).getName().contains("Mono"));
            }
        }
    }

    @Test
    void theSameInputGivesTheSameBytes() {
        assertArrayEquals(render(), render());
    }
}
