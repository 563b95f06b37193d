package dev.gaday.kpi.faults;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.cli.CommandRun;
import dev.gaday.common.prometheus.faults.FaultServer;
import dev.gaday.kpi.CollectKpisCommandAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Label values an attacker controls reach ga_kpi_summary.md only escaped, as text. */
class HostileLabelsTest {
    private static final String HOSTILE = "<script>alert(1)</script>\u0000\r\n| [x](javascript:alert(1)) "
            + "<javascript:alert(2)> **bold** \u202Egnp.exe";

    @TempDir
    Path temp;

    @Test
    void labelValuesAreEscapedInTheMarkdownSummary() throws Exception {
        Path output = temp.resolve("kpis");
        try (FaultServer server = FaultServer.labelled(Map.of("service", HOSTILE))) {
            CommandRun run = CommandRun.of(
                    CollectKpisCommandAccess.plain(),
                    "--prometheus-url",
                    server.url(),
                    "--ga-start",
                    "2026-01-15T00:00:00Z",
                    "--ga-end",
                    "2026-01-15T01:00:00Z",
                    "--interval",
                    "30m",
                    "--no-kubernetes",
                    "--output",
                    output.toString());
            assertTrue(run.exitCode() == 0 || run.exitCode() == 1 || run.exitCode() == 3, run.err());
        }
        String markdown = Files.readString(output.resolve("ga_kpi_summary.md"));
        assertTrue(markdown.contains("\\<script\\>alert(1)\\</script\\>"), markdown);
        assertFalse(markdown.contains("<script>"), markdown);
        assertFalse(markdown.contains("[x](javascript:"), markdown);
        assertTrue(markdown.contains("\\[x\\](javascript:alert(1))"), markdown);
        assertTrue(markdown.contains("\\<javascript:alert(2)\\>"), markdown);
        assertFalse(
                java.util.regex.Pattern.compile("(?<!\\\\)<").matcher(markdown).find(), "an unescaped <");
        assertFalse(markdown.contains("**bold**"), markdown);
        assertFalse(markdown.contains("\u0000"), "NUL");
        assertFalse(markdown.contains("\r"), "CR");
        assertFalse(markdown.contains("\u202E"), "U+202E");
        // The hostile name is one table cell: its '|' cannot open another column.
        String row = markdown.lines()
                .filter(l -> l.contains("alert(1)") && l.startsWith("| ") && l.contains("%"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(markdown));
        assertTrue(row.contains("\\|"), row);
    }
}
