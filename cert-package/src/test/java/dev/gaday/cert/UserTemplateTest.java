package dev.gaday.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.cli.CommandRun;
import dev.gaday.common.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's own template with every tool's file among the inputs: what stays unfilled is only what no tool
 * measures (the release file's and the bindings' domain), never a placeholder a given tool file could fill.
 */
class UserTemplateTest {
    @TempDir
    Path dir;

    @Test
    void withEveryToolFileOnlyTheReleaseFilesDomainStaysUnfilled() throws IOException {
        Path in = dir.resolve("in");
        Fixtures.writeInputs(in, "web", true);
        Json.writeFile(in.resolve("validation_results.json"), GatesTest.validation(true));
        Files.writeString(in.resolve("validation_results.html"), "<html><body>validation</body></html>");
        Json.writeFile(in.resolve("drift_analysis.json"), ToolFixtures.drift(false));
        Json.writeFile(in.resolve("slo_status.json"), ToolFixtures.slo(false));
        Path template = dir.resolve("GA_DAY_REPORT.md");
        try (InputStream stream = getClass().getResourceAsStream("/user-template-GA_DAY_REPORT.md")) {
            Files.write(template, stream.readAllBytes());
        }
        Path out = dir.resolve("out");
        CommandRun run =
                CommandRunner.run("--inputs", in.toString(), "--template", template.toString(), "-o", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> unfilled = Files.readAllLines(out.resolve("package/UNFILLED_PLACEHOLDERS.txt")).stream()
                .filter(line -> line.contains("\t"))
                .toList();
        assertTrue(!unfilled.isEmpty(), "the template asks for things no tool measures");
        for (String line : unfilled) {
            for (String file : List.of(
                    "ga_kpi_summary.json",
                    "ws_health_metrics.json",
                    "drift_analysis.json",
                    "slo_status.json",
                    "validation_results.json",
                    "validation_results.html")) {
                assertTrue(!line.contains("no input file " + file), "a given tool file leaves it unfilled: " + line);
            }
        }
    }

    /**
     * With a canary run as the drift input, what stays unfilled is what only people know: every reason points to
     * the release file (its values:, bindings: or parts), none to a tool.
     */
    @Test
    void withACanaryRunEveryUnfilledPlaceholderIsTheReleaseFilesDomain() throws IOException {
        Path in = dir.resolve("in");
        Fixtures.writeInputs(in, "web", true);
        Json.writeFile(in.resolve("validation_results.json"), GatesTest.validation(true));
        Files.writeString(in.resolve("validation_results.html"), "<html><body>validation</body></html>");
        Json.writeFile(in.resolve("drift_analysis.json"), ToolFixtures.canary());
        Json.writeFile(in.resolve("slo_status.json"), ToolFixtures.slo(false));
        Path template = dir.resolve("GA_DAY_REPORT.md");
        try (InputStream stream = getClass().getResourceAsStream("/user-template-GA_DAY_REPORT.md")) {
            Files.write(template, stream.readAllBytes());
        }
        Path out = dir.resolve("out");
        CommandRun run =
                CommandRunner.run("--inputs", in.toString(), "--template", template.toString(), "-o", out.toString());
        assertTrue(run.exitCode() <= 1, run.err());
        List<String> reasons = Files.readAllLines(out.resolve("package/UNFILLED_PLACEHOLDERS.txt")).stream()
                .filter(line -> !line.startsWith("#") && line.contains("\t"))
                .toList();
        assertTrue(!reasons.isEmpty(), "the template asks for things no tool measures");
        List<String> toolReasons = reasons.stream()
                .filter(line -> {
                    String reason = line.substring(line.lastIndexOf('\t') + 1);
                    return !reason.startsWith("not measured by the toolkit") && !reason.startsWith("release file");
                })
                .toList();
        // Besides, only what these files do not hold: no load or security checks in the validation suite, no
        // latency or error-rate SLO, no --include-artifacts. No reason names a missing file or the wrong run.
        assertEquals(
                List.of(
                        "INSERT_LOAD_TEST_RESULTS\tvalidation_results.json has no load checks",
                        "INSERT_SECURITY_TEST_RESULTS\tvalidation_results.json has no security checks",
                        "LATENCY_ERROR_BUDGET\tslo_status.json has no latency SLO",
                        "ERROR_RATE_ERROR_BUDGET\tslo_status.json has no errorRate SLO",
                        "INSERT_BENCHMARK_DATA\tno artifacts included (--include-artifacts) and no links"),
                toolReasons.stream()
                        .map(line -> line.substring(0, line.indexOf('\t')) + line.substring(line.lastIndexOf('\t')))
                        .toList(),
                String.join("\n", reasons));
    }
}
