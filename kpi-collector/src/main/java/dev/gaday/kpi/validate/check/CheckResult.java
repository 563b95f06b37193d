package dev.gaday.kpi.validate.check;

/** A check and its outcome, with the time it took. */
public record CheckResult(Check check, Outcome outcome, long durationMs) {
    public CheckStatus status() {
        return outcome.status();
    }
}
