package dev.gaday.cert.certification;

import dev.gaday.common.verdict.CriterionResult;

/** How a criterion's threshold reads in the report and on the charts. */
public final class Thresholds {
    private Thresholds() {}

    /** "≥ 99.9%": the threshold with the mathematical signs people read. */
    public static String describe(CriterionResult r) {
        return r.describeThreshold().replace(">=", "\u2265").replace("<=", "\u2264");
    }
}
