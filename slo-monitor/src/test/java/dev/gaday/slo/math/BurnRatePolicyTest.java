package dev.gaday.slo.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BurnRatePolicyTest {
    private static final Duration DAY = Duration.ofHours(24);

    @Test
    void theDayPolicySpendsFiveTenTwentyAndTwentyFivePercent() {
        List<AlertRule> rules = BurnRatePolicy.ga24h().rules();
        assertEquals(4, rules.size());
        double[] fractions = {0.05, 0.10, 0.20, 0.25};
        for (int i = 0; i < rules.size(); i++) {
            assertEquals(
                    fractions[i],
                    rules.get(i).budgetFraction(DAY),
                    1e-12,
                    rules.get(i).toString());
            assertTrue(
                    rules.get(i).shortWindow().compareTo(rules.get(i).longWindow()) < 0,
                    rules.get(i).toString());
        }
        assertEquals(
                List.of("5m/1m", "30m/5m", "2h/10m", "6h/30m"),
                rules.stream()
                        .map(r -> dev.gaday.common.cli.DurationConverter.format(r.longWindow()) + "/"
                                + dev.gaday.common.cli.DurationConverter.format(r.shortWindow()))
                        .toList());
        assertEquals(
                List.of(14.4, 4.8, 2.4, 1.0),
                rules.stream().map(AlertRule::factor).toList());
        assertEquals(
                List.of(
                        AlertRule.Severity.PAGE,
                        AlertRule.Severity.PAGE,
                        AlertRule.Severity.TICKET,
                        AlertRule.Severity.TICKET),
                rules.stream().map(AlertRule::severity).toList());
    }

    @Test
    void theWorkbookTableKeepsItsThirtyDayFractions() {
        Duration month = Duration.ofDays(30);
        List<AlertRule> rules = BurnRatePolicy.google30d().rules();
        assertEquals(0.02, rules.get(0).budgetFraction(month), 1e-12);
        assertEquals(0.05, rules.get(1).budgetFraction(month), 1e-12);
        assertEquals(0.10, rules.get(2).budgetFraction(month), 1e-12);
        // The same table at 24 hours pages at a rate that would spend under 1x in a day: meaningless.
        assertEquals(0.6, rules.get(0).budgetFraction(DAY), 1e-12);
    }

    @Test
    void shortWindowsNeverFallBelowFourScrapeIntervals() {
        BurnRatePolicy floored =
                BurnRatePolicy.ga24h().withWindowsAtLeast(Duration.ofSeconds(60).multipliedBy(4));
        AlertRule fastest = floored.rules().get(0);
        assertEquals(Duration.ofMinutes(4), fastest.shortWindow());
        assertEquals(Duration.ofMinutes(5), fastest.longWindow());
        assertEquals(14.4, fastest.factor());
        // A floor above a long window lifts the long window with it.
        AlertRule lifted = BurnRatePolicy.ga24h()
                .withWindowsAtLeast(Duration.ofMinutes(8))
                .rules()
                .get(0);
        assertEquals(Duration.ofMinutes(8), lifted.shortWindow());
        assertEquals(Duration.ofMinutes(8), lifted.longWindow());
        // At a 15 s scrape nothing changes: 1m is four intervals.
        assertEquals(BurnRatePolicy.ga24h(), BurnRatePolicy.ga24h().withWindowsAtLeast(Duration.ofSeconds(60)));
    }

    @Test
    void windowsAreDistinctAndSorted() {
        assertEquals(
                List.of(
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(10),
                        Duration.ofMinutes(30),
                        Duration.ofHours(2),
                        Duration.ofHours(6)),
                BurnRatePolicy.ga24h().windows());
        assertEquals(Duration.ofMinutes(5), BurnRatePolicy.ga24h().currentWindow());
        assertEquals(14.4, BurnRatePolicy.ga24h().maxFactor());
    }

    @Test
    void badRulesAreRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new AlertRule(AlertRule.Severity.PAGE, Duration.ofMinutes(1), Duration.ofMinutes(5), 2));
        assertThrows(
                IllegalArgumentException.class,
                () -> new AlertRule(AlertRule.Severity.PAGE, Duration.ofMinutes(5), Duration.ZERO, 2));
        assertThrows(
                IllegalArgumentException.class,
                () -> new AlertRule(AlertRule.Severity.PAGE, Duration.ofMinutes(5), Duration.ofMinutes(1), 0));
        assertThrows(IllegalArgumentException.class, () -> new BurnRatePolicy("empty", List.of()));
    }
}
