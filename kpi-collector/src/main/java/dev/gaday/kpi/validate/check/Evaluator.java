package dev.gaday.kpi.validate.check;

/**
 * The work of one check: asks its source and judges against the check's (possibly overridden) threshold. Throws
 * {@link CheckFailure} when it cannot judge.
 */
@FunctionalInterface
public interface Evaluator {
    Outcome evaluate(Check check, CheckContext context);
}
