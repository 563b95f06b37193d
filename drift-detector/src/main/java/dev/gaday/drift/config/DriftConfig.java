package dev.gaday.drift.config;

import dev.gaday.common.cli.DurationConverter;
import dev.gaday.drift.judge.Policy;
import dev.gaday.drift.judge.Scorecard;
import dev.gaday.drift.judge.Severity;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** drift.yaml: the metric set and the judge's settings. Validated as a whole by {@link #validate()}. */
public record DriftConfig(
        String step,
        Double confidence,
        Double alpha,
        Integer minSamples,
        Double practicalPercent,
        SeverityConfig severity,
        ScoreConfig score,
        Map<String, Double> groups,
        List<MetricConfig> metrics) {

    public record SeverityConfig(Double info, Double warning, Double critical) {}

    public record ScoreConfig(Double pass, Double marginal) {}

    public void validate() {
        if (step == null) {
            throw new IllegalArgumentException("step is missing (e.g. 1m)");
        }
        Duration stepDuration;
        try {
            stepDuration = DurationConverter.parse(step);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("step: " + e.getMessage());
        }
        if (stepDuration.toMillis() % 1000 != 0 || stepDuration.toSeconds() < 1) {
            throw new IllegalArgumentException("step must be a whole number of seconds, at least 1s, got " + step);
        }
        require(confidence, "confidence");
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, got " + confidence);
        }
        require(alpha, "alpha");
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be between 0 and 1, got " + alpha);
        }
        require(minSamples, "minSamples");
        if (minSamples < 1) {
            throw new IllegalArgumentException("minSamples must be at least 1, got " + minSamples);
        }
        require(practicalPercent, "practicalPercent");
        if (!(practicalPercent >= 0)) {
            throw new IllegalArgumentException("practicalPercent must be 0 or more, got " + practicalPercent);
        }
        require(severity, "severity");
        severityThresholds();
        require(score, "score");
        require(score.pass(), "score.pass");
        require(score.marginal(), "score.marginal");
        if (!(score.marginal() >= 0 && score.marginal() <= score.pass() && score.pass() <= 100)) {
            throw new IllegalArgumentException("score needs 0 <= marginal <= pass <= 100, got pass " + score.pass()
                    + ", marginal " + score.marginal());
        }
        require(groups, "groups");
        Scorecard.checkWeights(groups);
        if (metrics == null || metrics.isEmpty()) {
            throw new IllegalArgumentException("metrics is empty: name at least one metric");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < metrics.size(); i++) {
            MetricConfig metric = metrics.get(i);
            if (metric == null) {
                throw new IllegalArgumentException("metrics[" + i + "] is empty");
            }
            metric.validate(i);
            if (!names.add(metric.name())) {
                throw new IllegalArgumentException("metric '" + metric.name() + "' is named twice");
            }
            if (!groups.containsKey(metric.group())) {
                throw new IllegalArgumentException("metric '" + metric.name() + "': group '" + metric.group()
                        + "' has no weight in groups " + groups.keySet());
            }
        }
    }

    private static void require(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is missing");
        }
    }

    public Duration stepDuration() {
        return DurationConverter.parse(step);
    }

    public Severity.Thresholds severityThresholds() {
        require(severity.info(), "severity.info");
        require(severity.warning(), "severity.warning");
        require(severity.critical(), "severity.critical");
        return new Severity.Thresholds(severity.info(), severity.warning(), severity.critical());
    }

    public Policy policy(MetricConfig metric) {
        return new Policy(
                metric.directionValue(),
                metric.practicalPercent() != null ? metric.practicalPercent() : practicalPercent,
                alpha,
                metric.minSamples() != null ? metric.minSamples() : minSamples,
                metric.isCritical(),
                severityThresholds());
    }

    public Map<String, Double> groupWeights() {
        return new LinkedHashMap<>(groups);
    }
}
