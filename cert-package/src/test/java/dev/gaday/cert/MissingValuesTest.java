package dev.gaday.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.cert.report.MissingUnits;
import dev.gaday.common.cli.CommandRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** N/A is never followed by a unit: "N/A%" or "N/A ms" would read as a measurement. */
class MissingValuesTest {
    private static final Pattern NA_WITH_UNIT =
            Pattern.compile("N/A ?(%|ms|s|sec|min|minutes|hours|days|GB|MB|Mbps|pp|/sec|/5)(?![A-Za-z0-9])");

    @Test
    void unitsAfterMissingPlaceholdersAreDroppedAndOthersKept() {
        String template = "A {{AVAIL}}% B {{P99}}ms C {{HOURS}} hours D {{KEPT}}% E {{GA}} GA F {{RATE}}/sec "
                + "G {{LATENCY}} msg";
        assertEquals(
                "A {{AVAIL}} B {{P99}} C {{HOURS}} D {{KEPT}}% E {{GA}} GA F {{RATE}} G {{LATENCY}} msg",
                MissingUnits.dropAfterMissing(template, Set.of("KEPT")));
    }

    @Test
    void theUserTemplateWithoutToolFilesHasNoUnitAfterNa(@TempDir Path dir) throws IOException {
        Path template = dir.resolve("GA_DAY_REPORT.md");
        try (var in = MissingValuesTest.class.getResourceAsStream("/user-template-GA_DAY_REPORT.md")) {
            Files.write(template, in.readAllBytes());
        }
        Path inputs = Files.createDirectories(dir.resolve("in"));
        Files.writeString(inputs.resolve("release.yaml"), Fixtures.RELEASE_YAML);
        CommandRun run = CommandRunner.run(
                "--inputs",
                inputs.toString(),
                "--template",
                template.toString(),
                "--ga-start",
                "2026-11-22T00:00:00Z",
                "--ga-end",
                "2026-11-23T00:00:00Z",
                "-o",
                dir.resolve("out").toString());
        assertEquals(3, run.exitCode(), run.err());
        String report = Files.readString(dir.resolve("out/package/GA_DAY_REPORT.md"));
        // The bullets no input fills leave their list and are named once, with what would fill them.
        assertTrue(
                report.contains("- **Hotfixes:** 1\n\n*Availability, SLO Compliance, Error Rate, P99 Latency — not "
                        + "measured: run kpi-collector collect and pass its ga_kpi_summary.json; run slo-monitor and "
                        + "pass its slo_status.json with --inputs.*"),
                report.lines()
                        .filter(l -> l.contains("Availability"))
                        .findFirst()
                        .orElse(""));
        assertFalse(report.contains("- **Availability:** N/A"), report);
        Matcher bad = NA_WITH_UNIT.matcher(report);
        assertFalse(
                bad.find(),
                () -> "a unit after N/A: "
                        + report.substring(Math.max(0, bad.start() - 40), Math.min(report.length(), bad.end() + 10)));
    }
}
