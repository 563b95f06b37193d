package dev.gaday.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gaday.cert.certification.CertificationDecision;
import dev.gaday.common.cli.CommandRun;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.FileKind;
import dev.gaday.common.model.validation.ValidationResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every gate counts as the policy says: required, warning or off; the verdict and page one say why. */
class GatesTest {
    @TempDir
    Path dir;

    /** A validation run whose critical availability check failed on checkout. */
    static ValidationResults validation(boolean pass) {
        ValidationResults.Case ok = new ValidationResults.Case(
                "error ratio",
                "ga.kpi",
                "kpi",
                "critical",
                "threshold",
                "passed",
                0.05,
                0.1,
                "<",
                "%",
                "q",
                "0.05% < 0.1%",
                null,
                12);
        ValidationResults.Case bad = new ValidationResults.Case(
                "checkout availability",
                "ga.kpi",
                "kpi",
                "critical",
                "threshold",
                pass ? "passed" : "failed",
                pass ? 99.95 : 99.653,
                99.9,
                ">=",
                "%",
                "q",
                "99.653% < 99.9%",
                null,
                15);
        return new ValidationResults(
                FileKind.VALIDATION_RESULTS.schemaVersion(),
                FileKind.VALIDATION_RESULTS.id(),
                "1.0",
                Fixtures.END,
                new ValidationResults.Window(Fixtures.START, Fixtures.END),
                "http://127.0.0.1:9",
                true,
                pass ? "PASS" : "FAIL",
                pass ? 0 : 1,
                new ValidationResults.Summary(2, pass ? 2 : 1, pass ? 0 : 1, 0, 0),
                List.of(new ValidationResults.Category("kpi", 2, pass ? 2 : 1, pass ? 0 : 1, 0, 0, 0.1)),
                pass ? List.of() : List.of("checkout availability"),
                pass ? List.of() : List.of("checkout availability"),
                List.of(ok, bad));
    }

    private Path inputs() {
        Path in = dir.resolve("in");
        Fixtures.writeInputs(in, "web", true);
        return in;
    }

    private JsonNode gate(JsonNode metadata, String id) {
        for (JsonNode gate : metadata.get("gates")) {
            if (gate.get("id").asText().equals(id)) {
                return gate;
            }
        }
        throw new AssertionError("no gate " + id + " in " + metadata);
    }

    @Test
    void everyGateIsListedAndAnAbsentOptionalGateDoesNotCount() throws IOException {
        CommandRun run = CommandRunner.run(
                "--inputs", inputs().toString(), "-o", dir.resolve("out").toString(), "--certify-only");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode metadata = Json.mapper()
                .readTree(dir.resolve("out/certification_metadata.json").toFile());
        assertEquals(5, metadata.get("gates").size());
        assertEquals("required", gate(metadata, "kpi").get("mode").asText());
        assertEquals("off", gate(metadata, "drift").get("mode").asText());
        assertFalse(gate(metadata, "validation").get("counted").asBoolean());
        assertEquals(
                "CERTIFIED_WITH_WARNINGS",
                metadata.get("certificationStatus").asText(),
                "the WebSocket run's warning-only jitter criterion warns");
    }

    @Test
    void aFailedValidationFailsTheReleaseByDefault() throws IOException {
        Path in = inputs();
        Json.writeFile(in.resolve("validation_results.json"), validation(false));
        CommandRun run = CommandRunner.run(
                "--inputs", in.toString(), "-o", dir.resolve("out").toString(), "--certify-only");
        assertEquals(1, run.exitCode(), run.err());
        JsonNode metadata = Json.mapper()
                .readTree(dir.resolve("out/certification_metadata.json").toFile());
        JsonNode validation = gate(metadata, "validation");
        assertEquals("FAIL", validation.get("status").asText());
        assertEquals("required", validation.get("mode").asText(), "required because its file is an input");
        assertEquals(
                in.resolve("validation_results.json").toString(),
                validation.get("file").asText());
        assertEquals(
                "checkout availability (kpi): 99.653% vs ≥ 99.9%",
                validation.get("reasons").get(0).asText());
    }

