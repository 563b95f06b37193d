package dev.gaday.kpi.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {
    @TempDir
    Path temp;

    @Test
    void aNewLiveRunStartsFromAnEmptySetNeverBesideAnotherRunsFiles() throws IOException {
        Path output = Files.createDirectories(temp.resolve("kpis"));
        Files.writeString(output.resolve("snapshot_0001.json"), "old");
        Files.writeString(output.resolve("snapshot_0288.json"), "old");
        Files.writeString(output.resolve("ga_kpi_summary.json"), "old");
        Files.writeString(output.resolve("ga_kpi_summary.md"), "old");
        Files.writeString(output.resolve("kpi-config.yaml"), "the user's");
        new OutputFiles(output).startNewSet();
        try (Stream<Path> files = Files.list(output)) {
            assertEquals(
                    List.of("kpi-config.yaml"),
                    files.map(f -> f.getFileName().toString()).toList());
        }
        try (Stream<Path> files = Files.list(temp)) {
            assertEquals(1, files.count(), "nothing left beside the output directory");
        }
    }
}
