package dev.gaday.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.cert.pdf.PdfReport;
import dev.gaday.common.text.MarkdownText;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Escaped text renders as exactly itself, wherever it lands in a Markdown document. */
class MarkdownTextTest {
    private static String paragraphText(String markdown) {
        String html = PdfReport.bodyHtml(markdown).strip();
        assertTrue(html.startsWith("<p>") && html.endsWith("</p>"), html);
        return html.substring(3, html.length() - 4)
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&amp;", "&");
    }

    @Test
    void markupAtTheStartOfALineStaysText() {
        for (String raw : List.of(
                "# not a heading",
                "- not a list",
                "+ not a list",
                "1. not a list",
                "2) no",
                "> not a quote",
                "--- ",
                "=====",
                "***",
                "<div>x</div>",
                "&lt; entity",
                "`code`",
                "![i](x.png)",
                "[l](http://x)",
                "a | b",
                "{{GA_START_TIME}}",
                "_em_",
                "~~del~~",
                "a\\b")) {
            String markdown = MarkdownText.escape(raw);
            assertEquals(raw.strip(), paragraphText(markdown), raw);
        }
    }

    @Test
    void lineBreaksAndControlCharactersCollapse() {
        assertEquals("a \\# b c", MarkdownText.escape("a\n\n# b\r\tc"));
        assertFalse(MarkdownText.escape("x\u2028- y").contains("\n"));
    }

    @Test
    void plainNumbersAndNamesAreLeftReadable() {
        assertEquals("99.894", MarkdownText.escape("99.894"));
        assertEquals("checkout-api", MarkdownText.escape("checkout-api"));
        assertEquals("-5", MarkdownText.escape("-5"));
    }

    @Test
    void tableCellsCannotSplitAndLinksOnlyHttp() {
        assertEquals("| a \\| b | c |", MarkdownText.rows(List.of(List.of("a | b", "c"))));
        assertEquals("[Fleet](https://g.example/d?a=%28x%29)", MarkdownText.link("Fleet", "https://g.example/d?a=(x)"));
        assertEquals(
                "x (javascript:alert\\(1\\))".replace("\\(", "(").replace("\\)", ")"),
                MarkdownText.link("x", "javascript:alert(1)"));
    }
}
