package dev.gaday.common.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A range answer's series as primitive arrays: the same samples as the list of records, without the objects. */
class CompactSeriesTest {
    private static QueryResult.Series parse(String values) throws Exception {
        String body = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
                + "{\"metric\":{\"service\":\"a\"},\"values\":[" + values + "]}]}}";
        ApiResponseReader.ApiResponse response = ApiResponseReader.read(body.getBytes(StandardCharsets.UTF_8));
        return response.elements.get(0).series();
    }

    @Test
    void aSeriesOnARegularGridKeepsOnlyItsFirstTimeAndStep() throws Exception {
        QueryResult.Series series = parse("[1000,\"1\"],[1300,\"2.5\"],[1600,\"NaN\"],[1900,\"+Inf\"]");
        assertTrue(series.onRegularGrid());
        assertEquals(4, series.size());
        assertEquals(
                List.of(
                        new QueryResult.Sample(Instant.ofEpochSecond(1000), 1),
                        new QueryResult.Sample(Instant.ofEpochSecond(1300), 2.5),
                        new QueryResult.Sample(Instant.ofEpochSecond(1600), Double.NaN),
                        new QueryResult.Sample(Instant.ofEpochSecond(1900), Double.POSITIVE_INFINITY)),
                series.samples());
        assertEquals(2, series.indexOf(1_600_000));
        assertEquals(-1, series.indexOf(1_650_000));
        assertEquals(-1, series.indexOf(2_200_000));
        assertEquals(-1, series.indexOf(700_000));
        assertEquals(1_900_000, series.timeMillis(3));
        assertThrows(IndexOutOfBoundsException.class, () -> series.timeMillis(4));
    }

    @Test
    void aSeriesWithHolesKeepsItsTimes() throws Exception {
        QueryResult.Series series = parse("[1000,\"1\"],[1300,\"2\"],[1900.5,\"3\"]");
        assertFalse(series.onRegularGrid());
        assertEquals(2, series.indexOf(1_900_500));
        assertEquals(-1, series.indexOf(1_600_000));
        assertEquals(3.0, series.value(2));
    }

    @Test
    void theListConstructorAndTheParserAgree() throws Exception {
        QueryResult.Series parsed = parse("[10,\"0.25\"],[20,\"-3e-7\"]");
        QueryResult.Series built = new QueryResult.Series(
                Map.of("service", "a"),
                List.of(
                        new QueryResult.Sample(Instant.ofEpochSecond(10), 0.25),
                        new QueryResult.Sample(Instant.ofEpochSecond(20), -3e-7)));
        assertEquals(built, parsed);
        assertEquals(built.hashCode(), parsed.hashCode());
        assertEquals("a", parsed.label("service"));
        assertThrows(UnsupportedOperationException.class, () -> parsed.samples().add(null));
    }

    @Test
    void valuesReadFromThePartsBufferAreTheValuesOfTheirText() throws Exception {
        for (String text : List.of("0", "-0", "1780272300.123", "4.9e-324", "+Inf", "-Inf", "NaN", "12")) {
            char[] padded = ("xx" + text + "yy").toCharArray();
            assertEquals(
                    Double.doubleToRawLongBits(ApiResponseReader.parseValue(text)),
                    Double.doubleToRawLongBits(ApiResponseReader.value(padded, 2, text.length())),
                    text);
        }
        for (String garbage : List.of("abc", "Infinity", "1d", "1e", "--1", "")) {
            char[] padded = ("x" + garbage + "y").toCharArray();
            assertThrows(
                    ApiResponseReader.Malformed.class,
                    () -> ApiResponseReader.value(padded, 1, garbage.length()),
                    garbage);
        }
    }
}
