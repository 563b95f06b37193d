package dev.gaday.drift.judge;

import java.util.Locale;

/** How large a drift is: none (not significant, or below info), info, warning, critical. */
public enum Severity {
    NONE,
    INFO,
    WARNING,
    CRITICAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Thresholds in percent of the baseline aggregate: info ≥ 5, warning ≥ 10, critical ≥ 25 by default. */
    public record Thresholds(double info, double warning, double critical) {
        public static final Thresholds DEFAULT = new Thresholds(5, 10, 25);

        public Thresholds {
            if (!(info >= 0 && info <= warning && warning <= critical)) {
                throw new IllegalArgumentException("severity thresholds must satisfy 0 <= info <= warning <= critical, "
                        + "got " + info + ", " + warning + ", " + critical);
            }
        }

        /** The severity of a change of {@code percent} (its magnitude); null (a zero baseline) is critical. */
        public Severity of(Double percent) {
            if (percent == null) {
                return CRITICAL;
            }
            double size = Math.abs(percent);
            if (size >= critical) {
                return CRITICAL;
            }
            if (size >= warning) {
                return WARNING;
            }
            return size >= info ? INFO : NONE;
        }
    }
}
