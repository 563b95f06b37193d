package dev.gaday.common.model;

/**
 * Range checks for the compact constructors of the exchanged records: a value no tool can have
 * measured (a percentage of 150, a negative count, a number beyond the double range such as 1e400,
 * which a JSON reader turns into infinity) is refused with an {@link InvalidValueException} naming
 * the field. Null stays allowed: it means "no data".
 */
public final class Ranges {
    private Ranges() {}

    /** A percentage: finite, from 0 to 100. */
    public static Double percent(String field, Double value) {
        if (value != null && !(value >= 0 && value <= 100)) {
            throw new InvalidValueException(field, "must be a number from 0 to 100, was " + show(value));
        }
        return value;
    }

    /** A count, duration, size or rate: finite, 0 or more. */
    public static Double nonNegative(String field, Double value) {
        if (value != null && !(value >= 0 && value < Double.POSITIVE_INFINITY)) {
            throw new InvalidValueException(field, "must be a number of 0 or more, was " + show(value));
        }
        return value;
    }

    public static double nonNegative(String field, double value) {
        return nonNegative(field, Double.valueOf(value));
    }

    public static Integer nonNegative(String field, Integer value) {
        if (value != null && value < 0) {
            throw new InvalidValueException(field, "must be 0 or more, was " + value);
        }
        return value;
    }

    public static int nonNegative(String field, int value) {
        return nonNegative(field, Integer.valueOf(value));
    }

    public static long nonNegative(String field, long value) {
        if (value < 0) {
            throw new InvalidValueException(field, "must be 0 or more, was " + value);
        }
        return value;
    }

    private static String show(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return (value < 0 ? "-" : "") + "infinite (a number beyond the range of a double, such as 1e400)";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
