package dev.gaday.cert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gaday.cert.certification.Thresholds;
import dev.gaday.common.cli.CommandRun;
import dev.gaday.common.io.Sha256;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.kpi.KpiSummary;
import dev.gaday.common.model.kpi.ServiceKpis;
import dev.gaday.common.model.ws.WsHealthMetrics;
import dev.gaday.common.text.ReportFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: the user's template filled from a full input set, the package, its integrity. */
class BuildCertPackageCommandTest {
    @TempDir
    static Path shared;

    static Path inputs;
    static Path userTemplate;
    static Path out;
    static CommandRun firstRun;

    @BeforeAll
    static void buildOnce() throws IOException {
        inputs = Files.createDirectories(shared.resolve("inputs"));
        Fixtures.writeInputs(inputs, "web-frontend", true);
        userTemplate = shared.resolve("GA_DAY_REPORT.md");
        try (var in = BuildCertPackageCommandTest.class.getResourceAsStream("/user-template-GA_DAY_REPORT.md")) {
            Files.write(userTemplate, in.readAllBytes());
        }
        out = shared.resolve("out1");
        firstRun = CommandRunner.run(
                "--inputs",
                inputs.toString(),
                "--template",
                userTemplate.toString(),
                "--output-dir",
                out.toString(),
                "--include-artifacts");
    }

    private static String report() throws IOException {
        return Files.readString(out.resolve("package/GA_DAY_REPORT.md"));
    }

