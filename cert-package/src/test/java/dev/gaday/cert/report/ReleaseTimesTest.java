package dev.gaday.cert.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.gaday.cert.input.ReleaseFile;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Release-file times are free text: an RFC 3339 one reads like every other time of the report, the rest as written. */
class ReleaseTimesTest {
    @Test
    void rfc3339TimesReadAsTheReportsTimesInUtc() {
        assertEquals("2026-11-22 14:05:00 UTC", ReleaseValues.shown("2026-11-22T14:05:00Z"));
        assertEquals("2026-11-22 14:05:00 UTC", ReleaseValues.shown("2026-11-22T16:05:00+02:00"));
        assertEquals("2026-11-22 14:05:00 UTC", ReleaseValues.shown(" 2026-11-22T14:05:00.250Z "));
        assertEquals(Instant.parse("2026-11-22T14:05:00Z"), ReleaseFile.instant("2026-11-22T16:05:00+02:00"));
    }

    @Test
    void otherTextIsShownAsWritten() {
        assertEquals("Monday, after the stand-up", ReleaseValues.shown("Monday, after the stand-up"));
        assertEquals("2026-11-22 14:05", ReleaseValues.shown("2026-11-22 14:05"));
        assertNull(ReleaseValues.shown(null));
        assertNull(ReleaseFile.instant("2026-11-22T14:05:00")); // no zone: not a time we can place
    }
}
