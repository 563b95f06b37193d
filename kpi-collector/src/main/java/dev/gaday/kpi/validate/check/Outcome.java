package dev.gaday.kpi.validate.check;

import java.util.Objects;

/**
 * What an evaluator saw: a verdict with the observed value, or a skip (source not configured). Errors are thrown
 * as {@link CheckFailure} and made into outcomes by the runner.
 */
public record Outcome(CheckStatus status, Double observed, String evidence, String reason, ErrorKind errorKind) {
    public Outcome {
        Objects.requireNonNull(status, "status");
        if (observed != null && !Double.isFinite(observed)) {
            evidence = (evidence == null ? "" : evidence + "\n") + "observed value: " + observed;
            observed = null;
        }
        if ((status == CheckStatus.ERROR) != (errorKind != null)) {
            throw new IllegalArgumentException("an error outcome needs an error kind, and only an error outcome");
        }
    }

    public static Outcome verdict(boolean passed, Double observed, String reason, String evidence) {
        return new Outcome(passed ? CheckStatus.PASSED : CheckStatus.FAILED, observed, evidence, reason, null);
    }

    public static Outcome skipped(String reason) {
        return new Outcome(CheckStatus.SKIPPED, null, null, reason, null);
    }

    public static Outcome error(ErrorKind kind, String reason, String evidence) {
        return new Outcome(CheckStatus.ERROR, null, evidence, reason, kind);
    }
}
