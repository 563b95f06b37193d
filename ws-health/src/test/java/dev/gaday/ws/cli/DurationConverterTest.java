package dev.gaday.ws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {
    @Test
    void readsTheUsualForms() {
        assertEquals(Duration.ofMillis(250), DurationConverter.parse("250ms"));
        assertEquals(Duration.ofMillis(1500), DurationConverter.parse("1.5s"));
        assertEquals(Duration.ofSeconds(60), DurationConverter.parse("60"));
        assertEquals(Duration.ofMinutes(2), DurationConverter.parse("2m"));
        assertEquals(Duration.ofHours(1), DurationConverter.parse(" 1H "));
        assertEquals(Duration.ofNanos(1000), DurationConverter.parse("0.000001"));
    }

    @Test
    void rejectsTheRest() {
        for (String bad : new String[] {"", "-1s", "1d", "abc", "1.s", "1e3"}) {
            assertThrows(TypeConversionException.class, () -> DurationConverter.parse(bad), bad);
        }
    }

    @Test
    void formatsShortly() {
        assertEquals("250ms", DurationConverter.format(Duration.ofMillis(250)));
        assertEquals("1.5s", DurationConverter.format(Duration.ofMillis(1500)));
    }
}
