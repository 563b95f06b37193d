package dev.gaday.common.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.json.Json;
import dev.gaday.common.verdict.Comparator;
import dev.gaday.common.verdict.Criterion;
import dev.gaday.common.verdict.Status;
import dev.gaday.common.verdict.StatusMarks;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunOutputTest {
    private static RunReport failing() {
        Criterion availability = Criterion.of("availability", Comparator.GREATER_OR_EQUAL, 99.95, "%");
        Criterion p99 = Criterion.of("p99 latency", Comparator.LESS, 1000, "ms");
        Criterion jitter = Criterion.of("Avg jitter", Comparator.LESS, 2, "s").warningOnly(true);
        return RunReport.of(
                "kpi-collector",
                ExitCode.GATE_FAILED,
                false,
                "certification FAIL",
                List.of(
                        Finding.of(availability.evaluate(99.929, "q"), "checkout"),
                        Finding.of(jitter.evaluate(3.0, "q"), "wss://ws/"),
                        Finding.of(p99.evaluate(2500.0, "q"), "search")),
                List.of("ga_kpis/ga_kpi_summary.json"));
    }

    @Test
    void humanSummaryNamesEachFailedCriterionWorstFirst() {
        List<String> lines = RunOutput.humanLines(failing(), StatusMarks.ASCII, false);
        assertEquals(
                List.of(
                        "kpi-collector: FAIL - certification FAIL",
                        "  FAIL  p99 latency (search): 2,500 ms, needs < 1,000 ms",
                        "  FAIL  availability (checkout): 99.929%, needs >= 99.95%",
                        "  WARN  Avg jitter (wss://ws/): 3 s, needs < 2 s",
                        "  files: ga_kpis/ga_kpi_summary.json"),
                lines);
    }

    @Test
    void atMostTenFindingLines() {
        List<Finding> many = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            many.add(Finding.of(Status.FAIL, "c" + i, null, null));
        }
        List<String> lines = RunOutput.humanLines(
                RunReport.of("t", ExitCode.GATE_FAILED, false, null, many, List.of()), StatusMarks.ASCII, false);
        assertEquals(12, lines.size());
        assertEquals("  ... and 3 more in the files", lines.get(11));
    }

    @Test
    void colourOnlyWhenAsked() {
        String coloured =
                RunOutput.humanLines(failing(), StatusMarks.ASCII, true).get(0);
        assertEquals("kpi-collector: \u001b[31mFAIL\u001b[0m - certification FAIL", coloured);
    }

    @Test
    void githubActionsGetsSummaryAndAnnotations(@TempDir Path dir) throws Exception {
        Path summary = dir.resolve("step_summary.md");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env = Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", summary.toString());
        new RunOutput(
                        new PrintWriter(out),
                        new PrintWriter(err),
                        true,
                        TerminalFacts.plain(),
                        env::get,
                        new Diagnostics("kpi-collector", new PrintWriter(err), 0))
                .print(failing());
        assertEquals(
                List.of(
                        "::error title=kpi-collector%3A p99 latency (search)::p99 latency (search): 2,500 ms, needs < 1,000 ms",
                        "::error title=kpi-collector%3A availability (checkout)::availability (checkout): 99.929%25, needs "
                                + ">= 99.95%25",
                        "::warning title=kpi-collector%3A Avg jitter (wss%3A//ws/)::Avg jitter (wss://ws/): 3 s, needs < 2 s"),
                err.toString().lines().toList());
        assertEquals(
                """
                ### kpi-collector: FAIL (exit 1)

                certification FAIL

                | Status | Criterion | Where | Observed | Threshold | Detail |
                | --- | --- | --- | --- | --- | --- |
                | FAIL | p99 latency | search | 2,500 ms | \\< 1,000 ms |   |
                | FAIL | availability | checkout | 99.929% | \\>= 99.95% |   |
                | WARN | Avg jitter | wss://ws/ | 3 s | \\< 2 s |   |

                Files:

                - ga\\_kpis/ga\\_kpi\\_summary.json

                """,
                Files.readString(summary));
        JsonNode json = Json.mapper().readTree(out.toString());
        RunSummarySchema.check(json);
        assertEquals("FAIL", json.get("verdict").asText());
        assertEquals(1, json.get("exitCode").asInt());
    }

    @Test
    void gitlabCiGetsTheSameMarkdownInAFileAndNoAnnotations(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("summary.md");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env = Map.of("GITLAB_CI", "true", "GADAY_SUMMARY_FILE", file.toString());
        RunOutput output = new RunOutput(
                new PrintWriter(out),
                new PrintWriter(err),
                false,
                TerminalFacts.plain(),
                env::get,
                new Diagnostics("kpi-collector", new PrintWriter(err), 0));
        output.print(failing());
        output.print(failing());
        assertEquals(RunOutput.markdown(failing()) + RunOutput.markdown(failing()), Files.readString(file));
        assertEquals("", err.toString());
        assertTrue(out.toString().startsWith("kpi-collector: FAIL")
                || out.toString().startsWith("kpi-collector: \u2718"));
    }

    @Test
    void noCiOutputOutsideCi() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        new RunOutput(
                        new PrintWriter(out),
                        new PrintWriter(err),
                        false,
                        TerminalFacts.plain(),
                        name -> null,
                        new Diagnostics("t", new PrintWriter(err), 0))
                .print(failing());
        assertEquals("", err.toString());
        assertTrue(out.toString().startsWith("kpi-collector: "));
    }

    @Test
    void plainProgressAtASteadyRateWithFirstAndLast() {
        StringWriter err = new StringWriter();
        AtomicLong now = new AtomicLong();
        ProgressLine progress = new ProgressLine(
                "ws-health", new PrintWriter(err), TerminalFacts.plain(), 0, Duration.ofSeconds(60), now::get);
        for (int i = 1; i <= 10; i++) {
            now.set(Duration.ofSeconds(20L * i).toNanos());
            progress.update(i, 10, null, "success 100%");
        }
        progress.finish();
        assertEquals(
                List.of(
                        "ws-health: 1/10, 0:20 elapsed, 3:00 left, success 100%",
                        "ws-health: 4/10, 1:20 elapsed, 2:00 left, success 100%",
                        "ws-health: 7/10, 2:20 elapsed, 1:00 left, success 100%",
                        "ws-health: 10/10, 3:20 elapsed, 0:00 left, success 100%"),
                err.toString().lines().toList());
    }

    @Test
    void terminalProgressIsOneLineNoWiderThanTheTerminal() {
        StringWriter err = new StringWriter();
        AtomicLong now = new AtomicLong();
        ProgressLine progress = new ProgressLine(
                "kpi-collector",
                new PrintWriter(err),
                new TerminalFacts(true, false, () -> 40),
                0,
                Duration.ofSeconds(60),
                now::get);
        for (int i = 1; i <= 5; i++) {
            now.set(Duration.ofSeconds(i).toNanos());
            progress.update(i, 5, null, "availability 99.999%, requests 1,234,567");
        }
        progress.finish();
        String text = err.toString();
        assertEquals(1, text.chars().filter(c -> c == '\n').count(), text);
        assertTrue(text.endsWith("\n"), text);
        for (String drawn : text.strip().split("\r")) {
            if (!drawn.isEmpty()) {
                assertEquals(39, drawn.length(), drawn);
            }
        }
        assertTrue(text.contains("\rkpi-collector 5/5, 0:05 elapsed, 0:00 ~"), text);
    }

    @Test
    void quietMeansNoProgress() {
        StringWriter err = new StringWriter();
        ProgressLine progress = new ProgressLine("t", new PrintWriter(err), TerminalFacts.plain(), -1);
        progress.update(1, 2, null, "");
        progress.finish();
        assertFalse(err.toString().contains("t:"));
    }
}
