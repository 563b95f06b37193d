package dev.gaday.drift.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProportionTestTest {

    @Test
    void zeroErrorBaselineAgainstErrorsIsSignificantByFisher() {
        TestResult r = ProportionTest.test(0, 1000, 10, 1000, 0.98, 60, 60);
        assertEquals("fisher-exact", r.name());
        assertEquals(0.0019094651653416143, r.pValue(), 1e-12); // scipy.stats.fisher_exact
        assertNull(r.effectSize());
        assertNull(r.changePercent());
        assertEquals(0, r.baseline(), 0);
        assertEquals(0.01, r.current(), 1e-15);
    }

    @Test
    void largeCountsUseThePooledZTest() {
        TestResult r = ProportionTest.test(100, 10_000, 130, 10_000, 0.98, 60, 60);
        assertEquals("two-proportion-z", r.name());
        assertEquals(1.989614786521866, r.statistic(), 1e-9);
        assertEquals(0.04663338603916137, r.pValue(), 1e-9);
        assertEquals(1.3, r.effectSize(), 1e-12);
        assertEquals(30, r.changePercent(), 1e-9);
        assertTrue(r.ciLow() < 0.003 && 0.003 < r.ciHigh());
    }

    @Test
    void noErrorsOnEitherSideIsNoDifference() {
        TestResult r = ProportionTest.test(0, 5000, 0, 4000, 0.98, 60, 60);
        assertEquals(1.0, r.pValue(), 0);
        assertEquals(0.0, r.changePercent(), 0);
    }

    @Test
    void inconsistentCountsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ProportionTest.test(5, 4, 0, 1, 0.98, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> ProportionTest.test(0, 0, 0, 1, 0.98, 1, 1));
    }
}
