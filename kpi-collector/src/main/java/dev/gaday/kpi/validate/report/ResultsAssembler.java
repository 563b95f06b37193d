package dev.gaday.kpi.validate.report;

import dev.gaday.common.cli.BuildInfo;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.model.FileKind;
import dev.gaday.common.model.validation.ValidationResults;
import dev.gaday.kpi.validate.check.CheckResult;
import dev.gaday.kpi.validate.check.CheckStatus;
import dev.gaday.kpi.validate.check.ErrorKind;
import dev.gaday.kpi.validate.check.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the check results into validation_results.json's record and decides the exit code: only critical checks
 * count. A failed critical check gives 1 (the release is not certified, whatever else happened); else an
 * unreachable or failing source 4, else an invalid check definition 2, else missing data 3; else 0.
 */
public final class ResultsAssembler {
    private ResultsAssembler() {}

    public static ExitCode exitCode(List<CheckResult> results) {
        boolean failed = false;
        boolean source = false;
        boolean definition = false;
        boolean noData = false;
        for (CheckResult result : results) {
            if (result.check().severity() != Severity.CRITICAL) {
                continue;
            }
            if (result.status() == CheckStatus.FAILED) {
                failed = true;
            } else if (result.status() == CheckStatus.ERROR) {
                ErrorKind kind = result.outcome().errorKind();
                source |= kind == ErrorKind.SOURCE;
                definition |= kind == ErrorKind.DEFINITION;
                noData |= kind == ErrorKind.NO_DATA;
            }
        }
        if (failed) {
            return ExitCode.GATE_FAILED;
        }
        if (source) {
            return ExitCode.RUNTIME_ERROR;
        }
        if (definition) {
            return ExitCode.USAGE;
        }
        return noData ? ExitCode.INCONCLUSIVE : ExitCode.PASS;
    }

    static String status(ExitCode exitCode) {
        return switch (exitCode) {
            case PASS -> "PASS";
            case GATE_FAILED -> "FAIL";
            case INCONCLUSIVE -> "INCONCLUSIVE";
            default -> "ERROR";
        };
    }

    public static ValidationResults assemble(
            List<CheckResult> results,
            Instant start,
            Instant end,
            String prometheusUrl,
            boolean gaMode,
            Instant generatedAt) {
        ExitCode exitCode = exitCode(results);
        List<ValidationResults.Case> cases = new ArrayList<>();
        Map<String, int[]> categories = new LinkedHashMap<>();
        Map<String, Long> categoryMillis = new LinkedHashMap<>();
        List<String> critical = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        int[] totals = new int[4];
        for (CheckResult result : results) {
            var check = result.check();
            var outcome = result.outcome();
            cases.add(new ValidationResults.Case(
                    check.name(),
                    classname(result),
                    check.category(),
                    check.severity().id(),
                    check.kind(),
                    result.status().id(),
                    outcome.observed(),
                    check.threshold(),
                    check.comparator() == null ? null : check.comparator().symbol(),
                    check.unit(),
                    outcome.evidence(),
                    outcome.reason(),
                    outcome.errorKind() == null ? null : outcome.errorKind().id(),
                    result.durationMs()));
            int[] counts = categories.computeIfAbsent(check.category(), k -> new int[4]);
            counts[result.status().ordinal()]++;
            totals[result.status().ordinal()]++;
            categoryMillis.merge(check.category(), result.durationMs(), Long::sum);
            if (result.status() == CheckStatus.FAILED) {
                failed.add(check.name());
            }
            if (check.severity() == Severity.CRITICAL
                    && (result.status() == CheckStatus.FAILED || result.status() == CheckStatus.ERROR)) {
                critical.add(check.name());
            }
        }
        List<ValidationResults.Category> categoryList = new ArrayList<>();
        for (Map.Entry<String, int[]> entry : categories.entrySet()) {
            int[] c = entry.getValue();
            categoryList.add(new ValidationResults.Category(
                    entry.getKey(),
                    c[0] + c[1] + c[2] + c[3],
                    c[0],
                    c[1],
                    c[2],
                    c[3],
                    categoryMillis.get(entry.getKey()) / 1000.0));
        }
        ValidationResults.Summary summary =
                new ValidationResults.Summary(results.size(), totals[0], totals[1], totals[2], totals[3]);
        return new ValidationResults(
                FileKind.VALIDATION_RESULTS.schemaVersion(),
                FileKind.VALIDATION_RESULTS.id(),
                BuildInfo.version(),
                generatedAt,
                new ValidationResults.Window(start, end),
                prometheusUrl,
                gaMode,
                status(exitCode),
                exitCode.code(),
                summary,
                categoryList,
                critical,
                failed,
                cases);
    }

    /** The JUnit classname: stable per category, e.g. validate.reliability. */
    static String classname(CheckResult result) {
        return "validate." + result.check().category();
    }
}
