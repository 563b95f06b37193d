package dev.gaday.slo.math;

import dev.gaday.slo.math.AlertRule.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A set of multi-window burn-rate alerts. {@link #ga24h()} is the default for a 24-hour window (the
 * Workbook's 30-day windows would give factors below 1 there); {@link #google30d()} is the SRE Workbook's
 * table for 30 days.
 */
public record BurnRatePolicy(String name, List<AlertRule> rules) {

    public static final String GA_24H = "ga-24h";
    public static final String GOOGLE_30D = "google-30d";

    public BurnRatePolicy {
        Objects.requireNonNull(name, "policy name");
        rules = List.copyOf(rules);
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("policy " + name + " has no alerts");
        }
    }

    /** Page at 14.4 over 5m/1m (5 % of a day's budget), 4.8 over 30m/5m (10 %); ticket at 2.4 over 2h/10m (20 %), 1 over 6h/30m (25 %). */
    public static BurnRatePolicy ga24h() {
        return new BurnRatePolicy(
                GA_24H,
                List.of(
                        new AlertRule(Severity.PAGE, Duration.ofMinutes(5), Duration.ofMinutes(1), 14.4),
                        new AlertRule(Severity.PAGE, Duration.ofMinutes(30), Duration.ofMinutes(5), 4.8),
                        new AlertRule(Severity.TICKET, Duration.ofHours(2), Duration.ofMinutes(10), 2.4),
                        new AlertRule(Severity.TICKET, Duration.ofHours(6), Duration.ofMinutes(30), 1.0)));
    }

    /** The SRE Workbook: page at 14.4 over 1h/5m and 6 over 6h/30m, ticket at 1 over 3d/6h. */
    public static BurnRatePolicy google30d() {
        return new BurnRatePolicy(
                GOOGLE_30D,
                List.of(
                        new AlertRule(Severity.PAGE, Duration.ofHours(1), Duration.ofMinutes(5), 14.4),
                        new AlertRule(Severity.PAGE, Duration.ofHours(6), Duration.ofMinutes(30), 6),
                        new AlertRule(Severity.TICKET, Duration.ofDays(3), Duration.ofHours(6), 1)));
    }

    /** A built-in policy by name, or null. */
    public static BurnRatePolicy named(String name) {
        return switch (name) {
            case GA_24H -> ga24h();
            case GOOGLE_30D -> google30d();
            default -> null;
        };
    }

    /**
     * The same policy with every window at least {@code floor} (four scrape intervals): a shorter window
     * holds too few samples for an increase, or none at all (Pyrra's "duration must be greater than 0").
     * A long window raised to the floor keeps its factor: the alert stays as sensitive, only slower.
     */
    public BurnRatePolicy withWindowsAtLeast(Duration floor) {
        List<AlertRule> raised = new ArrayList<>();
        for (AlertRule rule : rules) {
            Duration shortWindow = max(rule.shortWindow(), floor);
            Duration longWindow = max(rule.longWindow(), shortWindow);
            raised.add(new AlertRule(rule.severity(), longWindow, shortWindow, rule.factor()));
        }
        return new BurnRatePolicy(name, raised);
    }

    /** The highest factor: the fastest alert, the one a single bad event trips first. */
    public double maxFactor() {
        return rules.stream().mapToDouble(AlertRule::factor).max().orElseThrow();
    }

    /** Every distinct window the alerts look at, shortest first. */
    public List<Duration> windows() {
        TreeSet<Duration> windows = new TreeSet<>();
        for (AlertRule rule : rules) {
            windows.add(rule.longWindow());
            windows.add(rule.shortWindow());
        }
        return List.copyOf(windows);
    }

    /** The shortest long window: the one whose burn rate is "current". */
    public Duration currentWindow() {
        return rules.stream()
                .map(AlertRule::longWindow)
                .min(Duration::compareTo)
                .orElseThrow();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
