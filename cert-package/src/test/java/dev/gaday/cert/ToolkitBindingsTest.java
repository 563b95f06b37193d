package dev.gaday.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gaday.common.cli.CommandRun;
import dev.gaday.common.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every path of the toolkit's bindings table finds its field in a full input set, formatted by its format. */
class ToolkitBindingsTest {
    @Test
    void everyToolkitBindingResolvesInAFullInputSet(@TempDir Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = ToolkitBindingsTest.class.getResourceAsStream("/dev/gaday/cert/toolkit-bindings.yaml")) {
            Json.yaml().readTree(in).fieldNames().forEachRemaining(names::add);
        }
        assertEquals(43, names.size());
        StringBuilder template = new StringBuilder("# Bindings\n\n");
        names.forEach(name ->
                template.append("- ").append(name).append(": {{").append(name).append("}}\n"));
        Path templateFile = dir.resolve("template.md");
        Files.writeString(templateFile, template);
        Path inputs = dir.resolve("in");
        Fixtures.writeInputs(inputs, "web", true);

        CommandRun run = CommandRunner.run(
                "--inputs",
                inputs.toString(),
                "--template",
                templateFile.toString(),
                "-o",
                dir.resolve("out").toString(),
                "--strict");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode metadata = Json.mapper()
                .readTree(dir.resolve("out/package/certification_metadata.json").toFile());
        assertEquals(
                0,
                metadata.get("unfilledPlaceholders").size(),
                metadata.get("unfilledPlaceholders").toString());
        String report = Files.readString(dir.resolve("out/package/GA_DAY_REPORT.md"));
        // One of each format: number:3, count (thousands separators), gigabytes:3, text.
        assertTrue(report.contains("- OVERALL_AVAILABILITY: 99.894\n"), report);
        assertTrue(report.contains("- TOTAL_REQUESTS: 864,123\n"), report);
        assertTrue(report.contains("- WS_TOTAL_TESTS: 200\n"), report);
        assertTrue(report.contains("- TOTAL_NETWORK_IN_GB: 12.346\n"), report);
        assertTrue(report.contains("- WS_ENDPOINT: wss://ws.example.com/live\n"), report);
        // Downtime is the time a service was down, not the time below the availability target.
        assertTrue(report.contains("- TOTAL_DOWNTIME_MINUTES: 12.5\n"), report);
        assertTrue(report.contains("- TIME_BELOW_TARGET_MINUTES: 45\n"), report);
    }
}
