package dev.gaday.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.cli.CommandRun;
import dev.gaday.common.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs found by spec name across --inputs directories; future tools' files slot in by name. */
class InputDiscoveryTest {
    @TempDir
    Path dir;

    @Test
    void aFileFoundInTwoDirectoriesIsAUsageErrorUnlessAnOptionPicksOne() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Fixtures.writeInputs(a, "web", true);
        Fixtures.writeInputs(b, "web", false);
        CommandRun run = CommandRunner.run(
                "--inputs",
                a.toString(),
                "--inputs",
                b.toString(),
                "-o",
                dir.resolve("out").toString(),
                "--certify-only");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("ga_kpi_summary.json found in two --inputs directories"), run.err());
        CommandRun picked = CommandRunner.run(
                "--inputs",
                a.toString(),
                "--kpi-summary",
                b.resolve("ga_kpi_summary.json").toString(),
                "--ws-health",
                b.resolve("ws_health_metrics.json").toString(),
                "--release",
                b.resolve("release.yaml").toString(),
                "--snapshots",
                b.toString(),
                "-o",
                dir.resolve("out").toString(),
                "--certify-only");
        assertEquals(1, picked.exitCode(), picked.err() + " (b's WebSocket run fails its gate)");
    }

    @Test
    void driftAndSloFilesFillTheirPlaceholders() throws IOException {
        Path in = dir.resolve("in");
        Fixtures.writeInputs(in, "web", true);
        Json.writeFile(in.resolve("drift_analysis.json"), ToolFixtures.drift(false));
        Json.writeFile(in.resolve("slo_status.json"), ToolFixtures.slo(false));
        Path template = dir.resolve("t.md");
        Files.writeString(
                template,
                "- checks {{TOTAL_DRIFT_CHECKS}}\n- detected {{DRIFTS_DETECTED}}\n"
                        + "- slo {{SLO_COMPLIANCE_STATUS}}\n\n### Drift Details\n{{INSERT_DRIFT_DETAILS}}\n");
        Path out = dir.resolve("out");
        CommandRun run = CommandRunner.run(
                "--inputs", in.toString(), "--template", template.toString(), "-o", out.toString(), "--strict");
        assertEquals(0, run.exitCode(), run.err());
        String report = Files.readString(out.resolve("package/GA_DAY_REPORT.md"));
        assertTrue(report.contains("- checks 2\n- detected 0\n- slo PASS\n"), report);
        assertTrue(report.contains("No drift: 2 checks, none drifted."), report);
        assertTrue(Files.exists(out.resolve("package/drift_analysis.json")), "copied into the package");
    }
}
