package dev.gaday.drift.analysis;

import dev.gaday.common.model.drift.CanaryScore;
import dev.gaday.common.model.drift.Drift;
import dev.gaday.common.model.drift.DriftAnalysis;
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
        List<Tested> tested = new ArrayList<>(checks.size());
        for (Check check : checks) {
            tested.add(test(mode, check, config));
        }
        return analyze(mode, windows, config, stepSeconds, checks, tested, generatedAt, complete);
    }

    /**
     * One check's test (or the verdict it gets without one: an error, no data, too few samples), before the
     * corrections across checks. Independent of every other check, so a run can test each metric's checks
     * while the next metric's queries are on their way.
     */
    public static Tested test(String mode, Check check, DriftConfig config) {
        Policy policy = config.policy(check.metric());
        if (check.error() != null) {
            return Tested.early(Judge.error(check.error(), policy));
        }
        if (check.baseline() == null || check.current() == null) {
            return Tested.early(Judge.noData(
                    check.baseline() == null && check.current() == null
                            ? "either side"
                            : "the " + (check.baseline() == null ? baselineSide(mode) : currentSide(mode)) + " side",
                    policy));
        }
        if (check.baseline().size() < policy.minSamples() || check.current().size() < policy.minSamples()) {
            return Tested.early(
                    Judge.insufficient(check.baseline().size(), check.current().size(), policy));
        }
        if (check.metric().isRatio()) {
            long baselineTotal = Math.round(check.baseline().sumTotals());
            long currentTotal = Math.round(check.current().sumTotals());
            if (baselineTotal == 0 || currentTotal == 0) {
                return Tested.early(new Verdict(
                        Decision.INSUFFICIENT,
                        Severity.NONE,
                        null,
                        false,
                        "no requests on the " + (baselineTotal == 0 ? baselineSide(mode) : currentSide(mode))
                                + " side: the ratio is undefined."));
            }
            long baselineErrors =
                    Math.min(baselineTotal, Math.round(check.baseline().sumValues()));
            long currentErrors =
                    Math.min(currentTotal, Math.round(check.current().sumValues()));
            TestResult test = ProportionTest.test(
                    baselineErrors,
                    baselineTotal,
                    currentErrors,
                    currentTotal,
                    config.confidence(),
                    check.baseline().size(),
                    check.current().size());
            return new Tested(test, null, test.pValue(), null);
        }
        TestResult test =
                RankTest.test(check.baseline().values(), check.current().values(), config.confidence());
        if (check.baseline().aggregate() != null && check.current().aggregate() != null) {
            test = test.withAggregates(
                    check.baseline().aggregate(), check.current().aggregate());
        }
        double inflation = Math.max(
                RankTest.inflation(check.baseline().values()),
                RankTest.inflation(check.current().values()));
        return new Tested(test, inflation, RankTest.autocorrelationAdjusted(test.pValue(), inflation), null);
    }

    /**
     * A check's test before the corrections across checks: the test with its autocorrelation inflation and
     * adjusted p-value, or the verdict given without a test (then the p-value is NaN).
     */
    public record Tested(TestResult test, Double inflation, double pValue, Verdict early) {
        static Tested early(Verdict verdict) {
            return new Tested(null, null, Double.NaN, verdict);
        }
    }

    /** As {@link #analyze(String, Map, DriftConfig, long, List, Instant, boolean)}, each check already tested. */
    public static DriftAnalysis analyze(
            String mode,
            Map<String, DriftWindow> windows,
            DriftConfig config,
            long stepSeconds,
            List<Check> checks,
            List<Tested> tested,
            Instant generatedAt,
            boolean complete) {
        if (tested.size() != checks.size()) {
            throw new IllegalArgumentException(tested.size() + " tests for " + checks.size() + " checks");
        }
        int size = checks.size();
        TestResult[] tests = new TestResult[size];
        Double[] inflations = new Double[size];
        double[] pValues = new double[size];
        Verdict[] early = new Verdict[size];
        for (int i = 0; i < size; i++) {
            Tested t = tested.get(i);
            tests[i] = t.test();
            inflations[i] = t.inflation();
            pValues[i] = t.pValue();
            early[i] = t.early();
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
            Verdict verdict = early[i] != null ? early[i] : Judge.decide(tests[i], adjusted[i], policy);
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
