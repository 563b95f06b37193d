package dev.gaday.common.verdict;

import java.util.List;

/**
 * The overall outcome of a set of criteria. Any FAIL fails; otherwise any NO_DATA makes it
 * NO_DATA (a gate without data is never a pass); otherwise any WARN warns.
 */
public record Verdict(Status status, List<CriterionResult> criteria) {
    public Verdict {
        criteria = List.copyOf(criteria);
        if (status == null) {
            throw new IllegalArgumentException("a verdict needs a status");
        }
    }

    public static Verdict of(List<CriterionResult> criteria) {
        Status overall = Status.PASS;
        for (CriterionResult result : criteria) {
            overall = overall.worse(result.status());
        }
        if (criteria.isEmpty()) {
            overall = Status.NO_DATA;
        }
        return new Verdict(overall, criteria);
    }

    /** The exit code for this verdict: WARN still passes; NO_DATA is inconclusive. */
    public dev.gaday.common.error.ExitCode exitCode() {
        return switch (status) {
            case PASS, WARN -> dev.gaday.common.error.ExitCode.PASS;
            case FAIL -> dev.gaday.common.error.ExitCode.GATE_FAILED;
            case NO_DATA -> dev.gaday.common.error.ExitCode.INCONCLUSIVE;
        };
    }
}
