package dev.gaday.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReportFormatTest {

    @Test
    void roundsHalfUpOnTheDecimalValueAsWritten() {
        assertEquals("1.01", ReportFormat.plain(1.005, 2));
        assertEquals("1.01", ReportFormat.fixed(1.005, 2).substring(0, 4));
        assertEquals("2.68", ReportFormat.plain(2.675, 2));
        assertEquals("-1.01", ReportFormat.plain(-1.005, 2));
        assertEquals("0", ReportFormat.plain(-0.0004, 3));
        assertEquals("99.20", ReportFormat.fixed(99.2, 2));
        assertEquals("0.00", ReportFormat.fixed(-0.001, 2));
        assertEquals("1234.5", ReportFormat.plain(1234.5, 3));
        assertEquals("+Inf", ReportFormat.plain(Double.POSITIVE_INFINITY, 2));
    }

    @Test
    void groupsThousands() {
        assertEquals("122,223,022", ReportFormat.count(122_223_022L));
        assertEquals("1,234.5", ReportFormat.number(1234.5, 1));
        assertEquals("-12,345", ReportFormat.number(-12_345.0, 0));
        assertEquals("999", ReportFormat.number(999.0, 0));
        assertEquals("1,000", ReportFormat.number(999.6, 0));
    }

    @Test
    void notAvailableNeverCarriesAUnit() {
        assertEquals("N/A", ReportFormat.percent(null, 3));
        assertEquals("N/A", ReportFormat.millis(null, 1));
        assertEquals("N/A", ReportFormat.perSecond(null, 1, "req"));
        assertEquals("N/A", ReportFormat.bytes(null));
        assertEquals("N/A", ReportFormat.count(null));
        assertEquals("99.653%", ReportFormat.percent(99.6531, 3));
        assertEquals("783.8 ms", ReportFormat.millis(783.789, 1));
        assertEquals("1,415.2 req/s", ReportFormat.perSecond(1415.23, 1, "req"));
    }

    @Test
    void bytesInDecimalUnits() {
        assertEquals("512 B", ReportFormat.bytes(512.0));
        assertEquals("12.4 TB", ReportFormat.bytes(12_418_789_019_413.0));
        assertEquals("1.5 GB", ReportFormat.bytes(1_500_000_000.0));
    }

    @Test
    void durationsAndTimestampsAsPeopleReadThem() {
        assertEquals("250 ms", ReportFormat.duration(Duration.ofMillis(250)));
        assertEquals("6.5 s", ReportFormat.duration(Duration.ofMillis(6_500)));
        assertEquals("45 min", ReportFormat.duration(Duration.ofMinutes(45)));
        assertEquals("2 h 30 min", ReportFormat.duration(Duration.ofMinutes(150)));
        assertEquals("1 d 2 h", ReportFormat.duration(Duration.ofHours(26)));
        assertEquals(
                "2026-01-15 00:00:01 UTC", ReportFormat.timestamp(Instant.parse("2026-01-15T00:00:01.123456789Z")));
    }

    @Test
    void significantDigitsAndPValues() {
        assertEquals("0.05583", ReportFormat.significant(0.0558342, 4));
        assertEquals("4.935", ReportFormat.significant(4.934966, 4));
        assertEquals("1235", ReportFormat.significant(1234.5, 4));
        assertEquals("100", ReportFormat.significant(100.0, 4));
        assertEquals("5.930e-04", ReportFormat.significant(0.000593, 4));
        assertEquals("1.200e+07", ReportFormat.significant(12_000_000, 4));
        assertEquals("0", ReportFormat.significant(0, 4));
        assertEquals("0.05583", ReportFormat.pValue(0.0558342));
        assertEquals("1", ReportFormat.pValue(1.0));
        assertEquals("< 0.0001", ReportFormat.pValue(0.0));
        assertEquals("< 0.0001", ReportFormat.pValue(3e-12));
        assertEquals("0.0001", ReportFormat.pValue(1e-4));
    }

    @Test
    void aUnitFollowsItsNumberWithTheSpaceItNeeds() {
        assertEquals("%", ReportFormat.unitSuffix("%"));
        assertEquals(" ms", ReportFormat.unitSuffix("ms"));
        assertEquals(" ms", ReportFormat.unitSuffix(" ms"));
        assertEquals("", ReportFormat.unitSuffix(""));
        assertEquals("", ReportFormat.unitSuffix(null));
    }

    @Test
    void oneOfACountIsSingular() {
        assertEquals("1 alert", ReportFormat.count(1.0, 3, "alerts"));
        assertEquals("0 alerts", ReportFormat.count(0.0, 3, "alerts"));
        assertEquals("2 restarts", ReportFormat.count(2.0, 3, "restarts"));
        assertEquals("1 ms", ReportFormat.count(1.0, 3, "ms"), "an abbreviation stays");
        assertEquals("1 MB", ReportFormat.count(1.0, 3, "MB"));
        assertEquals("1%", ReportFormat.count(1.0, 3, "%"));
        assertEquals("N/A", ReportFormat.count(null, 3, "alerts"));
    }
}