    @Test
    void aGateWithMoreFailuresThanItShowsSaysHowManyMore() throws IOException {
        ValidationResults one = validation(false);
        ValidationResults.Case bad = one.cases().get(1);
        List<ValidationResults.Case> cases = new java.util.ArrayList<>(one.cases());
        List<String> failed = new java.util.ArrayList<>(one.failed());
        for (int i = 2; i <= 5; i++) {
            String name = "check " + i;
            cases.add(new ValidationResults.Case(
                    name,
                    bad.classname(),
                    bad.category(),
                    bad.severity(),
                    bad.kind(),
                    bad.status(),
                    bad.observed(),
                    bad.threshold(),
                    bad.comparator(),
                    bad.unit(),
                    bad.evidence(),
                    bad.reason(),
                    bad.errorKind(),
                    bad.durationMs()));
            failed.add(name);
        }
        ValidationResults five = new ValidationResults(
                one.schemaVersion(),
                one.kind(),
                one.toolVersion(),
                one.generatedAt(),
                one.window(),
                one.prometheusUrl(),
                one.gaMode(),
                one.status(),
                one.exitCode(),
                new ValidationResults.Summary(6, 1, 5, 0, 0),
                List.of(new ValidationResults.Category("kpi", 6, 1, 5, 0, 0, 0.1)),
                failed,
                failed,
                cases);
        Path in = inputs();
        Json.writeFile(in.resolve("validation_results.json"), five);
        CommandRun run = CommandRunner.run(
                "--inputs", in.toString(), "-o", dir.resolve("out").toString(), "--certify-only");
        assertEquals(1, run.exitCode(), run.err());
        JsonNode validation = gate(
                Json.mapper()
                        .readTree(dir.resolve("out/certification_metadata.json").toFile()),
                "validation");
        assertEquals("validation_results.json: status", validation.get("source").asText());
        JsonNode reasons = validation.get("reasons");
        assertEquals(CertificationDecision.TOP_REASONS + 1, reasons.size(), reasons.toString());
        assertEquals("and 2 more, listed in the report", reasons.get(3).asText());
        assertTrue(run.out().contains("and 2 more, listed in the report"), run.out());
    }

    @Test
    void theFailedValidationGatesLineOnStdoutSaysWhatFailedNotNoData() throws IOException {
        Path in = inputs();
        Json.writeFile(in.resolve("validation_results.json"), validation(false));
        CommandRun run = CommandRunner.run(
                "--inputs", in.toString(), "-o", dir.resolve("out").toString(), "--certify-only");
        assertEquals(1, run.exitCode(), run.err());
        List<String> validationLines =
                run.out().lines().filter(l -> l.contains("Validation suite")).toList();
        assertEquals(1, validationLines.size(), run.out());
        String line = validationLines.get(0);
        assertTrue(
                line.matches("  (\u2718 )?FAIL  Validation suite \\(validation_results.json\\): "
                        + "checkout availability \\(kpi\\): 99.653% vs ≥ 99.9%"),
                line);
        assertFalse(line.contains("no data"), line);
    }

    @Test
    void aFailedWarningGateIsCertifiedWithWarningsShownAsSuch() throws IOException {
        Path in = inputs();
        Json.writeFile(in.resolve("validation_results.json"), validation(false));
        Files.writeString(
                in.resolve("release.yaml"), Fixtures.RELEASE_YAML + "certification:\n  validation: warning\n");
        Path out = dir.resolve("out");
        CommandRun run = CommandRunner.run("--inputs", in.toString(), "-o", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("CERTIFIED WITH WARNINGS"), run.out());
        JsonNode metadata = Json.mapper()
                .readTree(out.resolve("package/certification_metadata.json").toFile());
        assertEquals(
                "CERTIFIED_WITH_WARNINGS", metadata.get("certificationStatus").asText());
        assertEquals("WARN", gate(metadata, "validation").get("status").asText());
        String firstPage;
        try (PDDocument pdf =
                PDDocument.load(out.resolve("package/GA_DAY_REPORT.pdf").toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            firstPage = stripper.getText(pdf).replaceAll("\\s+", " ");
        }
        assertTrue(firstPage.contains("Verdict: ⚠ CERTIFIED WITH WARNINGS"), firstPage);
        assertTrue(firstPage.contains("Validation suite (warning)"), firstPage);
        assertTrue(firstPage.contains("checkout availability (kpi): 99.653% vs ≥ 99.9%"), firstPage);
        assertTrue(
                firstPage.indexOf("Validation suite") < firstPage.indexOf("Executive Summary"),
                "the why box comes before the executive summary: " + firstPage);
    }

    @Test
    void aRequiredGateWithoutItsFileIsInconclusive() throws IOException {
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, "certification:\n  drift: required\n  slo: off\n");
        CommandRun run = CommandRunner.run(
                "--inputs",
                inputs().toString(),
                "--policy",
                policy.toString(),
                "-o",
                dir.resolve("out").toString(),
                "--certify-only");
        assertEquals(3, run.exitCode(), run.err());
        JsonNode metadata = Json.mapper()
                .readTree(dir.resolve("out/certification_metadata.json").toFile());
        JsonNode drift = gate(metadata, "drift");
        assertEquals("NO_DATA", drift.get("status").asText());
        assertTrue(drift.get("counted").asBoolean());
        assertTrue(drift.get("note").asText().contains("run drift-detector"), drift.toString());
    }

