package dev.gaday.cert.report;

import dev.gaday.cert.certification.CertificationDecision;
import dev.gaday.cert.certification.Thresholds;
import dev.gaday.cert.input.Inputs;
import dev.gaday.cert.model.Gate;
import dev.gaday.common.model.kpi.KpiSnapshot;
import dev.gaday.common.model.kpi.KpiSummary;
import dev.gaday.common.model.kpi.ServiceKpis;
import dev.gaday.common.text.MarkdownText;
import dev.gaday.common.text.ReportFormat;
import dev.gaday.common.verdict.CriterionResult;
import dev.gaday.common.verdict.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Page one of the report: the verdict, a "why" box (each gate that failed or warned, and its top failing
 * criteria, one line each) and the service matrix, worst service first. Put right under the template's
 * title, so that a release manager reads why a release failed before the template's executive summary.
 */
public final class VerdictSummary {
    /** The matrix shows at most this many services (the worst). */
    static final int MATRIX_ROWS = 12;

    private VerdictSummary() {}

    /** The report with the summary inserted after its first level-1 heading (or at the top). */
    public static String insert(String markdown, Inputs inputs, CertificationDecision decision) {
        String block = markdown(inputs, decision);
        int heading = markdown.startsWith("# ") ? 0 : markdown.indexOf("\n# ");
        if (heading < 0) {
            return block + "\n" + markdown;
        }
        int lineEnd = markdown.indexOf('\n', heading == 0 ? 0 : heading + 1);
        if (lineEnd < 0) {
            return markdown + "\n\n" + block;
        }
        return markdown.substring(0, lineEnd + 1) + "\n" + block + "\n" + markdown.substring(lineEnd + 1);
    }

    static String markdown(Inputs inputs, CertificationDecision decision) {
        StringBuilder text = new StringBuilder();
        long counted = decision.gates().stream().filter(Gate::counted).count();
        List<Gate> notPassed = decision.notPassed();
        long failed = notPassed.stream().filter(g -> g.status() == Status.FAIL).count();
        text.append("> **Verdict: ")
                .append(MarkdownText.escape(decision.status().label()))
                .append("** — ")
                .append(MarkdownText.escape(
                        switch (decision.status()) {
                            case CERTIFIED -> "all " + counted + " counted gates passed";
                            case CERTIFIED_WITH_WARNINGS -> "no gate failed; " + notPassed.size() + " of " + counted
                                    + " counted gates warn";
                            case NOT_CERTIFIED -> failed + " of " + counted + " counted gates failed";
                            case INCONCLUSIVE -> "no gate failed, but "
                                    + notPassed.stream()
                                            .filter(g -> g.status() == Status.NO_DATA)
                                            .count() + " of " + counted
                                    + " counted gates have no or only partial data";
                        }))
                .append("\n>\n");
        if (notPassed.isEmpty()) {
            text.append("> **Why:** every counted gate passed.\n");
        } else {
            text.append("> **Why:**\n>\n");
            for (Gate gate : notPassed) {
                text.append("> - **")
                        .append(MarkdownText.escape(CertificationValues.MARKS.mark(gate.status()) + " " + gate.name()))
                        .append("** (")
                        .append(MarkdownText.escape(gate.mode()))
                        .append(")")
                        .append(
                                gate.reasons().isEmpty() && gate.note() != null
                                        ? ": " + MarkdownText.escape(MarkdownText.singleLine(gate.note()))
                                        : "")
                        .append('\n');
                for (String reason : gate.reasons()) {
                    text.append(">     - ")
                            .append(MarkdownText.escape(MarkdownText.singleLine(reason)))
                            .append('\n');
                }
            }
        }
        List<Gate> off = decision.gates().stream().filter(g -> !g.counted()).toList();
        if (!off.isEmpty()) {
            text.append(">\n> Not counted: ")
                    .append(MarkdownText.escape(String.join(
                            ", ",
                            off.stream()
                                    .map(g -> g.name() + " (" + (g.file() == null ? "no input" : "off") + ")")
                                    .toList())))
                    .append('\n');
        }
        String matrix = matrix(inputs);
        if (matrix != null) {
            text.append("\n**Services, worst first**\n\n").append(matrix);
        }
        return text.toString();
    }

