package dev.gaday.common.model.slo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An SLO's burn rate over time, for charts: per long window of its alert rules (shortest first) the burn rate
 * at {@code start + i·stepSeconds}, sampled from the evaluations that replayed the alerts (not averaged), so
 * each value is one the alerts were judged on. A value is null where that window held no traffic or no
 * evaluation fell on the point. Every window has the same number of points.
 */
public record SloBurnRateSeries(Instant start, long stepSeconds, List<Window> windows) {

    /** One long window ("6h") and its burn rates, one per point. */
    public record Window(String window, List<Double> burnRates) {
        public Window {
            Objects.requireNonNull(window, "burnRateSeries.windows[].window");
            burnRates = burnRates == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(burnRates));
            for (Double value : burnRates) {
                if (value != null && !(value >= 0 && Double.isFinite(value))) {
                    throw new IllegalArgumentException("burnRateSeries " + window
                            + ": a burn rate must be a finite non-negative number, got " + value);
                }
            }
        }
    }

    public SloBurnRateSeries {
        Objects.requireNonNull(start, "burnRateSeries.start");
        if (stepSeconds <= 0) {
            throw new IllegalArgumentException("burnRateSeries.stepSeconds must be positive, got " + stepSeconds);
        }
        windows = windows == null ? List.of() : List.copyOf(windows);
        for (Window w : windows) {
            if (w.burnRates().size() != windows.get(0).burnRates().size()) {
                throw new IllegalArgumentException("burnRateSeries: window " + w.window() + " has "
                        + w.burnRates().size() + " points, window "
                        + windows.get(0).window() + " has "
                        + windows.get(0).burnRates().size());
            }
        }
    }

    /** How many points each window has. */
    public int points() {
        return windows.isEmpty() ? 0 : windows.get(0).burnRates().size();
    }

    /** The time of point {@code index}. */
    public Instant at(int index) {
        return start.plusSeconds(stepSeconds * index);
    }

    /** The burn rates of {@code window} ("6h"), or null when the series has no such window. */
    public List<Double> burnRates(String window) {
        return windows.stream()
                .filter(w -> w.window().equals(window))
                .map(Window::burnRates)
                .findFirst()
                .orElse(null);
    }
}
