package dev.gaday.common.text;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number formatting for reports: no exponent, no trailing zeros, at most {@code digits} decimals. */
public final class Numbers {
    private Numbers() {
    }

    public static String format(double value) {
        return format(value, 3);
    }

    public static String format(double value, int digits) {
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf";
        }
        BigDecimal decimal = BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_UP).stripTrailingZeros();
        if (decimal.signum() == 0) {
            return "0";
        }
        return decimal.toPlainString();
    }
}
