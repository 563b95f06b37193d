package dev.gaday.common.model.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DriftFormatTest {
    @Test
    void valuesReadInTheMetricsUnitToThreeSignificantDigits() {
        assertEquals("0.0593%", DriftFormat.value("ratio", "error_ratio", 0.000593));
        assertEquals("0.353%", DriftFormat.value("ratio", "error_ratio", 0.003528));
        assertEquals("0%", DriftFormat.value("ratio", "error_ratio", 0.0));
        assertEquals("473 ms", DriftFormat.value("latency", "latency_p99", 0.4731));
        assertEquals("33.4 ms", DriftFormat.value("latency", "latency_p50", 0.03342));
        assertEquals("1,250 ms", DriftFormat.value("latency", "latency_p99", 1.25));
        assertEquals("215 MB", DriftFormat.value("gauge", "memory_bytes", 215_000_000.0));
        assertEquals("0.175", DriftFormat.value("gauge", "cpu_cores", 0.17512));
        assertEquals("55.7", DriftFormat.value("gauge", "request_rate", 55.742));
        assertEquals("N/A", DriftFormat.value("gauge", "request_rate", null));
        assertEquals("N/A", DriftFormat.value("ratio", "error_ratio", Double.NaN));
    }

    @Test
    void theChangeIsSignedOrSaysItRoseFromZero() {
        assertEquals("+494.9%", DriftFormat.change(494.859, 0.0006, 0.0035));
        assertEquals("-4.9%", DriftFormat.change(-4.93, 0.0006, 0.0005));
        assertEquals("0%", DriftFormat.change(0.0, 1.0, 1.0));
        assertEquals("rose from zero", DriftFormat.change(null, 0.0, 0.002));
        assertEquals("N/A", DriftFormat.change(null, null, 0.002));
    }
}
