package dev.gaday.drift.judge;

import dev.gaday.common.text.ReportFormat;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Turns a test result into a decision. A metric fails only when its change is both significant
 * (p after autocorrelation and Holm corrections below alpha) and practically large (at least the
 * policy's percent of the baseline aggregate) in its bad direction. Every verdict carries one
 * sentence saying why.
 */
public final class Judge {
    private Judge() {}

    public static Verdict decide(TestResult test, double adjustedPValue, Policy policy) {
        return decide(test, adjustedPValue, policy, Judge::num);
    }

    /**
     * As {@link #decide(TestResult, double, Policy)}, each side's value written by {@code shown}: in the metric's
     * unit, as the report's tables show it ("0.0593% → 0.353%", not "5.930e-04 → 0.003528").
     */
    public static Verdict decide(TestResult test, double adjustedPValue, Policy policy, DoubleFunction<String> shown) {
        if (test.nBaseline() < policy.minSamples() || test.nCurrent() < policy.minSamples()) {
            return insufficient(test.nBaseline(), test.nCurrent(), policy);
        }
        Double change = test.changePercent();
        boolean significant = adjustedPValue < policy.alpha();
        boolean higher = test.current() > test.baseline();
        boolean large = change == null || Math.abs(change) >= policy.practicalPercent();
        boolean bad =
                higher ? policy.direction().badWhenHigher() : policy.direction().badWhenLower();
        String what = String.format(
                Locale.ROOT,
                "%s %s (%s → %s)",
                higher ? "rose" : "fell",
                change == null ? "from zero" : String.format(Locale.ROOT, "%.1f %%", Math.abs(change)),
                shown.apply(test.baseline()),
                shown.apply(test.current()));
        String p = ReportFormat.pValue(test.pValue());
        String evidence = String.format(
                Locale.ROOT,
                "%s p %s, %s after corrections (alpha %s)",
                test.name(),
                p.startsWith("<") ? p : "= " + p,
                ReportFormat.pValue(adjustedPValue),
                num(policy.alpha()));
        if (test.baseline() == test.current()) {
            return new Verdict(
                    Decision.PASS,
                    Severity.NONE,
                    adjustedPValue,
                    false,
                    "unchanged (" + shown.apply(test.baseline()) + " on both sides); " + evidence + ".");
        }
        if (!significant) {
            return new Verdict(
                    Decision.PASS,
                    Severity.NONE,
                    adjustedPValue,
                    false,
                    "the aggregate " + what + " but the difference is not significant: " + evidence + ".");
        }
        Severity severity = policy.severity().of(change);
        if (!large) {
            return new Verdict(
                    Decision.PASS,
                    bad ? severity : Severity.NONE,
                    adjustedPValue,
                    false,
                    "the aggregate " + what + ", significant (" + evidence + ") but within the practical threshold of "
                            + num(policy.practicalPercent()) + " %.");
        }
        if (!bad) {
            return new Verdict(
                    Decision.PASS,
                    Severity.NONE,
                    adjustedPValue,
                    false,
                    "the aggregate " + what + ", significant (" + evidence + "), in the harmless direction ("
                            + policy.direction().id() + " is bad).");
        }
        Decision decision = higher ? Decision.HIGH : Decision.LOW;
        return new Verdict(
                decision,
                severity,
                adjustedPValue,
                policy.critical(),
                "the aggregate " + what + ", significant (" + evidence + ") and beyond the practical threshold of "
                        + num(policy.practicalPercent()) + " % in the bad direction → " + decision.label()
                        + (policy.critical() ? " on a critical metric." : "."));
    }

    public static Verdict noData(String which, Policy policy) {
        return new Verdict(
                Decision.NO_DATA,
                Severity.NONE,
                null,
                policy.critical(),
                "no series on " + which + (policy.critical() ? " of a critical metric." : "."));
    }

    public static Verdict insufficient(int nBaseline, int nCurrent, Policy policy) {
        return new Verdict(
                Decision.INSUFFICIENT,
                Severity.NONE,
                null,
                false,
                String.format(
                        Locale.ROOT,
                        "too few samples to judge: %d and %d, at least %d a side needed.",
                        nBaseline,
                        nCurrent,
                        policy.minSamples()));
    }

    public static Verdict error(String message, Policy policy) {
        return new Verdict(
                Decision.ERROR,
                Severity.NONE,
                null,
                policy.critical(),
                "the query failed: " + message + (policy.critical() ? " (critical metric)." : "."));
    }

    /** A percentage threshold as written in reasons: 10, 2.5. */
    public static String percent(double value) {
        return num(value);
    }

    /** Four significant digits: the precision of every number in a verdict's sentence. */
    static String num(double value) {
        return ReportFormat.significant(value, 4);
    }
}
