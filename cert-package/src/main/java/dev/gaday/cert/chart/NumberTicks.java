package dev.gaday.cert.chart;

import dev.gaday.common.text.ReportFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * "Nice" ticks for a value axis. The step is 1, 2 or 5 × 10^n: of those, the one whose number of
 * intervals over the range (range / step) is nearest to {@code target} by ratio (10 intervals are
 * as far from 5 as 2.5 are; on a tie the larger step wins). The ticks are the step's multiples
 * inside the range, ends included; each is the double nearest to its decimal value (99.2, not
 * 99.20000000000002), and its label has as many decimals as the step needs.
 *
 * @param step the distance between ticks
 * @param decimals the decimals a label shows: 1 for a step of 0.2, 0 for 5
 * @param values the ticks, ascending
 */
public record NumberTicks(double step, int decimals, List<Double> values) {
    private static final int[] MULTIPLIERS = {1, 2, 5};

    public NumberTicks {
        values = List.copyOf(values);
    }

    /**
     * @param low the range's lower end
     * @param high the range's upper end, above low
     * @param target how many intervals are wanted between low and high (at least 1)
     */
    public static NumberTicks of(double low, double high, int target) {
        if (!(high > low) || !Double.isFinite(low) || !Double.isFinite(high) || target < 1) {
            throw new IllegalArgumentException(
                    "need a finite range low < high and a target >= 1: " + low + ".." + high + ", " + target);
        }
        double span = high - low;
        int base = (int) Math.floor(Math.log10(span / target));
        int multiplier = 1;
        int exponent = base;
        double bestDistance = Double.POSITIVE_INFINITY;
        // The step span / target lies in [10^base, 10^(base+1)): the candidates around it.
        for (int e = base - 1; e <= base + 1; e++) {
            for (int m : MULTIPLIERS) {
                double distance = Math.abs(Math.log(span / (m * Math.pow(10, e)) / target));
                // A little tolerance, so that a tie stays a tie despite rounding; ties go to the larger step.
                if (distance <= bestDistance + 1e-9) {
                    bestDistance = Math.min(distance, bestDistance);
                    multiplier = m;
                    exponent = e;
                }
            }
        }
        // Tick k is k × multiplier × 10^exponent; with a negative exponent that is computed as an
        // exact integer divided by an exact power of ten, which IEEE rounds to the nearest double
        // of the decimal value.
        double scale = Math.pow(10, Math.abs(exponent));
        double step = exponent >= 0 ? multiplier * scale : multiplier / scale;
        long first = (long) Math.ceil(low / step - 1e-9);
        long last = (long) Math.floor(high / step + 1e-9);
        List<Double> ticks = new ArrayList<>();
        for (long k = first; k <= last; k++) {
            double units = (double) k * multiplier;
            double tick = exponent >= 0 ? units * scale : units / scale;
            ticks.add(tick == 0 ? 0.0 : tick);
        }
        return new NumberTicks(step, Math.max(0, -exponent), ticks);
    }

    /** A tick's label: "99.2", "0.05", "300". */
    public String label(double tick) {
        return ReportFormat.fixed(tick, Math.min(decimals, 6));
    }
}
