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

    private VerdictSummary() {
    }

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
        text.append("> **Verdict: ").append(MarkdownText.escape(decision.status().label())).append("** — ")
                .append(MarkdownText.escape(switch (decision.status()) {
                    case CERTIFIED -> "all " + counted + " counted gates passed";
                    case CERTIFIED_WITH_WARNINGS -> "no gate failed; " + notPassed.size() + " of " + counted
                            + " counted gates warn";
                    case NOT_CERTIFIED -> failed + " of " + counted + " counted gates failed";
                    case INCONCLUSIVE -> "no gate failed, but " + notPassed.stream()
                            .filter(g -> g.status() == Status.NO_DATA).count() + " of " + counted
                            + " counted gates have no or only partial data";
                })).append("\n>\n");
        if (notPassed.isEmpty()) {
            text.append("> **Why:** every counted gate passed.\n");
        } else {
            text.append("> **Why:**\n>\n");
            for (Gate gate : notPassed) {
                text.append("> - **").append(MarkdownText.escape(CertificationValues.MARKS.mark(gate.status())
                        + " " + gate.name())).append("** (").append(MarkdownText.escape(gate.mode()))
                        .append(")").append(gate.reasons().isEmpty() && gate.note() != null
                                ? ": " + MarkdownText.escape(MarkdownText.singleLine(gate.note())) : "").append('\n');
                for (String reason : gate.reasons()) {
                    text.append(">     - ").append(MarkdownText.escape(MarkdownText.singleLine(reason))).append('\n');
                }
            }
        }
        List<Gate> off = decision.gates().stream().filter(g -> !g.counted()).toList();
        if (!off.isEmpty()) {
            text.append(">\n> Not counted: ").append(MarkdownText.escape(String.join(", ", off.stream()
                    .map(g -> g.name() + " (" + (g.file() == null ? "no input" : "off") + ")").toList())))
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
        CriterionResult availability = criterion(summary, "availability");
        CriterionResult errorRate = criterion(summary, "error rate");
        CriterionResult p99 = criterion(summary, "p99");
        Map<String, Duration> below = timeBelowTarget(inputs.snapshots(), availability);
        record Row(ServiceKpis service, Status status, double sortKey) {
        }
        List<Row> rows = new ArrayList<>();
        for (ServiceKpis s : summary.services()) {
            Status status = Status.PASS;
            status = status.worse(check(availability, s.availabilityPercent()));
            status = status.worse(check(errorRate, s.errorRatePercent()));
            status = status.worse(check(p99, s.p99LatencyMs()));
            rows.add(new Row(s, status, s.availabilityPercent() == null ? -1 : s.availabilityPercent()));
        }
        rows.sort(java.util.Comparator.comparingInt((Row r) -> switch (r.status()) {
            case FAIL -> 0;
            case NO_DATA -> 1;
            case WARN -> 2;
            case PASS -> 3;
        }).thenComparingDouble(Row::sortKey).thenComparing(r -> r.service().name()));
        List<List<String>> table = new ArrayList<>();
        for (Row row : rows.subList(0, Math.min(MATRIX_ROWS, rows.size()))) {
            ServiceKpis s = row.service();
            Duration time = below.get(s.name());
            table.add(List.of(s.name(), ReportFormat.percent(s.availabilityPercent(), 3),
                    ReportFormat.percent(s.errorRatePercent(), 3), ReportFormat.millis(s.p99LatencyMs(), 1),
                    time == null ? ReportFormat.NOT_AVAILABLE : time.isZero() ? "0 min" : ReportFormat.duration(time),
                    CertificationValues.MARKS.mark(row.status())));
        }
        String target = availability == null ? "the availability target"
                : Thresholds.describe(availability);
        StringBuilder text = new StringBuilder();
        text.append("| Service | Availability | Error rate | p99 latency (service, whole window) | Time below ")
                .append(MarkdownText.escape(target)).append(" (5-minute snapshots) | Status |\n");
        text.append("|---|---:|---:|---:|---:|---|\n");
        text.append(MarkdownText.rows(table));
        if (rows.size() > MATRIX_ROWS) {
            text.append("\n").append(rows.size() - MATRIX_ROWS).append(" more services pass or rank lower; the "
                    + "service table below lists all.\n");
        }
        return text.toString();
    }

    /** The KPI summary's criterion whose name starts with (or, for p99, contains) the given words. */
    private static CriterionResult criterion(KpiSummary summary, String words) {
        for (CriterionResult r : summary.certification().criteria()) {
            String name = r.name().toLowerCase(Locale.ROOT);
            if (words.equals("p99") ? name.contains("p99") && !name.contains("window") : name.equals(words)) {
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

    /** Per service, the snapshots' time with availability below the target. */
    static Map<String, Duration> timeBelowTarget(List<KpiSnapshot> snapshots, CriterionResult availability) {
        Map<String, Duration> below = new HashMap<>();
        if (availability == null || snapshots.isEmpty()) {
            return below;
        }
        for (KpiSnapshot snapshot : snapshots) {
            Duration length = Duration.between(snapshot.window().start(), snapshot.window().end());
            for (ServiceKpis s : snapshot.services()) {
                below.merge(s.name(), Duration.ZERO, Duration::plus);
                if (s.availabilityPercent() != null
                        && !availability.comparator().holds(s.availabilityPercent(), availability.threshold())) {
                    below.merge(s.name(), length, Duration::plus);
                }
            }
        }
        return below;
    }

}
