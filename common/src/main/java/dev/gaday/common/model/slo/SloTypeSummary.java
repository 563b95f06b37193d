package dev.gaday.common.model.slo;

/**
 * The SLOs of one SLI type (availability, latency, errorRate) taken together, for the report's
 * error-budget lines: how many, how many kept their budget, the least budget left (percent; null when no
 * SLO of the type had traffic) and the ratio of all their errors to all their events (percent).
 */
public record SloTypeSummary(
        int slos,
        int withinBudget,
        Double minRemainingBudgetPercent,
        String worstSlo,
        Double errorRatioPercent,
        String status) {}
