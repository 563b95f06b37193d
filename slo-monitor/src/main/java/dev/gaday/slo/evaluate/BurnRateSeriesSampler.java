package dev.gaday.slo.evaluate;

import dev.gaday.common.cli.DurationConverter;
import dev.gaday.common.model.slo.SloBurnRateSeries;
import dev.gaday.slo.math.AlertRule;
import dev.gaday.slo.math.WindowCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The burn-rate series of one SLO for charts, from the counts the alerts were replayed on (no query of its
 * own): for each long window of the policy's alerts, the burn rate at every k-th evaluation time, k the
 * smallest of 1, 2, 3, 5, 10, 15, 20, 30, 60, … that keeps at most {@value #MAX_POINTS} points (a 24-hour window
 * at 1-minute evaluations: every 5 minutes; 7 days: every hour). Sampled, not averaged: each value is one an alert was judged on (kept to six significant digits). A live run grows its history
 * tick by tick; the series of each cycle is drawn from all of it and so stays bounded as it grows.
 */
public final class BurnRateSeriesSampler {
    /** At most this many points per window: a chart's width, not the replay's resolution. */
    public static final int MAX_POINTS = 300;
    /** The digits a burn rate keeps in the series. */
    public static final int SIGNIFICANT_DIGITS = 6;

    private BurnRateSeriesSampler() {}

    /** The series, or null without at least one evaluation time. */
    public static SloBurnRateSeries sample(SloEvaluator.Target target, SloEvaluator.Observations observed) {
        Instant[] times = observed.times();
        if (times.length == 0) {
            return null;
        }
        Instant first = times[0];
        Instant last = times[times.length - 1];
        // The evaluation step: the first gap (retroactive: the resolution; live: the interval).
        long base = times.length > 1 ? Duration.between(times[0], times[1]).toSeconds() : 1;
        if (base <= 0) {
            base = 1;
        }
        long span = Duration.between(first, last).toSeconds();
        long atBase = span / base + 1;
        long step = base * niceMultiple((atBase + MAX_POINTS - 1) / MAX_POINTS);
        int points = (int) (span / step) + 1;

        TreeSet<Duration> longWindows = new TreeSet<>();
        for (AlertRule rule : target.policy().rules()) {
            longWindows.add(rule.longWindow());
        }
        // Where each point lies among the evaluation times (-1: none there, e.g. a skipped live cycle).
        int[] index = new int[points];
        for (int i = 0; i < points; i++) {
            int found = Arrays.binarySearch(times, first.plusSeconds(step * i));
            index[i] = found >= 0 ? found : -1;
        }
        double budget = target.budget();
        List<SloBurnRateSeries.Window> windows = new ArrayList<>();
        for (Duration window : longWindows) {
            WindowCounts[] counts = observed.windows().get(window);
            if (counts == null) {
                continue;
            }
            List<Double> values = new ArrayList<>(points);
            for (int i = 0; i < points; i++) {
                double burn = index[i] < 0 ? Double.NaN : counts[index[i]].burnRate(budget);
                values.add(Double.isFinite(burn) ? significant(burn) : null);
            }
            windows.add(new SloBurnRateSeries.Window(DurationConverter.format(window), values));
        }
        return windows.isEmpty() ? null : new SloBurnRateSeries(first, step, windows);
    }

    /**
     * The burn rate to {@value #SIGNIFICANT_DIGITS} significant digits: a chart needs three, and the full
     * seventeen would make the series most of the file (20 SLOs × 4 windows × 289 points).
     */
    static double significant(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return value;
        }
        int exponent = SIGNIFICANT_DIGITS - 1 - (int) Math.floor(Math.log10(Math.abs(value)));
        // Dividing by an exact power of ten gives the double nearest the decimal, which prints as that decimal.
        return exponent >= 0
                ? Math.round(value * Math.pow(10, exponent)) / Math.pow(10, exponent)
                : Math.round(value / Math.pow(10, -exponent)) * Math.pow(10, -exponent);
    }

    /** The smallest "round" multiple at least {@code least}: at 1-minute steps, 5 or 15 minutes, not 7 or 34. */
    static long niceMultiple(long least) {
        for (long k : NICE) {
            if (k >= least) {
                return k;
            }
        }
        long k = NICE[NICE.length - 1];
        while (k < least) {
            k *= 2;
        }
        return k;
    }

    private static final long[] NICE = {1, 2, 3, 5, 10, 15, 20, 30, 60, 120, 180, 360, 720, 1440};
}
