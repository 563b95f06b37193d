package dev.gaday.common.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.io.AtomicFiles;
import dev.gaday.common.io.Sha256;
import dev.gaday.common.model.FileKind;
import dev.gaday.common.model.kpi.Certification;
import dev.gaday.common.model.kpi.KpiSummary;
import dev.gaday.common.model.kpi.Window;
import dev.gaday.common.verdict.Comparator;
import dev.gaday.common.verdict.CriterionResult;
import dev.gaday.common.verdict.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFilesTest {
    @TempDir
    Path dir;

    private static KpiSummary summary() {
        Window window = new Window(Instant.parse("2026-01-15T00:00:00Z"), Instant.parse("2026-01-16T00:00:00Z"), 300);
        return new KpiSummary(
                1,
                "ga-kpi-summary",
                "test",
                Instant.parse("2026-01-16T00:05:00Z"),
                false,
                window,
                null,
                List.of(),
                null,
                null,
                null,
                new Certification(Status.PASS, List.of()),
                null,
                Map.of("overall.availabilityPercent", "sum(x)"));
    }

    @Test
    void recordsRoundTripWithIsoTimesAndTheirHeader() throws IOException {
        Path file = dir.resolve("ga_kpi_summary.json");
        Json.writeFile(file, summary());
        String text = Files.readString(file);
        assertTrue(text.contains("\"window\" : {"), text);
        assertTrue(text.contains("\"start\" : \"2026-01-15T00:00:00Z\""), text);
        assertTrue(text.contains("\"kind\" : \"ga-kpi-summary\""), text);
        assertTrue(text.endsWith("}\n"));
        assertEquals(summary(), Json.readFile(file, KpiSummary.class));
    }

    @Test
    void aFileOfAnotherKindIsRejectedWithOneLineNamingTheFile() throws IOException {
        Path file = dir.resolve("wrong.json");
        Files.writeString(file, Json.write(summary()).replace("ga-kpi-summary", "ws-health-metrics"));
        ToolException e = assertThrows(ToolException.class, () -> Json.readFile(file, KpiSummary.class));
        assertEquals(ExitCode.RUNTIME_ERROR, e.exitCode());
        assertTrue(e.getMessage().startsWith(file + ":"), e.getMessage());
        assertTrue(e.getMessage().contains("kind is 'ws-health-metrics', expected 'ga-kpi-summary'"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aNewerSchemaVersionIsRejected() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> FileKind.KPI_SUMMARY.check(2, "ga-kpi-summary"));
        assertTrue(e.getMessage().contains("schemaVersion 2"), e.getMessage());
    }

    @Test
    void malformedJsonNamesFileLineAndColumn() throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\n  \"schemaVersion\": 1,\n  \"kind\": oops\n}");
        ToolException e = assertThrows(ToolException.class, () -> Json.readFile(file, KpiSummary.class));
        assertTrue(e.getMessage().startsWith(file + ":3:"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aWrongTypeNamesTheJsonPath() throws IOException {
        Path file = dir.resolve("typed.json");
        Files.writeString(
                file, Json.write(summary()).replace("\"intervalSeconds\" : 300", "\"intervalSeconds\" : \"x\""));
        ToolException e = assertThrows(ToolException.class, () -> Json.readFile(file, KpiSummary.class));
        assertTrue(e.getMessage().contains("at window.intervalSeconds"), e.getMessage());
    }

    @Test
    void aComparatorIsItsSymbolBothWaysAndAnUnknownOneNamesItsPlace() throws IOException {
        CriterionResult result = new CriterionResult(
                "availability", 99.95, 99.9, Comparator.GREATER_OR_EQUAL, "%", false, Status.PASS, "sum(x)", null);
        String json = Json.write(result);
        assertTrue(json.contains("\"comparator\" : \">=\""), json);
        assertEquals(result, Json.mapper().readValue(json, CriterionResult.class));
        assertEquals(Comparator.LESS, Json.mapper().readValue("\"<\"", Comparator.class));
        assertEquals(Comparator.LESS_OR_EQUAL, Json.yaml().readValue("LESS_OR_EQUAL", Comparator.class));

        Path file = dir.resolve("criterion.json");
        Files.writeString(file, json.replace("\">=\"", "\"=>\""));
        ToolException e = assertThrows(ToolException.class, () -> Json.readFile(file, CriterionResult.class));
        assertTrue(e.getMessage().contains("comparator") && e.getMessage().contains("=>"), e.getMessage());
    }

    @Test
    void aMissingFileIsOneClearLine() {
        ToolException e =
                assertThrows(ToolException.class, () -> Json.readFile(dir.resolve("absent.json"), KpiSummary.class));
        assertEquals(dir.resolve("absent.json") + ": no such file", e.getMessage());
    }

    @Test
    void atomicWriteLeavesNoTempFileAndAFailedWriteKeepsTheOldContent() throws IOException {
        Path file = dir.resolve("out.txt");
        AtomicFiles.writeString(file, "old");
        assertThrows(
                IllegalStateException.class,
                () -> AtomicFiles.write(file, out -> {
                    out.write("half".getBytes(StandardCharsets.UTF_8));
                    throw new IllegalStateException("producer failed mid-way");
                }));
        assertEquals("old", Files.readString(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temp file may be left behind");
        }
    }

    @Test
    void checksumFilesPassSha256sumCheck() throws Exception {
        Path data = dir.resolve("ga_kpi_summary.json");
        Files.writeString(data, "{\"a\":1}\n");
        Path sidecar = Sha256.writeSidecar(data);
        assertEquals(Sha256.hex(Files.readAllBytes(data)) + "  ga_kpi_summary.json\n", Files.readString(sidecar));
        Files.createDirectories(dir.resolve("sub"));
        Path other = Files.writeString(dir.resolve("sub/b.txt"), "b");
        Sha256.writeManifest(dir.resolve("MANIFEST.sha256"), dir, List.of(data, other));

        assertEquals(0, sha256sumCheck(sidecar.getFileName().toString()));
        assertEquals(0, sha256sumCheck("MANIFEST.sha256"));
        Files.writeString(other, "tampered");
        assertEquals(1, sha256sumCheck("MANIFEST.sha256"), "a tampered file must fail the check");
    }

    private int sha256sumCheck(String checksumFile) throws Exception {
        Process process = new ProcessBuilder("sha256sum", "--quiet", "-c", checksumFile)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        return process.exitValue();
    }

    @Test
    void sha256OfKnownInput() {
        assertEquals(
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                Sha256.hex("abc".getBytes(StandardCharsets.US_ASCII)));
    }
}
