package dev.gaday.kpi.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.cli.CommandRun;
import dev.gaday.common.verdict.Comparator;
import dev.gaday.kpi.CollectKpisCommand;
import dev.gaday.kpi.validate.catalog.ChecksFile;
import dev.gaday.kpi.validate.catalog.GaChecks;
import dev.gaday.kpi.validate.check.Check;
import dev.gaday.kpi.validate.check.CheckContext;
import dev.gaday.kpi.validate.check.CheckResult;
import dev.gaday.kpi.validate.check.CheckRunner;
import dev.gaday.kpi.validate.check.CheckStatus;
import dev.gaday.kpi.validate.check.ErrorKind;
import dev.gaday.kpi.validate.check.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** checks.yaml: settings, the user's kinds, and broken definitions that become error cases of their own. */
class ChecksFileTest {
    @TempDir
    Path dir;

    Path write(String yaml) throws Exception {
        Path file = dir.resolve("checks.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    static CheckResult run(Check check, Path inputs) {
        CheckContext context = new CheckContext(
                Instant.parse("2026-06-01T00:00:00Z"),
                Instant.parse("2026-06-02T00:00:00Z"),
                null,
                inputs == null ? List.of() : List.of(inputs),
                Map.of(),
                null,
                null);
        return new CheckRunner(context, r -> {}).run(List.of(check)).get(0);
    }

    @Test
    void gaThresholdsAndSeveritiesOverrideTheDefaults() throws Exception {
        ChecksFile.Contents contents = ChecksFile.read(
                write(
                        """
                ga:
                  thresholds: {ga.memory_retention: 1073741824, ga.metrics_collection_healthy: 99.5}
                  severities: {ga.no_pod_restarts: warning}
                  memoryLeakBytesPerHour: 1048576
                """));
        List<Check> ga = GaChecks.all(contents.ga());
        assertEquals(11, ga.size());
        Check memory = ga.stream()
                .filter(c -> c.name().equals(GaChecks.MEMORY))
                .findFirst()
                .orElseThrow();
        assertEquals(1073741824.0, memory.threshold());
        assertTrue(memory.description().contains("1 MiB/h"), memory.description());
        Check restarts = ga.stream()
                .filter(c -> c.name().equals(GaChecks.RESTARTS))
                .findFirst()
                .orElseThrow();
        assertEquals(Severity.WARNING, restarts.severity());
        Check scrape = ga.stream()
                .filter(c -> c.name().equals(GaChecks.SCRAPE))
                .findFirst()
                .orElseThrow();
        assertEquals(99.5, scrape.threshold());
        assertEquals(Comparator.GREATER_OR_EQUAL, scrape.comparator());
    }

    @Test
    void malformedYamlIsOneErrorCaseAndTheGaSetKeepsItsDefaults() throws Exception {
        ChecksFile.Contents contents = ChecksFile.read(write("checks:\n  - name: a\n    kind: [unclosed\n"));
        assertEquals(1, contents.checks().size());
        CheckResult result = run(contents.checks().get(0), null);
        assertEquals(CheckStatus.ERROR, result.status());
        assertEquals(ErrorKind.DEFINITION, result.outcome().errorKind());
        assertTrue(
                result.outcome().reason().startsWith(dir.resolve("checks.yaml") + ":"),
                result.outcome().reason());
        assertEquals(
                2 * 1024.0 * 1024 * 1024,
                GaChecks.all(contents.ga()).stream()
                        .filter(c -> c.name().equals(GaChecks.MEMORY))
                        .findFirst()
                        .orElseThrow()
                        .threshold());
    }

    @Test
    void anUnknownKindBreaksOnlyItsOwnCheck() throws Exception {
        ChecksFile.Contents contents = ChecksFile.read(
                write(
                        """
                checks:
                  - name: custom.grpc
                    kind: grpc
                  - name: custom.threshold
                    kind: promql
                    query: up
                    comparator: ">="
                    threshold: 1
                    category: load
                    severity: warning
                  - name: custom.typo
                    kind: promql
                    query: up
                    comparator: ">="
                    treshold: 1
                """));
        assertEquals(
                List.of("custom.grpc", "custom.threshold", "custom.typo"),
                contents.checks().stream().map(Check::name).toList());
        CheckResult grpc = run(contents.checks().get(0), null);
        assertEquals(ErrorKind.DEFINITION, grpc.outcome().errorKind());
        assertTrue(
                grpc.outcome().reason().contains("unknown kind 'grpc'"),
                grpc.outcome().reason());
        Check threshold = contents.checks().get(1);
        assertEquals("load", threshold.category());
        assertEquals(Severity.WARNING, threshold.severity());
        assertEquals(1.0, threshold.threshold());
        CheckResult typo = run(contents.checks().get(2), null);
        assertTrue(
                typo.outcome().reason().contains("unknown key 'treshold'"),
                typo.outcome().reason());
    }

    @Test
    void aJsonPathCheckReadsAnInputFile() throws Exception {
        Files.writeString(
                dir.resolve("ga_kpi_summary.json"),
                """
                {"overall": {"availabilityPercent": 99.95, "services": [{"name": "checkout", "p99": 820}]},
                 "certification": {"status": "CERTIFIED"}}
                """);
        ChecksFile.Contents contents = ChecksFile.read(
                write(
                        """
                checks:
                  - name: kpi.availability
                    kind: json
                    file: ga_kpi_summary.json
                    path: overall.availabilityPercent
                    comparator: ">="
                    threshold: 99.99
                  - name: kpi.p99
                    kind: json
                    file: ga_kpi_summary.json
                    path: /overall/services/0/p99
                    comparator: "<"
                    threshold: 1000
                  - name: kpi.certified
                    kind: json
                    file: ga_kpi_summary.json
                    path: certification.status
                    equals: CERTIFIED
                  - name: kpi.absent
                    kind: json
                    file: missing.json
                    path: a
                    equals: b
                """));
        CheckResult availability = run(contents.checks().get(0), dir);
        assertEquals(CheckStatus.FAILED, availability.status());
        assertEquals(99.95, availability.outcome().observed());
        CheckResult p99 = run(contents.checks().get(1), dir);
        assertEquals(CheckStatus.PASSED, p99.status());
        assertEquals(820.0, p99.outcome().observed());
        assertEquals(CheckStatus.PASSED, run(contents.checks().get(2), dir).status());
        CheckResult absent = run(contents.checks().get(3), dir);
        assertEquals(CheckStatus.SKIPPED, absent.status());
        assertNull(absent.outcome().observed());
    }

    @Test
    void aSecretNeverSitsLiterallyInTheDatabaseUrl() throws Exception {
        ChecksFile.Contents contents = ChecksFile.read(
                write(
                        """
                checks:
                  - name: db.q
                    kind: sql
                    sql: select 1
                    threshold: 50
                    database: {url: "jdbc:postgresql://db/app?user=a&password=hunter2"}
                """));
        CheckResult result = run(contents.checks().get(0), null);
        assertEquals(ErrorKind.DEFINITION, result.outcome().errorKind());
        assertTrue(
                result.outcome().reason().contains("must not carry a password"),
                result.outcome().reason());
    }

    @Test
    void listPrintsTheGaSetWithThresholdsAndExitsZero() {
        CommandRun run = CommandRun.of(new CollectKpisCommand(), "validate", "--ga-mode", "--list");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(12, lines.size(), run.out());
        assertTrue(lines.get(7).startsWith("ga.memory_retention"), lines.get(7));
        assertTrue(lines.get(7).contains("< 2147483648 bytes"), lines.get(7));
        assertTrue(
                lines.get(8).matches("ga\\.zero_critical_alerts +critical +reliability +<= 0 alerts +no critical .*"),
                lines.get(8));
    }

    @Test
    void gaModeComesFromTheEnvironmentToo() {
        ValidateCommand command = new ValidateCommand();
        command.environment = Map.of("GA_MODE", "true");
        CommandRun run = CommandRun.of(command, "--list", "--check", GaChecks.ALERTS);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(2, run.out().lines().count(), run.out());
    }

    @Test
    void nothingToRunOrAnUnknownCheckIsAUsageError() {
        CommandRun none = CommandRun.of(new ValidateCommand(), "--list");
        assertEquals(2, none.exitCode());
        assertEquals(1, none.errLines().size(), none.err());
        CommandRun unknown = CommandRun.of(new ValidateCommand(), "--ga-mode", "--list", "--check", "ga.nope");
        assertEquals(2, unknown.exitCode());
        assertEquals(1, unknown.errLines().size(), unknown.err());
        assertTrue(unknown.err().contains("--check ga.nope: no such check"), unknown.err());
        CommandRun window = CommandRun.of(
                new ValidateCommand(), "--ga-mode", "--prometheus-url", "http://127.0.0.1:9", "-o", dir.toString());
        assertEquals(2, window.exitCode());
        assertTrue(window.err().contains("--ga-start"), window.err());
    }
}
