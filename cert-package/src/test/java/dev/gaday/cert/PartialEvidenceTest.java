package dev.gaday.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gaday.common.cli.CommandRun;
import dev.gaday.common.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Partial evidence never certifies: an interrupted WebSocket run or a partial KPI summary is INCONCLUSIVE. */
class PartialEvidenceTest {
    @TempDir
    Path dir;

    private Path inputs(String file, Consumer<ObjectNode> change) throws IOException {
        Path inputs = dir.resolve("in");
        Fixtures.writeInputs(inputs, "web", true);
        ObjectNode tree =
                (ObjectNode) Json.mapper().readTree(inputs.resolve(file).toFile());
        change.accept(tree);
        Files.writeString(inputs.resolve(file), Json.mapper().writeValueAsString(tree));
        return inputs;
    }

    private JsonNode metadata(Path file) throws IOException {
        return Json.mapper().readTree(file.toFile());
    }

    @Test
    void anInterruptedWebSocketRunThatPassedIsInconclusive() throws IOException {
        Path in = inputs("ws_health_metrics.json", ws -> {
            // A clean PASS: without the fixture's warning-only jitter requirement.
            ObjectNode compliance = (ObjectNode) ws.get("compliance");
            ((com.fasterxml.jackson.databind.node.ArrayNode) compliance.get("requirements")).remove(4);
            compliance.put("status", "PASS");
            ws.put("interrupted", true).put("plannedCycles", 20).put("completedCycles", 2);
        });
        Path out = dir.resolve("out");
        CommandRun run = CommandRunner.run("--inputs", in.toString(), "-o", out.toString());

        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.out().contains("INCONCLUSIVE"), run.out());
        String gap = "ws_health_metrics.json: the run was interrupted (2 of 20 planned cycles completed): "
                + "partial evidence does not certify";
        assertTrue(run.err().contains("warning: " + gap), run.err());
        JsonNode metadata = metadata(out.resolve("package/certification_metadata.json"));
        assertEquals("INCONCLUSIVE", metadata.get("certificationStatus").asText());
        assertEquals("NO_DATA", metadata.get("gates").get(1).get("status").asText());
        assertEquals("PASS", metadata.get("gates").get(0).get("status").asText());
        assertEquals(1, metadata.get("dataGaps").size());
        assertEquals(gap, metadata.get("dataGaps").get(0).asText());
        String report = Files.readString(out.resolve("package/GA_DAY_REPORT.md"));
        String gaps = report.substring(report.indexOf("### Data Gaps"));
        assertTrue(
                gaps.lines()
                        .skip(1)
                        .findFirst()
                        .orElseThrow()
                        .startsWith("- ws\\_health\\_metrics.json: the run "
                                + "was interrupted (2 of 20 planned cycles completed)"),
                gaps);
    }

    @Test
    void aRunThatCompletedFewerCyclesThanPlannedIsInconclusiveToo() throws IOException {
        Path in = inputs(
                "ws_health_metrics.json", ws -> ws.put("plannedCycles", 20).put("completedCycles", 19));
        CommandRun run = CommandRunner.run(
                "--inputs", in.toString(), "-o", dir.resolve("out").toString(), "--certify-only");
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(metadata(dir.resolve("out/certification_metadata.json"))
                .get("dataGaps")
                .get(0)
                .asText()
                .contains("ended early (19 of 20 planned cycles completed)"));
    }

    @Test
    void aPartialKpiSummaryIsInconclusive() throws IOException {
        Path in = inputs("ga_kpi_summary.json", summary -> {
            assertEquals("PASS", summary.get("certification").get("status").asText());
            summary.put("partial", true);
        });
        CommandRun run = CommandRunner.run(
                "--inputs", in.toString(), "-o", dir.resolve("out").toString(), "--certify-only");
        assertEquals(3, run.exitCode(), run.err());
        JsonNode metadata = metadata(dir.resolve("out/certification_metadata.json"));
        assertEquals("INCONCLUSIVE", metadata.get("certificationStatus").asText());
        assertEquals("NO_DATA", metadata.get("gates").get(0).get("status").asText());
        assertTrue(
                metadata.get("dataGaps")
                        .get(0)
                        .asText()
                        .startsWith("ga_kpi_summary.json: the KPI summary is " + "marked partial"),
                metadata.get("dataGaps").toString());
    }

    @Test
    void aFailureSeenInPartialEvidenceStillFails() throws IOException {
        Path in = dir.resolve("in");
        Fixtures.writeInputs(in, "web", false);
        ObjectNode ws = (ObjectNode)
                Json.mapper().readTree(in.resolve("ws_health_metrics.json").toFile());
        ws.put("interrupted", true).put("plannedCycles", 20).put("completedCycles", 2);
        Files.writeString(in.resolve("ws_health_metrics.json"), Json.mapper().writeValueAsString(ws));
        CommandRun run = CommandRunner.run(
                "--inputs", in.toString(), "-o", dir.resolve("out").toString(), "--certify-only");
        assertEquals(1, run.exitCode(), run.err());
    }

    @Test
    void aCompleteRunStillCertifies() throws IOException {
        Path in = inputs(
                "ws_health_metrics.json",
                ws -> ws.put("interrupted", false).put("plannedCycles", 20).put("completedCycles", 20));
        CommandRun run = CommandRunner.run(
                "--inputs", in.toString(), "-o", dir.resolve("out").toString(), "--certify-only");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(
                0,
                metadata(dir.resolve("out/certification_metadata.json"))
                        .get("dataGaps")
                        .size());
    }
}
