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

/** The template's canary section from a drift-detector canary run, and what it says after any other drift mode. */
class CanarySectionTest {
    @TempDir
    Path dir;

    private String report(Path in) throws IOException {
        Path out = dir.resolve("out-" + in.getFileName());
        CommandRun run = CommandRunner.run("--inputs", in.toString(), "-o", out.toString());
        assertTrue(run.exitCode() <= 1, run.err());
        return Files.readString(out.resolve("package/GA_DAY_REPORT.md"));
    }

    @Test
    void aCanaryRunFillsTheCanarySection() throws IOException {
        Path in = dir.resolve("canary");
        Fixtures.writeInputs(in, "web", true);
        Json.writeFile(in.resolve("drift_analysis.json"), ToolFixtures.canary());
        // The release file's values: win over the tools' (they are the user's word); this one gives no comparison.
        String release = Fixtures.RELEASE_YAML.replace(
                "  INSERT_CANARY_BASELINE_COMPARISON:\n    - [\"error rate\", \"0.05%\", \"0.06%\", \"+0.01\", \"PASS\"]\n",
                "");
        assertFalse(release.contains("INSERT_CANARY_BASELINE_COMPARISON"), release);
        Files.writeString(in.resolve("release.yaml"), release);
        String md = report(in);
        assertTrue(md.contains("- **Canary Start:** 2026-"), md);
        assertTrue(md.contains("- **Canary Duration:** 30 minutes"), md);
        assertTrue(md.contains("- **Success Rate:** 99.1%"), md);
        assertTrue(md.contains("- **Error Rate:** 0.9%"), md);
        assertTrue(md.contains("- **Canary Gate Decision:** FAIL"), md);
        assertTrue(md.contains("drift-detector canary: FAIL, 2 checks, 1 drifted, 1 critical"), md);
        // Stable against canary, in each metric's unit, the failed check first.
        assertTrue(md.contains("| error\\_ratio (checkout) | 0.12% | 0.9% | +650% | ✘ High (critical) |"), md);
        assertTrue(md.contains("| latency\\_p99 (checkout) | 300 ms | 306 ms | +2% | Pass |"), md);
    }

    @Test
    void aCompareRunSaysItIsNotACanaryRun() throws IOException {
        Path in = dir.resolve("compare");
        Fixtures.writeInputs(in, "web", true);
        Json.writeFile(in.resolve("drift_analysis.json"), ToolFixtures.drift(false));
        String md = report(in);
        assertFalse(md.contains("- **Canary Start:** 2026-"), md);
        String unfilled = Files.readString(dir.resolve("out-compare/package/UNFILLED_PLACEHOLDERS.txt"));
        assertTrue(
                unfilled.contains("CANARY_START_TIME\t")
                        && unfilled.contains("drift_analysis.json is a compare run, not a canary run"),
                unfilled);
        assertEquals(
                unfilled.lines().filter(l -> l.contains("not a canary run")).count(),
                unfilled.lines()
                        .filter(l -> l.startsWith("CANARY_") || l.startsWith("INSERT_CANARY_"))
                        .filter(l -> !l.startsWith("CANARY_TRAFFIC_PERCENT"))
                        .count(),
                unfilled);
    }
}
