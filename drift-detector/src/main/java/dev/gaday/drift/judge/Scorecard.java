package dev.gaday.drift.judge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Kayenta-style weighted score, without its flaws: group weights must sum to 100 (checked, not
 * silently re-shared); a group's score is the share of its counted metrics (Pass, High, Low, Error;
 * Error counts as not passing) that pass; NoData and Insufficient are left out of the share; groups
 * with nothing counted hand their weight to the others in proportion. A failing critical metric
 * makes the run FAIL whatever the score; a critical metric with too little data makes it NO_DATA.
 */
public final class Scorecard {
    public enum Outcome {
        PASS,
        MARGINAL,
        FAIL,
        NO_DATA
    }

    public record GroupScore(String group, double weight, int counted, int passed, Double score) {}

    public record Result(Double score, Outcome outcome, List<GroupScore> groups, String reason) {}

    /** One judged metric: its group, whether it is critical, and its decision. */
    public record Entry(String group, boolean critical, Decision decision) {}

    private Scorecard() {}

    /** Checks that the weights are positive and sum to 100 (within 1e-6). */
    public static void checkWeights(Map<String, Double> weights) {
        double sum = 0;
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            if (w.getValue() == null || !(w.getValue() > 0)) {
                throw new IllegalArgumentException("group '" + w.getKey() + "' needs a positive weight");
            }
            sum += w.getValue();
        }
        if (Math.abs(sum - 100) > 1e-6) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "group weights must sum to 100, they sum to %s", Judge.num(sum)));
        }
    }

    public static Result score(
            Map<String, Double> weights, List<Entry> entries, double passScore, double marginalScore) {
        checkWeights(weights);
        Map<String, int[]> tallies = new LinkedHashMap<>();
        weights.keySet().forEach(g -> tallies.put(g, new int[2]));
        List<String> criticalFailures = new ArrayList<>();
        boolean criticalInsufficient = false;
        for (Entry entry : entries) {
            int[] tally = tallies.get(entry.group());
            if (tally == null) {
                throw new IllegalArgumentException("metric group '" + entry.group() + "' has no weight");
            }
            if (entry.decision().counted()) {
                tally[0]++;
                if (entry.decision() == Decision.PASS) {
                    tally[1]++;
                }
            }
            if (entry.critical()) {
                switch (entry.decision()) {
                    case HIGH, LOW, NO_DATA, ERROR -> criticalFailures.add(
                            entry.group() + ":" + entry.decision().label());
                    case INSUFFICIENT -> criticalInsufficient = true;
                    default -> {}
                }
            }
        }
        double weightWithData = 0;
        for (Map.Entry<String, int[]> t : tallies.entrySet()) {
            if (t.getValue()[0] > 0) {
                weightWithData += weights.get(t.getKey());
            }
        }
        List<GroupScore> groups = new ArrayList<>();
        double score = 0;
        for (Map.Entry<String, int[]> t : tallies.entrySet()) {
            int counted = t.getValue()[0];
            int passed = t.getValue()[1];
            Double groupScore = counted == 0 ? null : 100.0 * passed / counted;
            groups.add(new GroupScore(t.getKey(), weights.get(t.getKey()), counted, passed, groupScore));
            if (groupScore != null) {
                score += groupScore * weights.get(t.getKey()) / weightWithData;
            }
        }
        if (!criticalFailures.isEmpty()) {
            return new Result(
                    weightWithData == 0 ? null : round(score),
                    Outcome.FAIL,
                    groups,
                    "critical metric(s) failed: " + String.join(", ", criticalFailures));
        }
        if (weightWithData == 0) {
            return new Result(null, Outcome.NO_DATA, groups, "no metric had enough data to be judged");
        }
        if (criticalInsufficient) {
            return new Result(
                    round(score), Outcome.NO_DATA, groups, "a critical metric had too few samples to be judged");
        }
        double rounded = round(score);
        Outcome outcome =
                rounded >= passScore ? Outcome.PASS : rounded >= marginalScore ? Outcome.MARGINAL : Outcome.FAIL;
        return new Result(
                rounded,
                outcome,
                groups,
                String.format(
                        Locale.ROOT,
                        "score %s (pass at %s, marginal at %s)",
                        Judge.num(rounded),
                        Judge.num(passScore),
                        Judge.num(marginalScore)));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
