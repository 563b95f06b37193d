package dev.gaday.common.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The one way the toolkit writes numbers for people: reports, summaries, Slack text, charts, terminal
 * lines. One rounding rule (half up on the decimal value as written, so 1.005 to two places is 1.01),
 * no exponent, no locale, and {@link #NOT_AVAILABLE} never followed by a unit.
 */
public final class ReportFormat {
    /** What a missing value reads as, alone: never "N/A%" or "N/A ms". */
    public static final String NOT_AVAILABLE = "N/A";

    private static final String[] BYTE_UNITS = {"B", "KB", "MB", "GB", "TB", "PB"};

    private ReportFormat() {}

    /** At most {@code decimals} places, trailing zeros dropped, no grouping: "99.2", "100", "1234.5". */
    public static String plain(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf";
        }
        BigDecimal rounded = round(value, decimals).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }

    /**
     * {@code digits} significant digits, trailing zeros dropped: "0.05583", "4.94", "1234"; very small or large
     * values in scientific notation ("5.930e-04"); "0" for zero.
     */
    public static String significant(double value, int digits) {
        if (value == 0 || !Double.isFinite(value)) {
            return plain(value, 0);
        }
        double size = Math.abs(value);
        if (size >= 1e-3 && size < 1e6) {
            return new BigDecimal(value)
                    .round(new MathContext(digits))
                    .stripTrailingZeros()
                    .toPlainString();
        }
        return String.format(Locale.ROOT, "%." + (digits - 1) + "e", value);
    }

    /** A probability as a statistician writes it: "0.05583", or "< 0.0001" below that (no "p = 0" from underflow). */
    public static String pValue(double p) {
        if (p < 1e-4) {
            return "< 0.0001";
        }
        return new BigDecimal(p).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** {@link #plain(double, int)} with three places. */
    public static String plain(double value) {
        return plain(value, 3);
    }

    /** Exactly {@code decimals} places, trailing zeros kept: "99.20" (chart ticks line up). */
    public static String fixed(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return plain(value, decimals);
        }
        BigDecimal rounded = round(value, decimals);
        return rounded.signum() == 0 ? round(0, decimals).toPlainString() : rounded.toPlainString();
    }

    /** At most {@code decimals} places with thousands separators: "12,418,789", "1,234.5"; N/A for null. */
    public static String number(Double value, int decimals) {
        if (value == null) {
            return NOT_AVAILABLE;
        }
        String text = plain(value, decimals);
        if (!Double.isFinite(value)) {
            return text;
        }
        int sign = text.startsWith("-") ? 1 : 0;
        int point = text.indexOf('.');
        int integerEnd = point < 0 ? text.length() : point;
        StringBuilder grouped = new StringBuilder(text.length() + 8);
        grouped.append(text, 0, sign);
        for (int i = sign; i < integerEnd; i++) {
            grouped.append(text.charAt(i));
            int left = integerEnd - i - 1;
            if (left > 0 && left % 3 == 0) {
                grouped.append(',');
            }
        }
        grouped.append(text, integerEnd, text.length());
        return grouped.toString();
    }

    /** A whole count with thousands separators: "122,223,022". */
    public static String count(Number value) {
        return value == null ? NOT_AVAILABLE : number(value.doubleValue(), 0);
    }

    /** A percentage: "99.653%"; N/A for null. */
    public static String percent(Double value, int decimals) {
        return withUnit(value, decimals, "%");
    }

    /** Milliseconds: "783.8 ms"; N/A for null. */
    public static String millis(Double value, int decimals) {
        return withUnit(value, decimals, " ms");
    }

    /** Seconds: "6.003 s"; N/A for null. */
    public static String seconds(Double value, int decimals) {
        return withUnit(value, decimals, " s");
    }

    /** A rate per second with its unit: "12.5 req/s"; N/A for null. */
    public static String perSecond(Double value, int decimals, String unit) {
        return withUnit(value, decimals, " " + unit + "/s");
    }

    /**
     * A bare unit as it follows a number: "%" close ("99.9%"), a word after a space ("570.3 ms", "3 alerts");
     * nothing for none, and a unit that already starts with its space as it is.
     */
    public static String unitSuffix(String unit) {
        if (unit == null || unit.isEmpty()) {
            return "";
        }
        return unit.equals("%") || unit.startsWith(" ") ? unit : " " + unit;
    }

    /**
     * A count with its unit word, singular for one ("1 alert", "0 alerts", "3 restarts"): a unit word is a plural
     * of three or more letters ending in "s"; symbols and abbreviations ("ms", "%", "MB") stay as they are.
     */
    public static String count(Double value, int decimals, String unit) {
        String suffix = unitSuffix(unit);
        String word = suffix.strip();
        if (value != null
                && value == 1
                && word.length() >= 3
                && word.endsWith("s")
                && word.chars().allMatch(Character::isLowerCase)) {
            suffix = suffix.substring(0, suffix.length() - 1);
        }
        return withUnit(value, decimals, suffix);
    }

    /** A value followed by its unit (with any space the unit needs), or N/A alone. */
    public static String withUnit(Double value, int decimals, String unit) {
        return value == null ? NOT_AVAILABLE : number(value, decimals) + unit;
    }

    /** Bytes in decimal units: "512 B", "12.4 MB", "1.5 GB"; N/A for null. */
    public static String bytes(Double value) {
        if (value == null) {
            return NOT_AVAILABLE;
        }
        double scaled = value;
        int unit = 0;
        while (Math.abs(scaled) >= 1000 && unit < BYTE_UNITS.length - 1) {
            scaled /= 1000;
            unit++;
        }
        return number(scaled, unit == 0 ? 0 : 1) + " " + BYTE_UNITS[unit];
    }

    /** A duration as people read it: "250 ms", "6.5 s", "45 min", "2 h 30 min", "1 d 2 h". */
    public static String duration(Duration duration) {
        if (duration == null) {
            return NOT_AVAILABLE;
        }
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return plain(millis / 1000.0, 1) + " s";
        }
        long minutes = Math.round(millis / 60_000.0);
        if (minutes < 60) {
            return minutes + " min";
        }
        long days = minutes / 1440;
        long hours = (minutes % 1440) / 60;
        long rest = minutes % 60;
        if (days > 0) {
            return days + " d" + (hours > 0 ? " " + hours + " h" : "");
        }
        return hours + " h" + (rest > 0 ? " " + rest + " min" : "");
    }

    /** A moment to the second, in UTC: "2026-01-15 00:00:00 UTC". */
    public static String timestamp(Instant instant) {
        if (instant == null) {
            return NOT_AVAILABLE;
        }
        String iso = instant.truncatedTo(ChronoUnit.SECONDS).toString();
        return iso.substring(0, iso.length() - 1).replace('T', ' ') + " UTC";
    }

    private static BigDecimal round(double value, int decimals) {
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals must not be negative: " + decimals);
        }
        // BigDecimal.valueOf uses the shortest decimal that reads back as this double ("1.005"), so
        // rounding is what a person doing it by hand expects, not the binary expansion's 1.00499...
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
    }
}
