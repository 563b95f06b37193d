package dev.gaday.common.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

    @Test
    void parsesWhatPeopleAndPrometheusWrite() {
        assertEquals(Duration.ofMillis(250), DurationConverter.parse("250ms"));
        assertEquals(Duration.ofMillis(1500), DurationConverter.parse("1.5s"));
        assertEquals(Duration.ofSeconds(30), DurationConverter.parse("30s"));
        assertEquals(Duration.ofMinutes(2), DurationConverter.parse("2m"));
        assertEquals(Duration.ofHours(1), DurationConverter.parse(" 1H "));
        assertEquals(Duration.ofSeconds(5400), DurationConverter.parse("1h30m"));
        assertEquals(Duration.ofDays(2), DurationConverter.parse("2d"));
        assertEquals(Duration.ofMinutes(90), DurationConverter.parse("1.5h"));
        assertEquals(Duration.ofSeconds(5), DurationConverter.parse("PT5S"));
    }

    @Test
    void aBareNumberIsSeconds() {
        assertEquals(Duration.ofSeconds(60), DurationConverter.parse("60"));
        assertEquals(Duration.ofNanos(1000), DurationConverter.parse("0.000001"));
    }

    @Test
    void rejectsTheRest() {
        for (String bad : List.of("", "-1s", "abc", "1.s", "1e3", "s", "30x", "1h 30m", "-5s", "PT-5S", "1w")) {
            assertThrows(TypeConversionException.class, () -> DurationConverter.parse(bad), bad);
        }
        assertThrows(TypeConversionException.class, () -> DurationConverter.parse("999999999999d"));
    }

    @Test
    void formatsShortly() {
        assertEquals("250ms", DurationConverter.format(Duration.ofMillis(250)));
        assertEquals("1.5s", DurationConverter.format(Duration.ofMillis(1500)));
        assertEquals("1.25s", DurationConverter.format(Duration.ofMillis(1250)));
        assertEquals("1m30s", DurationConverter.format(Duration.ofSeconds(90)));
        assertEquals("2h", DurationConverter.format(Duration.ofHours(2)));
        assertEquals("0ms", DurationConverter.format(Duration.ZERO));
    }
}
