package dev.gaday.kpi.validate.check;

import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers as the reports show them: up to 6 significant digits, no exponent for everyday magnitudes. */
public final class Values {
    private Values() {}

    public static String format(Double value) {
        if (value == null) {
            return "-";
        }
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.valueOf((long) value.doubleValue());
        }
        return new BigDecimal(value)
                .round(new MathContext(6))
                .stripTrailingZeros()
                .toPlainString();
    }
}
