package dev.gaday.common.cli;

import dev.gaday.common.error.ExitCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a run ended with, the same for every tool: the verdict, the exit code, the findings (worst first) and
 * the files written. Printed for people by {@link RunOutput}, as JSON with {@code --format json}
 * (docs/schema/run-summary.md), and into CI job summaries.
 *
 * @param verdict PASS, WARN (passed with warnings), FAIL, INCONCLUSIVE or ERROR: follows the exit code
 * @param headline the tool's own verdict sentence ("certification FAIL: availability 99.929%, ...")
 * @param partial the run was interrupted or covers less than planned: never a pass
 */
public record RunReport(
        int schemaVersion,
        String kind,
        String tool,
        String verdict,
        int exitCode,
        boolean partial,
        String headline,
        List<Finding> findings,
        List<String> outputFiles) {
    public static final String KIND = "run-summary";
    public static final int SCHEMA_VERSION = 1;
    public static final List<String> VERDICTS = List.of("PASS", "WARN", "FAIL", "INCONCLUSIVE", "ERROR");

    public RunReport {
        Objects.requireNonNull(tool, "tool");
        if (!VERDICTS.contains(verdict)) {
            throw new IllegalArgumentException("verdict must be one of " + VERDICTS + ", was " + verdict);
        }
        List<Finding> sorted = new ArrayList<>(findings == null ? List.of() : findings);
        sorted.removeIf(Objects::isNull);
        sorted.sort(Finding.WORST_FIRST);
        findings = List.copyOf(sorted);
        outputFiles = outputFiles == null ? List.of() : List.copyOf(outputFiles);
    }

    /**
     * A report whose verdict follows the exit code; a PASS with warning findings is WARN.
     */
    public static RunReport of(
            String tool,
            ExitCode exitCode,
            boolean partial,
            String headline,
            List<Finding> findings,
            List<String> outputFiles) {
        String verdict =
                switch (exitCode) {
                    case PASS -> findings != null && findings.stream().anyMatch(Objects::nonNull) ? "WARN" : "PASS";
                    case GATE_FAILED -> "FAIL";
                    case INCONCLUSIVE -> "INCONCLUSIVE";
                    case USAGE, RUNTIME_ERROR -> "ERROR";
                };
        return new RunReport(
                SCHEMA_VERSION, KIND, tool, verdict, exitCode.code(), partial, headline, findings, outputFiles);
    }

    /** The findings that fail the gate (FAIL and NO_DATA); warnings are the rest. */
    public List<Finding> failures() {
        return findings.stream()
                .filter(f -> f.severity() != dev.gaday.common.verdict.Status.WARN)
                .toList();
    }
}
