package dev.gaday.slo.evaluate;

import dev.gaday.common.cli.DurationConverter;
import dev.gaday.common.model.slo.SloAlert;
import dev.gaday.common.model.slo.SloResult;
import dev.gaday.common.model.slo.SloViolation;
import dev.gaday.slo.math.AlertEvaluator;
import dev.gaday.slo.math.AlertRule;
import dev.gaday.slo.math.BurnRatePolicy;
import dev.gaday.slo.math.ErrorBudget;
import dev.gaday.slo.math.WindowCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one SLO's observed counts into its result: state, budget, burn rates at the end of the window,
 * the replayed alerts and the violations (times its page or ticket alerts fired).
 */
public final class SloEvaluator {
    private SloEvaluator() {}

    /** What is evaluated: the SLO, its effective policy (windows already floored) and its minimum-events guard. */
    public record Target(
            String name,
            String service,
            double objective,
            String sliType,
            BurnRatePolicy policy,
            long minEvents,
            Map<String, String> queries) {
        public double budget() {
            return ErrorBudget.budget(objective);
        }
    }

    /**
     * What was observed: the counts over the whole period from {@code windowStart}, and at each evaluation
     * time the counts over every window of the policy ending then.
     */
    public record Observations(
            Instant windowStart,
            Duration period,
            WindowCounts whole,
            Instant[] times,
            Map<Duration, WindowCounts[]> windows) {}

    /** An SLO and the violations found in it. */
    public record Evaluated(SloResult result, List<SloViolation> violations) {}

    /** A result without numbers: NO_DATA or QUERY_ERROR, with the reason. */
    public static Evaluated unavailable(Target target, String state, String reason) {
        return new Evaluated(
                new SloResult(
                        target.name(),
                        target.service(),
                        target.objective(),
                        target.sliType(),
                        null,
                        null,
                        null,
                        null,
                        Map.of(),
                        null,
                        target.minEvents(),
                        List.of(),
                        state,
                        reason,
                        target.queries(),
                        null),
                List.of());
    }

    public static Evaluated evaluate(Target target, Observations observed) {
        double budget = target.budget();
        WindowCounts whole = observed.whole();
        Map<String, Double> burnRates = new LinkedHashMap<>();
        int last = observed.times().length - 1;
        for (Map.Entry<Duration, WindowCounts[]> window : observed.windows().entrySet()) {
            if (last >= 0) {
                burnRates.put(
                        DurationConverter.format(window.getKey()), finite(window.getValue()[last].burnRate(budget)));
            }
        }
        burnRates.put(DurationConverter.format(observed.period()), finite(whole.burnRate(budget)));

        List<AlertEvaluator.Track> tracks = new ArrayList<>();
        Instant windowStart = observed.windowStart();
        for (AlertRule rule : target.policy().rules()) {
            tracks.add(AlertEvaluator.evaluate(
                    rule,
                    observed.times(),
                    observed.windows().get(rule.longWindow()),
                    observed.windows().get(rule.shortWindow()),
                    budget,
                    target.minEvents(),
                    windowStart.plus(rule.longWindow())));
        }
        List<SloAlert> alerts = tracks.stream().map(SloEvaluator::alert).toList();
        List<SloViolation> violations = new ArrayList<>();
        for (AlertRule.Severity severity : AlertRule.Severity.values()) {
            List<AlertEvaluator.Firing> firings = new ArrayList<>();
            tracks.stream().filter(t -> t.rule().severity() == severity).forEach(t -> firings.addAll(t.firings()));
            for (AlertEvaluator.Firing firing : AlertEvaluator.merge(firings)) {
                violations.add(new SloViolation(
                        target.name(), severity.id(), firing.from(), firing.to(), firing.peakBurnRate()));
            }
        }
        boolean paged = violations.stream().anyMatch(v -> v.severity().equals("page"));
        boolean ticketed = violations.stream().anyMatch(v -> v.severity().equals("ticket"));

        if (!whole.hasTraffic()) {
            // The SLI is undefined without events; the budget is untouched, not spent and not NaN.
            SloResult.ErrorBudget untouched = new SloResult.ErrorBudget(
                    0, 100, 0, budget * observed.period().toSeconds() / 60.0);
            return new Evaluated(
                    new SloResult(
                            target.name(),
                            target.service(),
                            target.objective(),
                            target.sliType(),
                            0.0,
                            0.0,
                            null,
                            untouched,
                            Map.of(),
                            null,
                            target.minEvents(),
                            alerts,
                            "NO_TRAFFIC",
                            "no events in the window: the SLI is undefined and the budget unchanged",
                            target.queries(),
                            BurnRateSeriesSampler.sample(target, observed)),
                    List.of());
        }
        double remaining = ErrorBudget.remainingFraction(whole, budget);
        SloResult.ErrorBudget errorBudget = new SloResult.ErrorBudget(
                100 * ErrorBudget.consumedFraction(whole, budget),
                100 * remaining,
                ErrorBudget.remainingEvents(whole, budget),
                ErrorBudget.remainingFullOutageMinutes(whole, budget, observed.period()));
        Duration current = target.policy().currentWindow();
        Double currentBurn = burnRates.get(DurationConverter.format(current));
        Double exhaustion =
                ErrorBudget.minutesToExhaustion(remaining, currentBurn == null ? 0 : currentBurn, observed.period());
        String state;
        String reason;
        if (whole.total() < target.minEvents()) {
            state = "INSUFFICIENT";
            reason = String.format(
                    java.util.Locale.ROOT,
                    "%.0f events in the window, fewer than the %d needed " + "before one error may page",
                    whole.total(),
                    target.minEvents());
        } else if (remaining <= 0) {
            state = "BUDGET_EXHAUSTED";
            reason = String.format(
                    java.util.Locale.ROOT,
                    "error ratio %.4g%% spent %.1f%% of the budget",
                    100 * whole.errorRatio(),
                    100 * ErrorBudget.consumedFraction(whole, budget));
        } else if (paged) {
            state = "PAGE";
            reason = "a page alert fired";
        } else if (ticketed) {
            state = "TICKET";
            reason = "a ticket alert fired";
        } else {
            state = "OK";
            reason = null;
        }
        SloResult result = new SloResult(
                target.name(),
                target.service(),
                target.objective(),
                target.sliType(),
                whole.good(),
                whole.total(),
                whole.errorRatio(),
                errorBudget,
                burnRates,
                exhaustion,
                target.minEvents(),
                alerts,
                state,
                reason,
                target.queries(),
                BurnRateSeriesSampler.sample(target, observed));
        return new Evaluated(result, violations);
    }

    private static SloAlert alert(AlertEvaluator.Track track) {
        AlertRule rule = track.rule();
        List<Instant> fired =
                track.firings().stream().map(AlertEvaluator.Firing::from).toList();
        List<Instant> resolved = track.firings().stream()
                .map(AlertEvaluator.Firing::to)
                .filter(java.util.Objects::nonNull)
                .toList();
        return new SloAlert(
                rule.severity().id(),
                DurationConverter.format(rule.longWindow()),
                DurationConverter.format(rule.shortWindow()),
                rule.factor(),
                track.firingAtEnd(),
                fired,
                resolved,
                track.peakBurnRate(),
                track.suppressedPoints());
    }

    /** JSON has no NaN: an undefined burn rate (no traffic in the window) is null. */
    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
