package dev.gaday.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Values an attacker controls (a Prometheus label, a pod name) as they would reach a Markdown table cell. */
class MarkdownTextHostileValuesTest {
    @Test
    void rightToLeftOverrideAndOtherBidiControlsAreNotKept() {
        String escaped = MarkdownText.escape("checkout\u202Etxt.exe");
        assertEquals("checkout txt.exe", escaped);
        for (char c : new char[] {
            '\u061c', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u2066', '\u2067', '\u2068', '\u2069'
        }) {
            assertEquals("a b", MarkdownText.escape("a" + c + "b"), Integer.toHexString(c));
        }
    }

    @Test
    void nulAndCarriageReturnCannotBreakARowOrHideText() {
        assertEquals("a b c", MarkdownText.escape("a\u0000b\rc"));
        assertEquals("x \\| y", MarkdownText.escape("x\r\n| y"));
    }

    @Test
    void htmlAndLinksStayText() {
        assertEquals("\\<script\\>alert(1)\\</script\\>", MarkdownText.escape("<script>alert(1)</script>"));
        String link = MarkdownText.escape("[click](javascript:alert(1))");
        assertTrue(link.startsWith("\\[click\\]"), link);
        assertEquals("\\<javascript:alert(1)\\>", MarkdownText.escape("<javascript:alert(1)>"));
        assertFalse(MarkdownText.escape("![img](http://x/y.png)").startsWith("!["));
    }
}
