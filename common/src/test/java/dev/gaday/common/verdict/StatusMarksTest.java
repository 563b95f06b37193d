package dev.gaday.common.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StatusMarksTest {

    @Test
    void symbolsOnlyWhereTheCharsetCarriesThem() {
        assertEquals(StatusMarks.UNICODE, StatusMarks.forCharset(StandardCharsets.UTF_8));
        assertEquals(StatusMarks.ASCII, StatusMarks.forCharset(StandardCharsets.US_ASCII));
        assertEquals(StatusMarks.ASCII, StatusMarks.forCharset(Charset.forName("ISO-8859-1")));
        assertEquals("\u2714 PASS", StatusMarks.UNICODE.mark(Status.PASS));
        assertEquals("\u2718 NOT CERTIFIED", StatusMarks.UNICODE.mark(Status.FAIL, "NOT CERTIFIED"));
        assertEquals("FAIL", StatusMarks.ASCII.mark(Status.FAIL));
        assertEquals("NO_DATA", StatusMarks.ASCII.mark(Status.NO_DATA));
    }
}
