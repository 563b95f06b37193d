package dev.gaday.cert.chart;

/**
 * Fixed-point number text without java.util.Formatter (slow to start on a cold JVM) and without
 * locale: the same double always gives the same characters.
 */
final class Decimals {
    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    private Decimals() {
    }

    /** The value rounded (half up) to the given number of decimals (0..6), trailing zeros kept: "99.20". */
    static String fixed(double value, int decimals) {
        if (decimals < 0 || decimals >= POWERS.length) {
            throw new IllegalArgumentException("decimals must be 0.." + (POWERS.length - 1) + ": " + decimals);
        }
        long scaled = Math.round(Math.abs(value) * POWERS[decimals]);
        StringBuilder out = new StringBuilder(12);
        if (value < 0 && scaled != 0) {
            out.append('-');
        }
        out.append(scaled / POWERS[decimals]);
        if (decimals > 0) {
            String fraction = Long.toString(scaled % POWERS[decimals]);
            out.append('.');
            for (int i = fraction.length(); i < decimals; i++) {
                out.append('0');
            }
            out.append(fraction);
        }
        return out.toString();
    }

    /** The value rounded to the given number of decimals, trailing zeros and point dropped: "99.2", "100". */
    static String compact(double value, int decimals) {
        String text = fixed(value, decimals);
        if (decimals == 0) {
            return text;
        }
        int end = text.length();
        while (text.charAt(end - 1) == '0') {
            end--;
        }
        if (text.charAt(end - 1) == '.') {
            end--;
        }
        return text.substring(0, end);
    }
}
