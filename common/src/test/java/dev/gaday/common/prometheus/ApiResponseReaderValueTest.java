package dev.gaday.common.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Sample values as Prometheus writes them (Go's FormatFloat 'f'/'e' forms plus NaN and ±Inf). */
class ApiResponseReaderValueTest {
    @Test
    void everyFiniteValueParsesToExactlyTheDoubleJavaReads() {
        List<String> tricky = List.of(
                "0",
                "-0",
                "1",
                "0.1",
                "0.3",
                "123456",
                "99.92523178147742",
                "1e-320",
                "4.9e-324",
                "2.2250738585072011e-308",
                "1.7976931348623157e+308",
                "9007199254740993",
                "123456789012345678901234567890",
                "1.0000000000000002",
                "5e-7",
                "1780272300.123");
        for (String text : tricky) {
            assertEquals(
                    Double.doubleToRawLongBits(Double.parseDouble(text)),
                    Double.doubleToRawLongBits(ApiResponseReader.parseValue(text)),
                    text);
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(value)) {
                continue;
            }
            String text = Double.toString(value).replace("E", "e");
            assertEquals(
                    Double.doubleToRawLongBits(value),
                    Double.doubleToRawLongBits(ApiResponseReader.parseValue(text)),
                    text);
        }
    }

    @Test
    void specialValuesAndGarbage() {
        assertEquals(Double.POSITIVE_INFINITY, ApiResponseReader.parseValue("+Inf"));
        assertEquals(Double.NEGATIVE_INFINITY, ApiResponseReader.parseValue("-Inf"));
        assertEquals(Double.NaN, ApiResponseReader.parseValue("NaN"));
        for (String garbage : List.of("", "abc", "Infinity", "1d", "1e", "1.5e", "--1")) {
            assertThrows(NumberFormatException.class, () -> ApiResponseReader.parseValue(garbage), garbage);
        }
    }
}
