package dev.gaday.cert.certification;

import dev.gaday.common.text.ReportFormat;
import dev.gaday.common.verdict.CriterionResult;

/** How a criterion's threshold and value read in the report and on the charts. */
public final class Thresholds {
    private Thresholds() {}

    /** "≥ 99.9%", "< 1,000 ms": the threshold with the mathematical signs people read. */
    public static String describe(CriterionResult r) {
        return sign(r.comparator().symbol()) + " " + value(r.threshold(), r.unit());
    }

    /** "≥" for ">=", "≤" for "<=". */
    public static String sign(String symbol) {
        return symbol == null ? "" : symbol.replace(">=", "\u2265").replace("<=", "\u2264");
    }

    /**
     * A value with its unit as people read it: "99.65%" (percent sticks to the number), "570.6 ms", "1 alert"
     * would be nice but "1 alerts" is honest; N/A never followed by a unit.
     */
    public static String value(Double value, String unit) {
        String u = unit == null ? "" : unit.strip();
        if (u.isEmpty()) {
            return ReportFormat.number(value, 3);
        }
        if (u.equals("%")) {
            return ReportFormat.percent(value, 3);
        }
        if (u.equals("ms")) {
            // As every latency of the report: a tenth of a millisecond (the service matrix, the p99 figures).
            return ReportFormat.millis(value, 1);
        }
        return ReportFormat.count(value, 3, u);
    }
}
