package dev.gaday.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.cli.CommandRun;
import dev.gaday.common.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verdict and every failure mode map to the documented exit code, with one stderr line. */
class ExitCodesTest {
    @TempDir
    Path dir;

    private Path inputs(boolean wsPass) {
        Path inputs = dir.resolve("in");
        Fixtures.writeInputs(inputs, "web", wsPass);
        return inputs;
    }

    @Test
    void aFailedGateIsNotCertified() throws IOException {
        CommandRun run = CommandRunner.run(
                "--inputs", inputs(false).toString(), "-o", dir.resolve("out").toString(), "--certify-only");
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("NOT CERTIFIED"));
        var metadata = Json.mapper()
                .readTree(dir.resolve("out/certification_metadata.json").toFile());
        assertEquals("NOT_CERTIFIED", metadata.get("certificationStatus").asText());
        assertEquals("FAIL", metadata.get("gates").get(1).get("status").asText());
    }

    @Test
    void aMissingGateInputIsInconclusive() throws IOException {
        Path in = inputs(true);
        Files.delete(in.resolve("ws_health_metrics.json"));
        CommandRun run = CommandRunner.run(
                "--inputs", in.toString(), "-o", dir.resolve("out").toString(), "--certify-only");
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.out().contains("INCONCLUSIVE"));
    }

    @Test
    void malformedInputIsOneLineNamingFileAndLine() throws IOException {
        Path in = inputs(true);
        Path summary = in.resolve("ga_kpi_summary.json");
        String text = Files.readString(summary);
        Files.writeString(summary, text.replaceFirst("\"partial\" : false,", "\"partial\" : false,,"));
        CommandRun run = CommandRunner.run(
                "--inputs", in.toString(), "-o", dir.resolve("out").toString());
        assertEquals(4, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        long line = text.substring(0, text.indexOf("\"partial\""))
                        .chars()
                        .filter(c -> c == '\n')
                        .count()
                + 1;
        assertTrue(run.err().contains(summary + ":" + line + ":"), run.err());
        assertFalse(Files.exists(dir.resolve("out/package")));
    }

    @Test
    void windowOptionsMustMatchTheKpiSummary() {
        CommandRun run = CommandRunner.run(
                "--inputs",
                inputs(true).toString(),
                "-o",
                dir.resolve("out").toString(),
                "--ga-start",
                "2026-11-21T00:00:00Z",
                "--certify-only");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--ga-start 2026-11-21T00:00:00Z does not match"), run.err());
        CommandRun bad = CommandRunner.run(
                "--ga-start", "yesterday", "-o", dir.resolve("out").toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--ga-start 'yesterday' is not a time"), bad.err());
    }

    @Test
    void strictFailsOnUnfilledPlaceholdersAndWritesNothing() throws IOException {
        Path out = dir.resolve("out");
        CommandRun run = CommandRunner.run("--inputs", inputs(true).toString(), "-o", out.toString(), "--strict");
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().contains("--strict: "), run.err());
        assertTrue(run.err().contains("TOTAL_DRIFT_CHECKS") || run.err().contains("placeholders have no value"));
        assertFalse(Files.exists(out), "not even the empty output directory the run created");
    }

    @Test
    void strictPassesWhenEveryPlaceholderHasAValue() throws IOException {
        Path template = dir.resolve("t.md");
        Files.writeString(
                template,
                "# {{RELEASE_NAME}}\n\nAvailability {{OVERALL_AVAILABILITY}}%\n\n"
                        + "| Criterion | Target | Actual | Status |\n|---|---|---|---|\n{{INSERT_CERTIFICATION_CRITERIA}}\n");
        CommandRun run = CommandRunner.run(
                "--inputs",
                inputs(true).toString(),
                "-o",
                dir.resolve("out").toString(),
                "--strict",
                "--template",
                template.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
    }

    @Test
    void aBadBindingIsAUsageError() throws IOException {
        Path in = inputs(true);
        Files.writeString(in.resolve("release.yaml"), "version: '1'\nbindings:\n  X_VALUE: 'nosuchfile.json:a.b'\n");
        CommandRun run = CommandRunner.run(
                "--inputs", in.toString(), "-o", dir.resolve("out").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("bindings.X_VALUE"), run.err());
    }

    @Test
    void aMalformedReleaseFileNamesItsLine() throws IOException {
        Path in = inputs(true);
        Files.writeString(in.resolve("release.yaml"), "version: '1'\ntimeline:\n  - {event: x, phase: during}\n");
        CommandRun run = CommandRunner.run(
                "--inputs", in.toString(), "-o", dir.resolve("out").toString());
        assertEquals(4, run.exitCode());
        assertTrue(run.err().contains("release.yaml:3"), run.err());
        assertTrue(run.err().contains("phase must be pre, ga or post"), run.err());
    }
}
