package dev.gaday.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.cli.CommandRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An input file of the wrong kind, or with a value no tool can have measured, stops cert-package with
 * one line naming the file, the field and what was expected (exit 4), and nothing is written.
 */
class InputValuesTest {
    @TempDir
    Path dir;

    private CommandRun build(Path in, String... extra) {
        String[] args = java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(
                                "--inputs",
                                in.toString(),
                                "-o",
                                dir.resolve("out").toString()),
                        java.util.stream.Stream.of(extra))
                .toArray(String[]::new);
        return CommandRunner.run(args);
    }

    private void assertRefused(CommandRun run, String... parts) {
        assertEquals(4, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        for (String part : parts) {
            assertTrue(run.err().contains(part), "expected '" + part + "' in: " + run.err());
        }
        for (String internal : java.util.List.of("`", "DeserializationConfig", "Cannot map", "+Inf", "Infinity")) {
            assertFalse(run.err().contains(internal), run.err());
        }
        assertFalse(Files.exists(dir.resolve("out/package")), "nothing written");
    }

    @Test
    void anAvailabilityOf1e400IsRefusedWithFileAndField() throws IOException {
        Path in = dir.resolve("in");
        Fixtures.writeInputs(in, "web", true);
        Path summary = in.resolve("ga_kpi_summary.json");
        String text = Files.readString(summary);
        Files.writeString(
                summary, text.replaceFirst("\"availabilityPercent\" : [0-9.]+", "\"availabilityPercent\" : 1e400"));
        assertRefused(build(in), summary.toString(), "availabilityPercent", "from 0 to 100", "infinite");
    }

    @Test
    void aNegativeOrInfiniteRecoveryTimeInTheReleaseFileIsRefused() throws IOException {
        Path in = dir.resolve("in");
        Fixtures.writeInputs(in, "web", true);
        Path release = in.resolve("release.yaml");
        Files.writeString(release, Fixtures.RELEASE_YAML.replace("mttrMinutes: 38", "mttrMinutes: -38"));
        assertRefused(build(in), release.toString(), "mttrMinutes", "must be a number of 0 or more");
        Files.writeString(release, Fixtures.RELEASE_YAML.replace("mttrMinutes: 38", "mttrMinutes: 1e400"));
        assertRefused(build(in), release.toString(), "mttrMinutes", "must be a number of 0 or more");
        Files.writeString(release, Fixtures.RELEASE_YAML.replace("mttrMinutes: 38", "mttrMinutes: .inf"));
        assertRefused(build(in), release.toString(), "incidents[0].mttrMinutes");
        Files.writeString(
                release, Fixtures.RELEASE_YAML.replace("timeEstimateMinutes: 12", "timeEstimateMinutes: -12"));
        assertRefused(build(in), release.toString(), "timeEstimateMinutes", "must be a number of 0 or more");
    }

    @Test
    void aNegativeCountInASnapshotIsRefused() throws IOException {
        Path in = dir.resolve("in");
        Fixtures.writeInputs(in, "web", true);
        Path snapshot = in.resolve("snapshot_0001.json");
        String text = Files.readString(snapshot);
        Files.writeString(snapshot, text.replaceFirst("\"totalRequests\" : [0-9.E]+", "\"totalRequests\" : -5"));
        assertRefused(build(in), snapshot.toString(), "overall.totalRequests: must be a number of 0 or more");
    }

    @Test
    void aNegativeOrRaggedBurnRateSeriesIsRefused() throws IOException {
        Path in = dir.resolve("in");
        Fixtures.writeInputs(in, "web", true);
        Path slo = in.resolve("slo_status.json");
        String good = dev.gaday.common.json.Json.write(ToolFixtures.slo(true));
        String series = "\"burnRateSeries\" : {\"start\" : \"2026-11-22T00:00:00Z\", \"stepSeconds\" : 300, "
                + "\"windows\" : [{\"window\" : \"1h\", \"burnRates\" : [1.5, %s]}, "
                + "{\"window\" : \"6h\", \"burnRates\" : [0.5, 0.7]}]}, \"name\"";
        Files.writeString(slo, good.replaceFirst("\"name\"", String.format(series, "-3.0")));
        assertRefused(build(in), slo.toString(), "burnRateSeries 1h: a burn rate must be a finite non-negative number");
        Files.writeString(slo, good.replaceFirst("\"name\"", String.format(series, "2.0, 4.0")));
        assertRefused(build(in), slo.toString(), "window 6h has 2 points, window 1h has 3");
    }

    @Test
    void aValidationCategoryWhoseCountsDoNotAddUpIsRefused() throws IOException {
        Path in = dir.resolve("in");
        Fixtures.writeInputs(in, "web", true);
        Path validation = in.resolve("validation_results.json");
        String good = dev.gaday.common.json.Json.write(GatesTest.validation(false));
        int categories = good.indexOf("\"categories\"");
        Files.writeString(
                validation,
                good.substring(0, categories)
                        + good.substring(categories).replaceFirst("\"passed\" : 1", "\"passed\" : 5"));
        assertRefused(build(in), validation.toString(), "category kpi: counts 5+1+0+0 do not add up to total 2");
        Files.writeString(
                validation,
                good.substring(0, categories)
                        + good.substring(categories)
                                .replaceFirst("\"passed\" : 1", "\"passed\" : 2")
                                .replaceFirst("\"failed\" : 1", "\"failed\" : -1")
                                .replaceFirst("\"skipped\" : 0", "\"skipped\" : 1"));
        assertRefused(build(in), validation.toString(), "category kpi: counts must be 0 or more");
    }

    @Test
    void aFileOfTheWrongKindSaysWhichKindItIs() throws IOException {
        Path in = dir.resolve("in");
        Fixtures.writeInputs(in, "web", true);
        Path ws = in.resolve("ws_health_metrics.json");
        Files.delete(in.resolve("ga_kpi_summary.json"));
        assertRefused(
                build(in, "--kpi-summary", ws.toString(), "--certify-only"),
                ws.toString(),
                "kind is 'ws-health-metrics', expected 'ga-kpi-summary'");
    }

    @Test
    void aMistypedFieldNamesItsPathAndWhatWasExpected() throws IOException {
        Path in = dir.resolve("in");
        Fixtures.writeInputs(in, "web", true);
        Path summary = in.resolve("ga_kpi_summary.json");
        Files.writeString(summary, Files.readString(summary).replace("\"partial\" : false", "\"partial\" : null"));
        assertRefused(
                build(in, "--certify-only"), summary.toString(), "at partial: expected true or false, found null");
    }
}
