package dev.gaday.common.model.slo;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One SLO over the window. {@code good}, {@code total}, {@code errorRatio}, {@code errorBudget} and
 * {@code timeToExhaustionMinutes} are null when the state leaves them undefined (NO_TRAFFIC, NO_DATA,
 * QUERY_ERROR). {@code burnRates} maps a window (e.g. "5m", and the whole window's length) to the burn
 * rate at the window's end. {@code queries} maps a role (e.g. "errors", "total") to the PromQL template.
 * {@code burnRateSeries} (optional, added in schema version 1: null in older files and when nothing was
 * observed) is the burn rate over time of each alert's long window, for charts.
 */
public record SloResult(
        String name,
        String service,
        double objective,
        String sliType,
        Double good,
        Double total,
        Double errorRatio,
        ErrorBudget errorBudget,
        Map<String, Double> burnRates,
        Double timeToExhaustionMinutes,
        long minEvents,
        List<SloAlert> alerts,
        String state,
        String reason,
        Map<String, String> queries,
        SloBurnRateSeries burnRateSeries) {

    public static final List<String> STATES =
            List.of("OK", "BUDGET_EXHAUSTED", "PAGE", "TICKET", "NO_TRAFFIC", "NO_DATA", "QUERY_ERROR", "INSUFFICIENT");

    public SloResult {
        Objects.requireNonNull(name, "slos[].name");
        if (!(objective > 0 && objective < 100)) {
            throw new IllegalArgumentException("slos[].objective must be in (0, 100), got " + objective);
        }
        if (!STATES.contains(state)) {
            throw new IllegalArgumentException("slos[].state is '" + state + "', expected one of " + STATES);
        }
        burnRates = burnRates == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(burnRates));
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
        queries = queries == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(queries));
    }

    /**
     * The order SLOs are listed in, worst first: budget exhausted, paging, ticket, then those without an answer
     * (no traffic, no data, a query error, too few events), OK last.
     */
    public static int stateRank(String state) {
        return switch (state) {
            case "BUDGET_EXHAUSTED" -> 0;
            case "PAGE" -> 1;
            case "TICKET" -> 2;
            case "OK" -> 5;
            default -> 3;
        };
    }

    /** The budget numbers: percent of the budget consumed and remaining, and what remains in events and minutes. */
    public record ErrorBudget(
            double consumedPercent,
            double remainingPercent,
            double remainingEvents,
            double remainingFullOutageMinutes) {}
}
