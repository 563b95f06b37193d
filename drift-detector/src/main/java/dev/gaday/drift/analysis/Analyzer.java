package dev.gaday.drift.analysis;

import dev.gaday.common.model.drift.CanaryScore;
import dev.gaday.common.model.drift.Drift;
import dev.gaday.common.model.drift.DriftAnalysis;
import dev.gaday.common.model.drift.DriftFormat;
import dev.gaday.common.model.drift.DriftTest;
import dev.gaday.common.model.drift.DriftWindow;
import dev.gaday.common.model.drift.Mitigation;
import dev.gaday.drift.config.DriftConfig;
import dev.gaday.drift.config.MetricConfig;
import dev.gaday.drift.judge.Decision;
import dev.gaday.drift.judge.Holm;
import dev.gaday.drift.judge.Judge;
import dev.gaday.drift.judge.Policy;
import dev.gaday.drift.judge.ProportionTest;
import dev.gaday.drift.judge.RankTest;
import dev.gaday.drift.judge.Scorecard;
import dev.gaday.drift.judge.Severity;
import dev.gaday.drift.judge.TestResult;
import dev.gaday.drift.judge.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Judges every check of a run: tests each one (rank test for gauges and latency, proportion test for
 * ratios), allows for autocorrelation, corrects across checks with Holm, decides, scores and explains.
 *
 * <p>The run's status: FAIL when a critical metric fails (High, Low, NoData, Error) or, in compare and
 * deploy, when any drift reaches the critical severity; NO_DATA when nothing could be judged (or a
 * critical metric had too few samples); otherwise by the weighted score (PASS ≥ pass, MARGINAL ≥
 * marginal, else FAIL).
 */
public final class Analyzer {
    private Analyzer() {}

