package dev.gaday.slo.math;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays one {@link AlertRule} over a series of evaluation times: at each time the alert's condition is
 * burn(long) > factor and burn(short) > factor, and the short window holds at least {@code minEvents}
 * events (else one stray error in a quiet minute would page). Windows without traffic never fire.
 *
 * <p>An alert is judged only from {@code judgedFrom} on (the evaluated window's start plus the alert's long
 * window): before that its long window would reach before the evaluated window, where there may be no data,
 * and it would judge a few minutes as if they were six hours.
 */
public final class AlertEvaluator {
    private AlertEvaluator() {}

    /** One time the alert fired: from its first firing evaluation to the first evaluation it stopped (null: still firing). */
    public record Firing(Instant from, Instant to, double peakBurnRate) {}

    /** The alert over the whole series. */
    public record Track(
            AlertRule rule,
            List<Firing> firings,
            boolean firingAtEnd,
            double peakBurnRate,
            long suppressedPoints,
            double lastLongBurnRate,
            double lastShortBurnRate) {
        public Track {
            firings = List.copyOf(firings);
        }
    }

    /**
     * @param times evaluation times, ascending
     * @param longWindow counts over the rule's long window ending at each time
     * @param shortWindow counts over the rule's short window ending at each time
     */
    public static Track evaluate(
            AlertRule rule,
            Instant[] times,
            WindowCounts[] longWindow,
            WindowCounts[] shortWindow,
            double budget,
            long minEvents) {
        return evaluate(rule, times, longWindow, shortWindow, budget, minEvents, Instant.MIN);
    }

    /** As above, judging only evaluation times at or after {@code judgedFrom}. */
    public static Track evaluate(
            AlertRule rule,
            Instant[] times,
            WindowCounts[] longWindow,
            WindowCounts[] shortWindow,
            double budget,
            long minEvents,
            Instant judgedFrom) {
        if (times.length != longWindow.length || times.length != shortWindow.length) {
            throw new IllegalArgumentException("times and window counts differ in length");
        }
        List<Firing> firings = new ArrayList<>();
        Instant firingSince = null;
        double firingPeak = 0;
        double peak = 0;
        long suppressed = 0;
        double lastLong = Double.NaN;
        double lastShort = Double.NaN;
        for (int i = 0; i < times.length; i++) {
            if (times[i].isBefore(judgedFrom)) {
                continue;
            }
            double burnLong = longWindow[i].burnRate(budget);
            double burnShort = shortWindow[i].burnRate(budget);
            lastLong = burnLong;
            lastShort = burnShort;
            if (burnLong > peak) {
                peak = burnLong;
            }
            boolean burning = burnLong > rule.factor() && burnShort > rule.factor();
            if (burning && shortWindow[i].total() < minEvents) {
                suppressed++;
                burning = false;
            }
            if (burning) {
                if (firingSince == null) {
                    firingSince = times[i];
                    firingPeak = burnLong;
                } else {
                    firingPeak = Math.max(firingPeak, burnLong);
                }
            } else if (firingSince != null) {
                firings.add(new Firing(firingSince, times[i], firingPeak));
                firingSince = null;
            }
        }
        boolean firingAtEnd = firingSince != null;
        if (firingAtEnd) {
            firings.add(new Firing(firingSince, null, firingPeak));
        }
        return new Track(rule, firings, firingAtEnd, peak, suppressed, lastLong, lastShort);
    }

    /**
     * The union of firings (of alerts of one severity): overlapping or touching intervals merge, keeping
     * the highest peak. Open intervals (still firing) stay open.
     */
    public static List<Firing> merge(List<Firing> firings) {
        List<Firing> sorted = new ArrayList<>(firings);
        sorted.sort(java.util.Comparator.comparing(Firing::from));
        List<Firing> merged = new ArrayList<>();
        for (Firing next : sorted) {
            if (!merged.isEmpty()) {
                Firing last = merged.get(merged.size() - 1);
                if (last.to() == null || !next.from().isAfter(last.to())) {
                    Instant to = last.to() == null || next.to() == null
                            ? null
                            : (next.to().isAfter(last.to()) ? next.to() : last.to());
                    merged.set(
                            merged.size() - 1,
                            new Firing(last.from(), to, Math.max(last.peakBurnRate(), next.peakBurnRate())));
                    continue;
                }
            }
            merged.add(next);
        }
        return merged;
    }
}