    /** One row per service: availability, error rate, p99 (worst service over the window), time below target. */
    static String matrix(Inputs inputs) {
        KpiSummary summary = inputs.kpiSummary();
        if (summary == null || summary.services().isEmpty()) {
            return null;
        }
        CriterionResult fleetAvailability = criterion(summary, null, "availability");
        CriterionResult fleetErrorRate = criterion(summary, null, "error rate");
        CriterionResult fleetP99 = criterion(summary, null, "p99 latency");
        record Row(ServiceKpis service, Status status, double sortKey, CriterionResult availability) {}
        List<Row> rows = new ArrayList<>();
        Map<String, CriterionResult> targets = new HashMap<>();
        for (ServiceKpis s : summary.services()) {
            CriterionResult availability = or(criterion(summary, s.name(), "availability"), fleetAvailability);
            CriterionResult errorRate = or(criterion(summary, s.name(), "error rate"), fleetErrorRate);
            CriterionResult p99 = or(criterion(summary, s.name(), "p99 latency"), fleetP99);
            Status status = Status.PASS;
            status = status.worse(check(availability, s.availabilityPercent()));
            status = status.worse(check(errorRate, s.errorRatePercent()));
            status = status.worse(check(p99, s.p99LatencyMs()));
            if (availability != null) {
                targets.put(s.name(), availability);
            }
            rows.add(new Row(s, status, s.availabilityPercent() == null ? -1 : s.availabilityPercent(), availability));
        }
        Map<String, Duration> below = timeBelowTarget(inputs.snapshots(), targets);
        rows.sort(java.util.Comparator.comparingInt((Row r) -> switch (r.status()) {
                    case FAIL -> 0;
                    case NO_DATA -> 1;
                    case WARN -> 2;
                    case PASS -> 3;
                })
                .thenComparingDouble(Row::sortKey)
                .thenComparing(r -> r.service().name()));
        List<List<String>> table = new ArrayList<>();
        for (Row row : rows.subList(0, Math.min(MATRIX_ROWS, rows.size()))) {
            ServiceKpis s = row.service();
            Duration time = below.get(s.name());
            table.add(List.of(
                    s.name(),
                    ReportFormat.percent(s.availabilityPercent(), 3),
                    ReportFormat.percent(s.errorRatePercent(), 3),
                    ReportFormat.millis(s.p99LatencyMs(), 1),
                    time == null ? ReportFormat.NOT_AVAILABLE : time.isZero() ? "0 min" : ReportFormat.duration(time),
                    CertificationValues.MARKS.mark(row.status())));
        }
        String target = fleetAvailability != null
                ? Thresholds.describe(fleetAvailability)
                : rows.get(0).availability() != null
                        ? Thresholds.describe(rows.get(0).availability())
                        : null;
        StringBuilder text = new StringBuilder();
        text.append("| Service | Availability | Error rate | p99 latency (service, whole window) | Time below ")
                .append(target == null ? "availability target" : MarkdownText.escape(target))
                .append(" (5-minute snapshots) | Status |\n");
        text.append("|---|---:|---:|---:|---:|---|\n");
        text.append(MarkdownText.rows(table));
        if (rows.size() > MATRIX_ROWS) {
            text.append("\n\n")
                    .append(rows.size() - MATRIX_ROWS)
                    .append(" more services rank lower; the KPI " + "summary lists all.\n");
        }
        return text.toString();
    }

    private static CriterionResult or(CriterionResult first, CriterionResult second) {
        return first != null ? first : second;
    }

    /**
     * The KPI summary's criterion on a measure ("availability", "error rate", "p99 latency"): of a service
     * ("service checkout availability"), or of the fleet ("availability", "overall availability", "max p99
     * latency") when service is null.
     */
    static CriterionResult criterion(KpiSummary summary, String service, String measure) {
        for (CriterionResult r : summary.certification().criteria()) {
            String name = r.name().toLowerCase(Locale.ROOT).strip();
            if (service != null
                    ? name.equals("service " + service.toLowerCase(Locale.ROOT) + " " + measure)
                    : name.equals(measure) || name.equals("overall " + measure) || name.equals("max " + measure)) {
                return r;
            }
        }
        return null;
    }

    private static Status check(CriterionResult criterion, Double value) {
        if (criterion == null) {
            return Status.PASS;
        }
        if (value == null) {
            return Status.NO_DATA;
        }
        return criterion.comparator().holds(value, criterion.threshold()) ? Status.PASS : Status.FAIL;
    }

    /** Per service, the snapshots' time with availability below its target. */
    static Map<String, Duration> timeBelowTarget(List<KpiSnapshot> snapshots, Map<String, CriterionResult> targets) {
        Map<String, Duration> below = new HashMap<>();
        for (KpiSnapshot snapshot : snapshots) {
            Duration length = Duration.between(
                    snapshot.window().start(), snapshot.window().end());
            for (ServiceKpis s : snapshot.services()) {
                CriterionResult target = targets.get(s.name());
                if (target == null) {
                    continue;
                }
                below.merge(s.name(), Duration.ZERO, Duration::plus);
                if (s.availabilityPercent() != null
                        && !target.comparator().holds(s.availabilityPercent(), target.threshold())) {
                    below.merge(s.name(), length, Duration::plus);
                }
            }
        }
        return below;
    }
}
