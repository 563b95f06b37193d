package dev.gaday.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gaday.common.cli.CommandRun;
import dev.gaday.common.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MTTR in the report comes from the incidents people recorded (the release file's mttrMinutes, averaged) when
 * they give it, else from kpi-collector's down periods; downtime is the time a service was down.
 */
class RecoveryTimeTest {
    private static final String TEMPLATE = "# Report\n\n"
            + "Downtime {{TOTAL_DOWNTIME_MINUTES}} min, below target {{TIME_BELOW_TARGET_MINUTES}} min, "
            + "MTTR {{MEAN_TIME_TO_RECOVERY}} min\n";

    @TempDir
    Path dir;

    @Test
    void theIncidentsRecoveryTimesWin() throws IOException {
        assertEquals("Downtime 12.5 min, below target 45 min, MTTR 38 min", line(Fixtures.RELEASE_YAML));
    }

    @Test
    void severalIncidentsGiveTheirMean() throws IOException {
        String release = Fixtures.RELEASE_YAML.replace(
                "actionItems:",
                """
                  - {id: INC-8, title: "Search timeouts", severity: SEV-3, mttrMinutes: 21}
                  - {id: INC-9, title: "Noise, no recovery time", severity: SEV-4}
                actionItems:""");
        assertEquals("Downtime 12.5 min, below target 45 min, MTTR 29.5 min", line(release));
    }

    @Test
    void withoutRecordedRecoveryTimesTheDownPeriodsGiveIt() throws IOException {
        String release = Fixtures.RELEASE_YAML.replace("    mttrMinutes: 38\n", "");
        assertEquals("Downtime 12.5 min, below target 45 min, MTTR 6.25 min", line(release));
    }

    @Test
    void aKpiGapInTheRecoveryTimeIsNoGapWhenTheIncidentsGiveIt() throws IOException {
        Path inputs = dir.resolve("in");
        Fixtures.writeInputs(inputs, "web", true);
        // A day without down periods: kpi-collector has no MTTR and says why.
        Path summaryFile = inputs.resolve("ga_kpi_summary.json");
        ObjectNode summary = (ObjectNode) Json.mapper().readTree(summaryFile.toFile());
        ((ObjectNode) summary.get("overall")).putNull("meanTimeToRecoveryMinutes");
        ((ArrayNode) summary.get("gaps"))
                .addObject()
                .put("field", "overall.meanTimeToRecoveryMinutes")
                .put("reason", "no down period: nothing to recover from");
        Files.writeString(summaryFile, Json.mapper().writeValueAsString(summary));
        Path template =
                Files.writeString(dir.resolve("template.md"), TEMPLATE + "\n## Data Gaps\n{{INSERT_DATA_GAPS}}\n");

        Files.writeString(inputs.resolve("release.yaml"), Fixtures.RELEASE_YAML);
        String report = report(inputs, template, "out");
        assertTrue(report.contains("MTTR 38 min"), report);
        assertFalse(report.contains("nothing to recover from"), "the incidents gave an MTTR: " + report);

        Files.writeString(inputs.resolve("release.yaml"), Fixtures.RELEASE_YAML.replace("    mttrMinutes: 38\n", ""));
        String without = report(inputs, template, "out2");
        assertTrue(
                without.contains("- overall.meanTimeToRecoveryMinutes: no down period: nothing to recover from"),
                without);
    }

    private String report(Path inputs, Path template, String out) throws IOException {
        CommandRun run = CommandRunner.run(
                "--inputs",
                inputs.toString(),
                "--template",
                template.toString(),
                "--keep-empty-sections",
                "-o",
                dir.resolve(out).toString());
        assertEquals(0, run.exitCode(), run.err());
        return Files.readString(dir.resolve(out + "/package/GA_DAY_REPORT.md"));
    }

    private String line(String release) throws IOException {
        Path inputs = dir.resolve("in");
        Fixtures.writeInputs(inputs, "web", true);
        Files.writeString(inputs.resolve("release.yaml"), release);
        Path template = Files.writeString(dir.resolve("template.md"), TEMPLATE);
        CommandRun run = CommandRunner.run(
                "--inputs",
                inputs.toString(),
                "--template",
                template.toString(),
                "-o",
                dir.resolve("out").toString());
        assertEquals(0, run.exitCode(), run.err());
        return Files.readString(dir.resolve("out/package/GA_DAY_REPORT.md"))
                .lines()
                .filter(l -> l.startsWith("Downtime"))
                .findFirst()
                .orElseThrow();
    }
}