    public static DriftAnalysis analyze(
            String mode,
            Map<String, DriftWindow> windows,
            DriftConfig config,
            long stepSeconds,
            List<Check> checks,
            Instant generatedAt,
            boolean complete) {
        int size = checks.size();
        TestResult[] tests = new TestResult[size];
        Double[] inflations = new Double[size];
        double[] pValues = new double[size];
        Verdict[] early = new Verdict[size];
        for (int i = 0; i < size; i++) {
            Check check = checks.get(i);
            Policy policy = config.policy(check.metric());
            pValues[i] = Double.NaN;
            if (check.error() != null) {
                early[i] = Judge.error(check.error(), policy);
            } else if (check.baseline() == null || check.current() == null) {
                early[i] = Judge.noData(
                        check.baseline() == null && check.current() == null
                                ? "either side"
                                : "the " + (check.baseline() == null ? baselineSide(mode) : currentSide(mode))
                                        + " side",
                        policy);
            } else if (check.baseline().size() < policy.minSamples()
                    || check.current().size() < policy.minSamples()) {
                early[i] = Judge.insufficient(
                        check.baseline().size(), check.current().size(), policy);
            } else if (check.metric().isRatio()) {
                long baselineTotal = Math.round(check.baseline().sumTotals());
                long currentTotal = Math.round(check.current().sumTotals());
                if (baselineTotal == 0 || currentTotal == 0) {
                    early[i] = new Verdict(
                            Decision.INSUFFICIENT,
                            Severity.NONE,
                            null,
                            false,
                            "no requests on the " + (baselineTotal == 0 ? baselineSide(mode) : currentSide(mode))
                                    + " side: the ratio is undefined.");
                } else {
                    long baselineErrors =
                            Math.min(baselineTotal, Math.round(check.baseline().sumValues()));
                    long currentErrors =
                            Math.min(currentTotal, Math.round(check.current().sumValues()));
                    tests[i] = ProportionTest.test(
                            baselineErrors,
                            baselineTotal,
                            currentErrors,
                            currentTotal,
                            config.confidence(),
                            check.baseline().size(),
                            check.current().size());
                    pValues[i] = tests[i].pValue();
                }
            } else {
                tests[i] =
                        RankTest.test(check.baseline().values(), check.current().values(), config.confidence());
                if (check.baseline().aggregate() != null && check.current().aggregate() != null) {
                    tests[i] = tests[i].withAggregates(
                            check.baseline().aggregate(), check.current().aggregate());
                }
                double inflation = Math.max(
                        RankTest.inflation(check.baseline().values()),
                        RankTest.inflation(check.current().values()));
                inflations[i] = inflation;
                pValues[i] = RankTest.autocorrelationAdjusted(tests[i].pValue(), inflation);
            }
        }
        double[] adjusted = Holm.adjust(pValues);

        List<Drift> drifts = new ArrayList<>();
        List<Mitigation> mitigations = new ArrayList<>();
        List<Scorecard.Entry> entries = new ArrayList<>();
        int info = 0;
        int warning = 0;
        int critical = 0;
        int driftsDetected = 0;
        int criticalDrifts = 0;
        for (int i = 0; i < size; i++) {
            Check check = checks.get(i);
            MetricConfig metric = check.metric();
            Policy policy = config.policy(metric);
            Verdict verdict = early[i] != null
                    ? early[i]
                    : Judge.decide(
                            tests[i], adjusted[i], policy, v -> DriftFormat.value(metric.kind(), metric.name(), v));
            TestResult t = tests[i];
            switch (verdict.severity()) {
                case INFO -> info++;
                case WARNING -> warning++;
                case CRITICAL -> critical++;
                default -> {}
            }
            boolean drifted = verdict.decision().failed();
            if (drifted) {
                driftsDetected++;
                if (verdict.severity() == Severity.CRITICAL || metric.isCritical()) {
                    criticalDrifts++;
                }
            }
            DriftTest test = new DriftTest(
                    t != null ? t.name() : null,
                    check.baseline() == null ? 0 : check.baseline().size(),
                    check.current() == null ? 0 : check.current().size(),
                    check.baseline() == null ? 0 : check.baseline().missing(),
                    check.current() == null ? 0 : check.current().missing(),
                    t != null ? t.pValue() : null,
                    Double.isNaN(adjusted[i]) ? null : adjusted[i],
                    inflations[i],
                    t != null ? t.ciLow() : null,
                    t != null ? t.ciHigh() : null,
                    t != null ? t.hlShift() : null,
                    t != null ? t.effectSize() : null,
                    t != null ? t.cles() : null,
                    config.confidence());
            Drift drift = new Drift(
                    metric.name(),
                    check.labels().getOrDefault("service", ""),
                    check.labels(),
                    metric.kind(),
                    metric.group(),
                    metric.isCritical(),
                    t != null ? t.baseline() : null,
                    t != null ? t.current() : null,
                    t != null ? t.changePercent() : null,
                    policy.direction().id(),
                    verdict.severity().id(),
                    verdict.decision().label(),
                    drifted,
                    test,
                    check.query(),
                    stepSeconds,
                    policy.practicalPercent(),
                    verdict.reason());
            drifts.add(drift);
            if (drifted) {
                mitigations.add(Mitigations.of(metric.mitigationKind(), drift));
            }
            entries.add(new Scorecard.Entry(metric.group(), metric.isCritical(), verdict.decision()));
        }

        Scorecard.Result score = Scorecard.score(
                config.groupWeights(),
                entries,
                config.score().pass(),
                config.score().marginal());
        String status = score.outcome().name();
        String reason = score.reason();
        boolean severityRule = !"canary".equals(mode);
        if (severityRule && score.outcome() != Scorecard.Outcome.FAIL && score.outcome() != Scorecard.Outcome.NO_DATA) {
            long severe = drifts.stream()
                    .filter(d -> d.drifted() && "critical".equals(d.severity()))
                    .count();
            if (severe > 0) {
                status = "FAIL";
                reason = severe + " drift(s) of critical severity (≥ "
                        + Judge.percent(config.severityThresholds().critical()) + " %); " + reason;
            }
        }
        CanaryScore canary = new CanaryScore(
                score.score(),
                score.outcome().name(),
                config.score().pass(),
                config.score().marginal(),
                score.groups().stream()
                        .map(g -> new CanaryScore.Group(g.group(), g.weight(), g.counted(), g.passed(), g.score()))
                        .toList(),
                score.reason());
        return DriftAnalysis.of(
                generatedAt,
                mode,
                windows,
                status,
                complete,
                driftsDetected,
                criticalDrifts,
                new DriftAnalysis.SeverityBreakdown(info, warning, critical),
                drifts,
                mitigations,
                canary,
                reason);
    }

    static String baselineSide(String mode) {
        return switch (mode) {
            case "canary" -> "stable";
            case "deploy" -> "before";
            default -> "baseline";
        };
    }

    static String currentSide(String mode) {
        return switch (mode) {
            case "canary" -> "canary";
            case "deploy" -> "after";
            default -> "current";
        };
    }
}
