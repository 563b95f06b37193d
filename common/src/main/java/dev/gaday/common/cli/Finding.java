package dev.gaday.common.cli;

import dev.gaday.common.text.ReportFormat;
import dev.gaday.common.verdict.CriterionResult;
import dev.gaday.common.verdict.Status;
import java.util.Comparator;
import java.util.Objects;

/**
 * One thing a run found wrong, as every tool reports it: a failed gate (FAIL), a gate without data (NO_DATA)
 * or a warning-only criterion or data gap (WARN). Part of {@link RunReport} (docs/schema/run-summary.md).
 *
 * @param criterion what was held against a threshold ("availability", "Max downtime")
 * @param where the service, endpoint or file it concerns; null when it is the whole run
 * @param observed the measured value as people read it ("99.929%"); null when there was none
 * @param threshold the threshold as people read it (">= 99.95%"); null when there is none
 * @param detail why there is no value, or what else to know; null when nothing
 * @param miss how far the value missed, relative to the threshold (0.02 = 2 %); orders findings, worst first
 */
public record Finding(
        Status severity,
        String criterion,
        String where,
        String observed,
        String threshold,
        String detail,
        double miss) {
    /** FAIL before NO_DATA before WARN; within one severity, the largest miss first. */
    public static final Comparator<Finding> WORST_FIRST = Comparator.comparingInt((Finding f) -> rank(f.severity()))
            .reversed()
            .thenComparing(Comparator.comparingDouble(Finding::miss).reversed());

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(criterion, "criterion");
        if (severity == Status.PASS) {
            throw new IllegalArgumentException("a finding is never PASS");
        }
        miss = Double.isFinite(miss) ? Math.max(0, miss) : 0;
    }

    public static Finding of(Status severity, String criterion, String where, String detail) {
        return new Finding(severity, criterion, where, null, null, detail, 0);
    }

    /** A criterion result that did not pass; null for a PASS. Values shown as in {@link ReportFormat}. */
    public static Finding of(CriterionResult result, String where) {
        if (result.status() == Status.PASS) {
            return null;
        }
        String unit = ReportFormat.unitSuffix(result.unit());
        String observed = result.value() == null ? null : ReportFormat.withUnit(result.value(), 3, unit);
        // The threshold as the user gave it, to nine places (a rounded "< 0 s" would hide what was asked).
        String threshold = result.comparator().symbol() + " " + ReportFormat.withUnit(result.threshold(), 9, unit);
        double miss = 0;
        if (result.value() != null) {
            double scale = Math.abs(result.threshold()) > 1e-12 ? Math.abs(result.threshold()) : 1;
            miss = Math.abs(result.value() - result.threshold()) / scale;
        }
        return new Finding(
                result.status(),
                result.name(),
                where,
                observed,
                threshold,
                result.status() == Status.NO_DATA ? result.reason() : null,
                miss);
    }

    /** "availability (checkout): 99.929%, needs >= 99.95%" — one line for people. */
    public String describe() {
        StringBuilder text = new StringBuilder(criterion);
        if (where != null && !where.isBlank()) {
            text.append(" (").append(where).append(')');
        }
        text.append(": ").append(observed == null ? "no data" : observed);
        if (threshold != null) {
            text.append(", needs ").append(threshold);
        }
        if (detail != null && !detail.isBlank()) {
            text.append(" - ").append(detail);
        }
        return text.toString();
    }

    static int rank(Status status) {
        return switch (status) {
            case PASS -> 0;
            case WARN -> 1;
            case NO_DATA -> 2;
            case FAIL -> 3;
        };
    }
}
