package dev.gaday.common.model.validation;

import dev.gaday.common.model.FileKind;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * {@code validation_results.json}: the outcome of {@code kpi-collector validate}, the JSON twin of its JUnit XML.
 * Field names are a contract (docs/schema/validation-results.md).
 *
 * @param status        PASS (every critical check passed), FAIL, ERROR (a critical check's source was
 *                      unreachable or its definition invalid) or INCONCLUSIVE (a critical check had no data)
 * @param critical      names of the critical checks that did not pass (failed or error): the ones that decide
 *                      the exit code
 * @param failed        names of every failed check, critical or not
 */
public record ValidationResults(
        int schemaVersion,
        String kind,
        String toolVersion,
        Instant generatedAt,
        Window window,
        String prometheusUrl,
        boolean gaMode,
        String status,
        int exitCode,
        Summary summary,
        List<Category> categories,
        List<String> critical,
        List<String> failed,
        List<Case> cases) {

    public static final String STATUS_PASSED = "passed";
    public static final String STATUS_FAILED = "failed";
    public static final String STATUS_ERROR = "error";
    public static final String STATUS_SKIPPED = "skipped";

    public ValidationResults {
        FileKind.VALIDATION_RESULTS.check(schemaVersion, kind);
        Objects.requireNonNull(summary, "summary is required");
        categories = List.copyOf(Objects.requireNonNull(categories, "categories is required"));
        critical = List.copyOf(Objects.requireNonNull(critical, "critical is required"));
        failed = List.copyOf(Objects.requireNonNull(failed, "failed is required"));
        cases = List.copyOf(Objects.requireNonNull(cases, "cases is required"));
        if (summary.total() != cases.size()) {
            throw new IllegalArgumentException(
                    "summary.total is " + summary.total() + " but there are " + cases.size() + " cases");
        }
    }

    /** The GA window the checks looked at. */
    public record Window(Instant start, Instant end) {}

    public record Summary(int total, int passed, int failed, int errors, int skipped) {
        public Summary {
            if (passed + failed + errors + skipped != total) {
                throw new IllegalArgumentException("summary counts " + passed + "+" + failed + "+" + errors + "+"
                        + skipped + " do not add up to total " + total);
            }
        }
    }

    /** The counts of one category (one JUnit testsuite). */
    public record Category(
            String name, int total, int passed, int failed, int errors, int skipped, double timeSeconds) {
        public Category {
            Objects.requireNonNull(name, "categories[].name is required");
            if (passed < 0 || failed < 0 || errors < 0 || skipped < 0) {
                throw new IllegalArgumentException("category " + name + ": counts must be 0 or more");
            }
            if (passed + failed + errors + skipped != total) {
                throw new IllegalArgumentException("category " + name + ": counts " + passed + "+" + failed + "+"
                        + errors + "+" + skipped + " do not add up to total " + total);
            }
        }
    }

    /**
     * One check's outcome.
     *
     * @param status     passed, failed, error (could not run: source unreachable, query error, no data, invalid
     *                   definition) or skipped (source not configured)
     * @param observed   the measured value held against the threshold (null when none was measured)
     * @param comparator the threshold's comparator as a symbol (">=", ">", "<=", "<"), null when the check has none
     * @param evidence   what was asked and seen: queries, per-series values, timings, query plans
     * @param reason     one line: the verdict, or why the check could not run or was skipped
     * @param errorKind  for errors: source (unreachable or failing source), no-data, definition; else null
     */
    public record Case(
            String name,
            String classname,
            String category,
            String severity,
            String kind,
            String status,
            Double observed,
            Double threshold,
            String comparator,
            String unit,
            String evidence,
            String reason,
            String errorKind,
            long durationMs) {
        public Case {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("case name is required");
            }
            if (!List.of(STATUS_PASSED, STATUS_FAILED, STATUS_ERROR, STATUS_SKIPPED)
                    .contains(status)) {
                throw new IllegalArgumentException("case " + name + ": unknown status '" + status + "'");
            }
        }
    }
}
