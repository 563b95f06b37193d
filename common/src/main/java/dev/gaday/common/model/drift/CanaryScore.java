package dev.gaday.common.model.drift;

import java.util.List;

/**
 * The canary's weighted score: {@code score} in [0, 100] (null when nothing could be judged),
 * {@code verdict} PASS, MARGINAL, FAIL or NO_DATA, per-group shares and the sentence that explains it.
 */
public record CanaryScore(
        Double score,
        String verdict,
        double passThreshold,
        double marginalThreshold,
        List<Group> groups,
        String reason) {

    public CanaryScore {
        groups = List.copyOf(groups);
    }

    /** One group: its weight, how many checks counted, how many passed, its score (null if none counted). */
    public record Group(String group, double weight, int counted, int passed, Double score) {}
}
