package dev.gaday.common.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.template.TemplateFiller.FillResult;
import dev.gaday.common.template.TemplateFiller.Unfilled;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemplateFillerTest {
    private static final String TEMPLATE =
            """
            # Report {{VERSION}}
            Availability: {{OVERALL_AVAILABILITY}}%
            {{INSERT_SERVICE_TABLE}}
            Again: {{ VERSION }} and {{MISSING_ONE}}
            {{MISSING_ONE}} {{MISSING_TWO}}
            """;

    @Test
    void listsDistinctPlaceholdersInOrderAndTellsBlocksApart() {
        assertEquals(
                List.of("VERSION", "OVERALL_AVAILABILITY", "INSERT_SERVICE_TABLE", "MISSING_ONE", "MISSING_TWO"),
                List.copyOf(TemplateFiller.placeholders(TEMPLATE)));
        assertTrue(TemplateFiller.isBlock("INSERT_SERVICE_TABLE"));
        assertFalse(TemplateFiller.isBlock("VERSION"));
    }

    @Test
    void fillsScalarsAndBlocksAndReportsTheRestWithLineAndReason() {
        FillResult result = new TemplateFiller("N/A")
                .fill(
                        TEMPLATE,
                        Map.of(
                                "VERSION",
                                "1.2.3",
                                "OVERALL_AVAILABILITY",
                                "99.95",
                                "INSERT_SERVICE_TABLE",
                                "| a | b |"),
                        Map.of("MISSING_ONE", "no input file"));

        assertEquals(
                """
                # Report 1.2.3
                Availability: 99.95%
                | a | b |
                Again: 1.2.3 and N/A
                N/A N/A
                """,
                result.text());
        assertEquals(
                List.of(
                        new Unfilled("MISSING_ONE", 4, "no input file"),
                        new Unfilled("MISSING_TWO", 5, "no source is bound to this placeholder")),
                result.unfilled());
        assertEquals(Set.of("VERSION", "OVERALL_AVAILABILITY", "INSERT_SERVICE_TABLE"), Set.copyOf(result.filled()));
        assertFalse(result.complete());
    }

    @Test
    void strictModeLeavesUnfilledPlaceholdersInPlace() {
        FillResult result = new TemplateFiller(null).fill("a {{X}} b", Map.of(), Map.of());
        assertEquals("a {{X}} b", result.text());
        assertEquals(1, result.unfilled().size());
    }

    @Test
    void insertedTextIsNeverScannedAgain() {
        // A value that looks like a placeholder (e.g. a hostile label) must come out verbatim.
        FillResult result =
                new TemplateFiller("N/A").fill("{{A}} {{B}}", Map.of("A", "{{B}} $1 \\", "B", "b"), Map.of());
        assertEquals("{{B}} $1 \\ b", result.text());
        assertTrue(result.complete());
    }

    @Test
    void lowerCaseOrMalformedBracesAreNotPlaceholders() {
        assertTrue(TemplateFiller.placeholders("{{lower}} {{ }} {{1ABC}} {A}").isEmpty());
    }
}
