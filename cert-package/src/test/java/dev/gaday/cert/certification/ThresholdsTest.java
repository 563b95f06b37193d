package dev.gaday.cert.certification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A criterion's value reads with the precision of its kind, the same everywhere in the report. */
class ThresholdsTest {
    @Test
    void eachKindHasItsPrecision() {
        assertEquals("473.1 ms", Thresholds.value(473.1214, "ms"));
        assertEquals("1,000 ms", Thresholds.value(1000.0, "ms"));
        assertEquals("99.647%", Thresholds.value(99.64723, "%"));
        assertEquals("0.051 s", Thresholds.value(0.05123, "s"));
        assertEquals("3", Thresholds.value(3.0, ""));
        assertEquals("N/A", Thresholds.value(null, "ms"));
    }
}
