package dev.gaday.common.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class InstantConverterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void readsRfc3339WithZOrAnOffset() {
        assertEquals(Instant.parse("2026-01-15T00:00:00Z"), InstantConverter.parse("2026-01-15T00:00:00Z", CLOCK));
        assertEquals(Instant.parse("2026-01-15T00:00:00Z"), InstantConverter.parse("2026-01-15T02:00:00+02:00", CLOCK));
        assertEquals(
                Instant.parse("2026-01-15T00:00:00.250Z"), InstantConverter.parse(" 2026-01-15T00:00:00.25Z ", CLOCK));
        assertEquals(Instant.parse("2026-01-15T00:00:00Z"), InstantConverter.parse("2026-01-15 00:00:00Z", CLOCK));
    }

    @Test
    void readsNowAndTimesRelativeToIt() {
        assertEquals(Instant.parse("2026-12-06T12:00:00Z"), InstantConverter.parse("now", CLOCK));
        assertEquals(Instant.parse("2026-12-05T12:00:00Z"), InstantConverter.parse("now-24h", CLOCK));
        assertEquals(Instant.parse("2026-12-06T10:30:00Z"), InstantConverter.parse("NOW-1h30m", CLOCK));
        assertEquals(Instant.parse("2026-12-06T12:05:00Z"), InstantConverter.parse("now+5m", CLOCK));
    }

    @Test
    void refusesTimesWithoutAZoneAndEverythingElse() {
        for (String bad : List.of(
                "", "2026-01-15T00:00:00", "2026-01-15", "yesterday", "now-", "now-x", "now*2h", "1736899200")) {
            TypeConversionException e =
                    assertThrows(TypeConversionException.class, () -> InstantConverter.parse(bad, CLOCK), bad);
            assertTrue(e.getMessage().contains("is not a time"), e.getMessage());
        }
    }
}
