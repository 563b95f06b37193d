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
}