    @Test
    void thePolicyFileWinsOverTheReleaseFileAndCanTurnAGateOff() throws IOException {
        Path in = inputs();
        Json.writeFile(in.resolve("validation_results.json"), validation(false));
        Files.writeString(
                in.resolve("release.yaml"), Fixtures.RELEASE_YAML + "certification:\n  validation: required\n");
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, "validation: off\n");
        CommandRun run = CommandRunner.run(
                "--inputs",
                in.toString(),
                "--policy",
                policy.toString(),
                "-o",
                dir.resolve("out").toString(),
                "--certify-only");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode validation = gate(
                Json.mapper()
                        .readTree(dir.resolve("out/certification_metadata.json").toFile()),
                "validation");
        assertFalse(validation.get("counted").asBoolean());
        assertEquals("FAIL", validation.get("status").asText(), "an off gate keeps its file's status");
    }

    @Test
    void aBadPolicyIsAUsageError() throws IOException {
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, "certification:\n  canary: maybe\n");
        CommandRun run = CommandRunner.run(
                "--inputs",
                inputs().toString(),
                "--policy",
                policy.toString(),
                "-o",
                dir.resolve("out").toString(),
                "--certify-only");
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("unknown gate 'canary'"), run.err());
    }

    @Test
    void toolRunsOutsideTheGaWindowAreEachNamedInAWarning() throws IOException {
        Path in = inputs();
        // The same files a month later: the drift, SLO and validation windows all lie after the GA window.
        Map<String, Object> files = Map.of(
                "drift_analysis.json", ToolFixtures.drift(false),
                "slo_status.json", ToolFixtures.slo(false),
                "validation_results.json", validation(true));
        for (Map.Entry<String, Object> file : files.entrySet()) {
            Files.writeString(
                    in.resolve(file.getKey()),
                    Json.write(file.getValue())
                            .replace("2026-11-22T", "2026-12-22T")
                            .replace("2026-11-23T", "2026-12-23T"));
        }
        CommandRun run = CommandRunner.run(
                "--inputs", in.toString(), "-o", dir.resolve("out").toString());
        assertEquals(0, run.exitCode(), run.err());
        String later = " (2026-12-22 00:00:00 UTC to 2026-12-23 00:00:00 UTC) lies outside the GA window "
                + "2026-11-22 00:00:00 UTC to 2026-11-23 00:00:00 UTC";
        for (String warning : List.of(
                "drift_analysis.json current window" + later,
                "slo_status.json window" + later,
                "validation_results.json window" + later)) {
            assertTrue(run.err().contains("cert-package: warning: " + warning), run.err());
        }
        assertFalse(run.err().contains("baseline window"), "the baseline is meant to lie before the GA day");
    }

    @Test
    void inputsOutsideTheGaWindowAreNamedInAWarningTheDataGapsAndTheMetadata() throws IOException {
        Path in = inputs();
        Files.writeString(
                in.resolve("release.yaml"),
                Fixtures.RELEASE_YAML.replace(
                        "{time: \"2026-11-22T14:05:00Z\", phase: ga", "{time: \"2026-11-24T14:05:00Z\", phase: ga"));
        Path out = dir.resolve("out");
        CommandRun run = CommandRunner.run("--inputs", in.toString(), "-o", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        String warning = "release file: GA-day timeline event 'Error spike on checkout-api' at 2026-11-24 14:05:00 UTC "
                + "lies outside the GA window 2026-11-22 00:00:00 UTC to 2026-11-23 00:00:00 UTC";
        assertTrue(run.err().contains(warning), run.err());
        String report = Files.readString(out.resolve("package/GA_DAY_REPORT.md"));
        String gaps = report.substring(report.indexOf("### Data Gaps"));
        assertTrue(
                gaps.substring(0, gaps.indexOf("\n## "))
                        .contains(
                                "GA-day timeline event 'Error spike on " + "checkout-api' at 2026-11-24 14:05:00 UTC"),
                gaps);
        JsonNode metadata = Json.mapper()
                .readTree(out.resolve("package/certification_metadata.json").toFile());
        assertEquals(warning, metadata.get("consistencyWarnings").get(0).asText());
    }

    private static String pdfText(Path pdfFile, int firstPage, int lastPage) throws IOException {
        try (PDDocument pdf = PDDocument.load(pdfFile.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(firstPage);
            stripper.setEndPage(Math.min(lastPage, pdf.getNumberOfPages()));
            return stripper.getText(pdf).replaceAll("\\s+", " ");
        }
    }

    @Test
    void driftSloAndValidationFailuresAreGatesAndFillTheirSections() throws IOException {
        Path in = inputs();
        Json.writeFile(in.resolve("validation_results.json"), validation(false));
        Files.writeString(in.resolve("validation_results.html"), "<html><body>validation</body></html>");
        Json.writeFile(in.resolve("drift_analysis.json"), ToolFixtures.drift(true));
        Json.writeFile(in.resolve("slo_status.json"), ToolFixtures.slo(true));
        Path out = dir.resolve("out");
        CommandRun run = CommandRunner.run("--inputs", in.toString(), "-o", out.toString());
        assertEquals(1, run.exitCode(), run.err());
        // On stdout each failed gate names its failing checks, not "no data".
        assertTrue(
                run.out()
                        .contains("FAIL  Drift / canary analysis (drift_analysis.json): latency_p99 — checkout: "
                                + "300 ms → 426 ms (+42%), critical"),
                run.out());
        assertTrue(
                run.out()
                        .contains("FAIL  SLO error budgets (slo_status.json): checkout-availability — checkout: "
                                + "BUDGET_EXHAUSTED"),
                run.out());
        assertFalse(run.out().contains("no data"), run.out());
        Path pdf = out.resolve("package/GA_DAY_REPORT.pdf");
        String first = pdfText(pdf, 1, 1);
        assertTrue(first.contains("Verdict: ✘ NOT CERTIFIED — 3 of 5 counted gates failed"), first);
        assertTrue(first.contains("latency_p99 — checkout: 300 ms → 426 ms (+42%), critical"), first);
        assertTrue(
                first.contains("checkout-availability — checkout: BUDGET_EXHAUSTED, error budget remaining -250%"),
                first);
        assertTrue(
                first.indexOf("✘ FAIL Drift / canary analysis") < first.indexOf("✔ PASS")
                        || !first.contains("✔ PASS Drift"),
                first);
        String all = pdfText(pdf, 1, 100);
        assertTrue(
                all.contains("latency_p99 — checkout (critical): p99 latency rose 42.0% (Mann"),
                "drift details carry the why sentence: " + all);
        assertTrue(Files.readString(out.resolve("package/GA_DAY_REPORT.md")).contains(ToolFixtures.DRIFT_REASON));
        assertTrue(all.contains("checkout-availability (checkout) 99.9% 99.65% ✘ BUDGET_EXHAUSTED -250%"), all);
        assertTrue(all.contains("kpi 2 1 1 0 50%"), "the test breakdown by category: " + all);
        assertTrue(all.contains("checkout availability (kpi): failed, 99.653% vs ≥ 99.9%"), all);
        assertTrue(all.contains("validation_results.html (in this package)"), all);
        assertTrue(Files.exists(out.resolve("package/validation_results.html")), "the validation HTML is copied");
        String svg = Files.readString(out.resolve("package/charts/availability.svg"));
        assertTrue(svg.contains(">SLO page<"), "the SLO alert is marked on the time axis: " + svg);
        assertFalse(all.matches(".*N/A ?(%|ms|s|/sec|MB|GB)\\b.*"), "no unit after N/A: " + all);
        String unfilled = Files.readString(out.resolve("package/UNFILLED_PLACEHOLDERS.txt"));
        for (String measured : List.of(
                "INSERT_DRIFT_DETAILS",
                "INSERT_SLO_COMPLIANCE_TABLE",
                "INSERT_FAILED_TESTS",
                "TOTAL_DRIFT_CHECKS",
                "AVAILABILITY_ERROR_BUDGET",
                "INSERT_TEST_RESULTS_BREAKDOWN")) {
            assertFalse(unfilled.contains(measured + "\t"), measured + " is filled: " + unfilled);
        }
    }
}
