package dev.gaday.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.cli.CommandRun;
import dev.gaday.drift.config.DriftConfig;
import dev.gaday.drift.config.DriftConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input of every kind: one line on stderr, the documented exit code, no output file. */
class CommandLineTest {
    @TempDir
    Path temp;

    private CommandRun run(String... args) {
        return CommandRun.of(new DetectDriftCommand(), args);
    }

    private static void oneLine(CommandRun r, int exitCode, String fragment) {
        assertEquals(exitCode, r.exitCode(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains(fragment), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    private Path config(String yaml) throws IOException {
        Path file = temp.resolve("drift.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private CommandRun canaryWith(Path config) {
        return run(
                "canary",
                "--prometheus-url",
                "http://127.0.0.1:1",
                "--canary",
                "track=\"canary\"",
                "--stable",
                "track=\"stable\"",
                "--from",
                "2026-01-01T00:00:00Z",
                "--to",
                "2026-01-01T02:00:00Z",
                "--config",
                config.toString(),
                "-o",
                temp.resolve("out").toString());
    }

    @Test
    void theBuiltInMetricSetIsValid() {
        DriftConfig config = DriftConfigLoader.load(null);
        assertEquals(7, config.metrics().size());
        assertEquals(
                100,
                config.groups().values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum(),
                1e-9);
        assertTrue(config.metrics().get(0).isCritical());
    }

    @Test
    void withoutACommandItIsAUsageError() {
        oneLine(run(), 2, "choose a command");
    }

    @Test
    void malformedYamlIsOneLineAndExit2() throws IOException {
        oneLine(canaryWith(config("metrics: [\n  - name: x\n")), 2, "drift.yaml");
        assertFalse(Files.exists(temp.resolve("out")));
    }

    @Test
    void unknownKeysAndWrongKindsAreRefused() throws IOException {
        String base = new String(DriftConfigLoader.class
                .getResourceAsStream("default-drift.yaml")
                .readAllBytes());
        oneLine(canaryWith(config(base + "colour: blue\n")), 2, "colour");
        oneLine(canaryWith(config(base.replace("kind: gauge", "kind: histogram"))), 2, "kind must be one of");
        oneLine(canaryWith(config(base.replace("direction: decrease", "direction: down"))), 2, "direction 'down'");
    }

    @Test
    void anUnknownKeyIsNamedWithItsOwnLineAndNoClassName() throws IOException {
        String base = new String(DriftConfigLoader.class
                .getResourceAsStream("default-drift.yaml")
                .readAllBytes());
        List<String> lines = new java.util.ArrayList<>(base.lines().toList());
        lines.add(2, "version: 2");
        Path file = config(String.join("\n", lines) + "\n");
        CommandRun run = canaryWith(file);
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(
                List.of("drift-detector: error: " + file + ":3: unknown key 'version' (known keys: alpha, "
                        + "confidence, groups, metrics, minSamples, practicalPercent, score, severity, step)"),
                run.errLines());
        assertFalse(run.err().contains("dev.gaday") || run.err().contains("class"), run.err());

        // A typo in a list item, far down the file: that item's line, and the key it likely meant.
        int line = base.lines().toList().indexOf("    group: latency") + 1;
        file = config(base.replaceFirst("    group: latency", "    gruop: latency"));
        run = canaryWith(file);
        assertEquals(
                List.of("drift-detector: error: " + file + ":" + line
                        + ": unknown key 'gruop' in metrics[1] (did you mean 'group'?)"),
                run.errLines());
    }

    @Test
    void weightsThatDoNotSumToHundredAreRefused() throws IOException {
        String base = new String(DriftConfigLoader.class
                .getResourceAsStream("default-drift.yaml")
                .readAllBytes());
        oneLine(
                canaryWith(config(base.replace("traffic: 10", "traffic: 20"))),
                2,
                "group weights must sum to 100, they sum to 110");
    }

    @Test
    void aBaselineOfAnotherKindIsRefused() throws IOException {
        Path file = temp.resolve("summary.json");
        Files.writeString(file, "{\"schemaVersion\": 1, \"kind\": \"ga-kpi-summary\"}");
        oneLine(
                run(
                        "compare",
                        "--prometheus-url",
                        "http://127.0.0.1:1",
                        "--baseline",
                        file.toString(),
                        "--from",
                        "2026-01-01T00:00:00Z",
                        "--to",
                        "2026-01-01T02:00:00Z"),
                2,
                "kind is 'ga-kpi-summary', expected 'drift-baseline'");
        oneLine(
                run(
                        "compare",
                        "--prometheus-url",
                        "http://127.0.0.1:1",
                        "--baseline",
                        temp.resolve("none.json").toString(),
                        "--from",
                        "2026-01-01T00:00:00Z",
                        "--to",
                        "2026-01-01T02:00:00Z"),
                2,
                "no such file");
    }

    @Test
    void aTruncatedBaselineIsMalformedInputExit4() throws IOException {
        Path file = temp.resolve("bad.json");
        Files.writeString(file, "{\n");
        Path out = temp.resolve("out");
        CommandRun r = run(
                "compare",
                "--prometheus-url",
                "http://127.0.0.1:1",
                "--baseline",
                file.toString(),
                "--from",
                "2026-01-01T00:00:00Z",
                "--to",
                "2026-01-01T02:00:00Z",
                "-o",
                out.toString());
        oneLine(r, 4, file + ":2:1: Unexpected end-of-input");
        assertTrue(r.err().startsWith("drift-detector: error: " + file + ":2:1: "), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aBaselineWithABadValueIsMalformedInputExit4() throws IOException {
        Path file = temp.resolve("bad.json");
        Files.writeString(file, "{\"schemaVersion\": 1, \"kind\": \"drift-baseline\", \"stepSeconds\": \"x\"}");
        CommandRun r = run(
                "compare",
                "--prometheus-url",
                "http://127.0.0.1:1",
                "--baseline",
                file.toString(),
                "--from",
                "2026-01-01T00:00:00Z",
                "--to",
                "2026-01-01T02:00:00Z");
        oneLine(r, 4, file.toString());
    }

    @Test
    void anUnreachableServerIsExit4WithNoOutput() {
        Path out = temp.resolve("out");
        CommandRun r = run(
                "canary",
                "--prometheus-url",
                "http://127.0.0.1:1",
                "--max-retries",
                "0",
                "--canary",
                "track=\"canary\"",
                "--stable",
                "track=\"stable\"",
                "--from",
                "2026-01-01T00:00:00Z",
                "--to",
                "2026-01-01T02:00:00Z",
                "-o",
                out.toString());
        oneLine(r, 4, "127.0.0.1:1");
        assertFalse(Files.exists(out.resolve("drift_analysis.json")));
    }

    @Test
    void windowsAreChecked() {
        oneLine(
                run(
                        "canary",
                        "--prometheus-url",
                        "http://127.0.0.1:1",
                        "--canary",
                        "a=\"b\"",
                        "--stable",
                        "a=\"b\"",
                        "--from",
                        "2026-01-01T00:00:00Z",
                        "--to",
                        "2026-01-01T02:00:00Z"),
                2,
                "the same series");
        oneLine(
                run(
                        "canary",
                        "--prometheus-url",
                        "http://127.0.0.1:1",
                        "--canary",
                        "a=\"c\"",
                        "--stable",
                        "a=\"b\"",
                        "--from",
                        "2026-01-01T02:00:00Z",
                        "--to",
                        "2026-01-01T00:00:00Z"),
                2,
                "is not after");
        oneLine(
                run("deploy", "--prometheus-url", "http://127.0.0.1:1", "--at", "now-1h", "--window", "2h"),
                2,
                "in the future");
        oneLine(
                run(
                        "capture",
                        "--prometheus-url",
                        "http://127.0.0.1:1",
                        "--from",
                        "2026-01-01T00:00:00Z",
                        "--to",
                        "2026-01-01T00:00:30Z"),
                2,
                "shorter than one step");
        oneLine(
                run(
                        "compare",
                        "--prometheus-url",
                        "http://127.0.0.1:1",
                        "--baseline",
                        "b.json",
                        "--from",
                        "2026-01-01T00:00:00Z",
                        "--to",
                        "2026-01-01T02:00:00Z",
                        "--duration",
                        "1h",
                        "--interval",
                        "5m"),
                2,
                "mutually exclusive");
    }
}
