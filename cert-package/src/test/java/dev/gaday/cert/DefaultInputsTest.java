package dev.gaday.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.cli.CommandRun;
import dev.gaday.common.cli.RunSummarySchema;
import dev.gaday.common.io.AtomicFiles;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.kpi.KpiSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spec's command line (--ga-start, --ga-end, --output-dir, --include-artifacts; no --inputs), run where the
 * tools wrote their outputs in their default locations, builds the full package and says what it found.
 */
class DefaultInputsTest {
    @TempDir
    Path work;

    private void writeToolOutputs(boolean wsPass) throws IOException {
        Path kpis = Files.createDirectories(work.resolve("ga_kpis"));
        Json.writeFile(kpis.resolve("ga_kpi_summary.json"), Fixtures.summary("web-frontend"));
        for (KpiSnapshot snapshot : Fixtures.snapshots()) {
            Json.writeFile(kpis.resolve(KpiSnapshot.fileName(snapshot.sequence())), snapshot);
        }
        AtomicFiles.writeString(kpis.resolve("ga_kpi_summary.md"), "# KPIs\n");
        Path ws = Files.createDirectories(work.resolve("ws_health"));
        Json.writeFile(ws.resolve("ws_health_metrics.json"), Fixtures.ws("wss://ws.example.com/live", wsPass));
        AtomicFiles.writeString(work.resolve("release.yaml"), Fixtures.RELEASE_YAML);
    }

    private CommandRun run(String... extra) {
        BuildCertPackageCommand command =
                new BuildCertPackageCommand(Map.of("SOURCE_DATE_EPOCH", "1795478400"), CommandRunner.CLOCK);
        command.workingDirectory = work;
        List<String> args = new java.util.ArrayList<>(List.of(
                "--ga-start",
                Fixtures.START.toString(),
                "--ga-end",
                Fixtures.END.toString(),
                "--output-dir",
                work.resolve("ga_certification").toString(),
                "--include-artifacts"));
        args.addAll(List.of(extra));
        return CommandRun.of(command, args.toArray(String[]::new));
    }

    @Test
    void theSpecsCommandLineFindsTheToolsOutputsAndCertifies() throws IOException {
        writeToolOutputs(true);
        CommandRun run = run();
        assertEquals(0, run.exitCode(), run.err() + run.out());
        int snapshots = Fixtures.snapshots().size();
        assertTrue(
                run.err()
                        .contains(
                                "cert-package: no --inputs: read the tools' default output locations; found "
                                        + "ga_kpis/ (ga_kpi_summary.json, " + snapshots
                                        + " snapshots), ws_health/ (ws_health_metrics.json), "
                                        + "the current directory (release.yaml); not found: drift/, slo_monitor/, ga_validation/"),
                run.err());
        Path pkg = work.resolve("ga_certification/package");
        assertTrue(Files.isRegularFile(pkg.resolve("ga_kpi_summary.json")));
        assertTrue(Files.isRegularFile(pkg.resolve("ws_health_metrics.json")));
        assertTrue(Files.isRegularFile(pkg.resolve("release.yaml")));
        try (var files = Files.walk(pkg)) {
            assertEquals(
                    snapshots,
                    files.filter(f -> f.getFileName().toString().matches("snapshot_\\d+\\.json"))
                            .count());
        }
        assertTrue(run.out().startsWith("cert-package: "), run.out());
        assertTrue(
                run.out()
                        .lines()
                        .findFirst()
                        .orElseThrow()
                        .matches(
                                "cert-package: (\u2714 |\u26a0 )?(PASS|WARN) - certification CERTIFIED( WITH WARNINGS)?"),
                run.out());
        String report = Files.readString(pkg.resolve("GA_DAY_REPORT.md"));
        // The KPI summary from ga_kpis/ and the WebSocket run from ws_health/ were read: their values and gates.
        assertTrue(report.contains("| checkout-api | 99.87% |"), report);
        assertTrue(report.contains("WebSocket reconnect compliance"), report);
        assertFalse(report.contains("KPI certification (no input)"), report);
    }

    @Test
    void aFileNamedAloneWhereNoToolWroteAnythingIsOneLine() throws IOException {
        Path directory = Files.createDirectories(work.resolve("not-a-file"));
        CommandRun run = run("--kpi-summary", directory.toString());
        assertEquals(4, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), "no note about default locations first: " + run.err());
        assertTrue(run.err().contains("input " + directory + " is a directory"), run.err());
    }

    @Test
    void aFailedGateEndsWithTheFailedCriteriaAndJsonFollowsTheSchema() throws IOException {
        writeToolOutputs(false);
        CommandRun human = run();
        assertEquals(1, human.exitCode(), human.err());
        List<String> lines = human.out().lines().toList();
        assertTrue(lines.get(0).matches("cert-package: (\u2718 )?FAIL - certification NOT CERTIFIED"), human.out());
        assertTrue(
                lines.stream()
                        .anyMatch(
                                l -> l.matches("  (\u2718 )?FAIL  .*\\(wss://ws.example.com/live\\): .*" + "needs .*")),
                human.out());
        assertTrue(lines.get(lines.size() - 1).startsWith("  files: "), human.out());

        CommandRun json = run("--format", "json");
        assertEquals(1, json.exitCode(), json.err());
        dev.gaday.common.cli.RunReport report = RunSummarySchema.report(json.out());
        assertEquals("FAIL", report.verdict());
        assertEquals("cert-package", report.tool());
        assertTrue(report.findings().size() >= 1);
        assertEquals(
                dev.gaday.common.verdict.Status.FAIL, report.findings().get(0).severity());
    }
}