    /** The value on the template line that starts with the given label. */
    private static String line(String report, String label) {
        return report.lines()
                .filter(l -> l.startsWith(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line " + label));
    }

    @Test
    void userTemplateRendersCompletelyAndCertifies() throws IOException {
        assertEquals(0, firstRun.exitCode(), firstRun.err());
        String report = report();
        assertFalse(report.contains("{{"), "placeholders left");
        assertFalse(report.contains("}}"), "placeholders left");
        assertTrue(firstRun.out().contains("CERTIFIED"), firstRun.out());
        assertTrue(firstRun.out()
                .contains(out.resolve("ga_certification_package.tar.gz").toString()));
    }

    @Test
    void valuesComeFromTheInputFiles() throws IOException {
        KpiSummary summary = Json.readFile(inputs.resolve("ga_kpi_summary.json"), KpiSummary.class);
        WsHealthMetrics ws = Json.readFile(inputs.resolve("ws_health_metrics.json"), WsHealthMetrics.class);
        String report = report();
        var o = summary.overall();
        assertEquals(
                "- **Availability:** " + ReportFormat.number(o.availabilityPercent(), 3) + "% (Target: ≥99.9%)",
                line(report, "- **Availability:**"));
        assertEquals(
                "- **Error Rate:** " + ReportFormat.number(o.errorRatePercent(), 3) + "% (Target: <0.1%)",
                line(report, "- **Error Rate:**"));
        assertEquals(
                "- **P99 Latency:** " + ReportFormat.number(o.p99LatencyMs(), 1) + "ms (Target: <500ms)",
                line(report, "- **P99 Latency:**"));
        // Counts have thousands separators (common's ReportFormat): "864,123".
        assertEquals(
                "- **Total Requests:** " + ReportFormat.count(o.totalRequests()),
                line(report, "- **Total Requests:**"));
        assertEquals("- **Total Requests:** 864,123", line(report, "- **Total Requests:**"));
        assertEquals(
                "- **Max P99:** " + ReportFormat.number(o.maxP99LatencyMs(), 1) + "ms", line(report, "- **Max P99:**"));
        assertEquals("- **GA Start Time:** 2026-11-22 00:00:00 UTC", line(report, "- **GA Start Time:**"));
        assertEquals("- **Total Duration:** 24 hours", line(report, "- **Total Duration:**"));
        assertEquals(
                "- **Redis Hit Rate:** "
                        + ReportFormat.number(summary.infrastructure().redis().hitRatePercent(), 3) + "%",
                line(report, "- **Redis Hit Rate:**"));
        assertEquals(
                "- **Total Network In:** "
                        + ReportFormat.number(summary.infrastructure().network().bytesIn() / 1e9, 3) + "GB",
                line(report, "- **Total Network In:**"));
        assertEquals(
                "- **Critical Alerts:** " + summary.observability().criticalAlerts(),
                line(report, "- **Critical Alerts:**"));
        assertEquals(
                "- **Success Rate:** " + ReportFormat.number(ws.successRatePercent(), 3) + "% (Target: ≥95%)",
                report.lines()
                        .filter(l -> l.startsWith("- **Success Rate:**") && l.contains("≥95%"))
                        .findFirst()
                        .orElseThrow());
        assertEquals("- **Total Tests:** " + ws.totalTests(), line(report, "- **Total Tests:**"));
        assertEquals(
                "- **P99 Reconnection Latency:** "
                        + ReportFormat.number(ws.latencyMs().p99(), 1) + "ms (Target: <30s)",
                line(report, "- **P99 Reconnection Latency:**"));
        assertTrue(line(report, "- **Validation Status:**")
                .endsWith(ws.compliance().status().name()));
        for (ServiceKpis service : summary.services()) {
            if (service.availabilityPercent() != null) {
                assertTrue(
                        report.contains("  - " + service.name().replace("-", "-") + ": "
                                + ReportFormat.number(service.availabilityPercent(), 3) + "%"),
                        service.name());
                assertTrue(
                        report.contains("| " + service.name() + " | " + ReportFormat.number(service.p50LatencyMs(), 1)
                                + " ms |"),
                        service.name());
            } else {
                assertTrue(report.contains("  - " + service.name() + ": no data: " + service.noDataReason()));
            }
        }
        for (var criterion : summary.certification().criteria()) {
            assertTrue(
                    report.contains("| " + criterion.name() + " | "
                            + Thresholds.describe(criterion).replace("<", "\\<") + " | "
                            + Thresholds.value(criterion.value(), criterion.unit()) + " |"),
                    criterion.name());
        }
        // From the release file: incidents, timeline rows, sign-off, values and bindings.
        assertEquals("- **Incidents:** 1", line(report, "- **Incidents:**"));
        assertEquals("- **SEV-2 (High):** 1", line(report, "- **SEV-2 (High):**"));
        assertTrue(report.contains(
                "| 2026-11-22 14:05:00 UTC | SEV-2 | Checkout errors after cache flush | resolved | 38 min |"));
        assertTrue(line(report, "- **Engineering Lead:**").contains("Ada Lovelace - approved - 2026-11-23"));
        assertEquals("- **Traffic Percentage:** 5%", line(report, "- **Traffic Percentage:**"));
        ServiceKpis api = summary.services().stream()
                .filter(s -> s.name().equals("checkout-api"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                "- **Frontend Availability:** " + ReportFormat.number(api.availabilityPercent(), 3) + "%",
                line(report, "- **Frontend Availability:**"));
        assertEquals("- **Cost per 1M Requests:** $0.42", line(report, "- **Cost per 1M Requests:**"));
        assertTrue(report.contains("[Fleet overview](https://grafana.example.com/d/fleet)"));
    }

    @Test
    void unfilledPlaceholdersAreListedWithReasons() throws IOException {
        JsonNode metadata = Json.mapper()
                .readTree(out.resolve("package/certification_metadata.json").toFile());
        JsonNode unfilled = metadata.get("unfilledPlaceholders");
        assertTrue(unfilled.size() > 0);
        boolean drift = false;
        for (JsonNode u : unfilled) {
            if (u.get("name").asText().equals("TOTAL_DRIFT_CHECKS")) {
                drift = u.get("reason").asText().contains("no input file drift_analysis.json");
            }
            assertFalse(u.get("name").asText().equals("OVERALL_AVAILABILITY"));
        }
        assertTrue(drift, "drift placeholders are N/A for want of drift_analysis.json");
        String text = Files.readString(out.resolve("package/UNFILLED_PLACEHOLDERS.txt"));
        assertTrue(text.contains("TOTAL_DRIFT_CHECKS\t"));
        assertTrue(firstRun.err().contains("placeholders have no value"), firstRun.err());
        assertEquals(185, metadata.get("totalPlaceholders").asInt());
        assertEquals(
                "CERTIFIED_WITH_WARNINGS",
                metadata.get("certificationStatus").asText(),
                "the WebSocket run's warning-only jitter criterion warns");
        assertEquals("ga-certification-metadata", metadata.get("kind").asText());
        assertEquals("2.4.0", metadata.get("version").asText());
    }

    @Test
    void manifestPassesSha256sumAndMetadataChainsToIt() throws Exception {
        Path pkg = out.resolve("package");
        Process process = new ProcessBuilder("sha256sum", "--strict", "-c", "MANIFEST.sha256")
                .directory(pkg.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        assertTrue(output.contains("GA_DAY_REPORT.pdf: OK"));
        assertTrue(output.contains("artifacts/snapshot_0024.json: OK"));
        JsonNode metadata = Json.mapper()
                .readTree(pkg.resolve("certification_metadata.json").toFile());
        assertEquals(
                Sha256.hex(pkg.resolve("MANIFEST.sha256")),
                metadata.get("manifestSha256").asText());
        long lines = Files.readAllLines(pkg.resolve("MANIFEST.sha256")).size();
        assertEquals(lines, metadata.get("totalFiles").asLong());
        assertEquals(
                Sha256.hex(out.resolve("ga_certification_package.tar.gz")),
                Files.readString(out.resolve("ga_certification_package.tar.gz.sha256"))
                        .split(" ")[0]);
    }

    @Test
    void twoRunsGiveByteIdenticalArchives() throws IOException {
        Path second = shared.resolve("out2");
        CommandRun run = CommandRunner.run(
                "--inputs",
                inputs.toString(),
                "--template",
                userTemplate.toString(),
                "--output-dir",
                second.toString(),
                "--include-artifacts");
        assertEquals(0, run.exitCode(), run.err());
        assertArrayEquals(
                Files.readAllBytes(out.resolve("ga_certification_package.tar.gz")),
                Files.readAllBytes(second.resolve("ga_certification_package.tar.gz")));
    }

    @Test
    void verifyAcceptsTheGoodPackage() {
        CommandRun run = CommandRunner.run(
                "verify", out.resolve("ga_certification_package.tar.gz").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("OK: "), run.out());
    }

    @Test
    void certifyOnlyWritesOnlyTheMetadata(@TempDir Path dir) throws IOException {
        CommandRun run =
                CommandRunner.run("--inputs", inputs.toString(), "--output-dir", dir.toString(), "--certify-only");
        assertEquals(0, run.exitCode(), run.err());
        try (var files = Files.walk(dir)) {
            assertEquals(
                    List.of(dir.resolve("certification_metadata.json")),
                    files.filter(Files::isRegularFile).toList());
        }
    }

    @Test
    void ourDefaultTemplateRendersWithChartsReferenced(@TempDir Path dir) throws IOException {
        CommandRun run = CommandRunner.run("--inputs", inputs.toString(), "--output-dir", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        String report = Files.readString(dir.resolve("package/GA_DAY_REPORT.md"));
        assertFalse(report.contains("{{"));
        assertTrue(
                report.startsWith("# Checkout 2\\.4\\.0 GA Day After-Action Report")
                        || report.startsWith("# Checkout 2.4.0 GA Day After-Action Report"),
                report.lines().findFirst().get());
        assertTrue(report.contains("![Availability over the GA window](charts/availability.svg)"));
        for (String chart : List.of("availability", "error_rate", "p99_latency")) {
            String svg = Files.readString(dir.resolve("package/charts/" + chart + ".svg"));
            assertTrue(svg.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "), chart);
            // 24 hourly snapshots, all with a value: one unbroken line of 24 points.
            java.util.regex.Matcher points = java.util.regex.Pattern.compile("<polyline points=\"([^\"]*)\"")
                    .matcher(svg);
            assertTrue(points.find(), chart);
            assertEquals(24, points.group(1).split(" ").length, chart);
            assertFalse(points.find(), chart);
            assertTrue(svg.contains(">INC-7</text>"), chart + ": the incident's label");
        }
        String manifest = Files.readString(dir.resolve("package/MANIFEST.sha256"));
        assertTrue(manifest.contains("  charts/availability.svg\n"), manifest);
        assertFalse(manifest.contains(".png"), manifest);
    }

    static Map<String, String> env() {
        return Map.of("SOURCE_DATE_EPOCH", "1795478400");
    }
}
