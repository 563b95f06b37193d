package dev.gaday.common.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.model.kpi.Certification;
import dev.gaday.common.model.kpi.KpiSummary;
import dev.gaday.common.model.kpi.Window;
import dev.gaday.common.model.ws.WsHealthMetrics;
import dev.gaday.common.verdict.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file the reader cannot map is one line: which file, which field (JSON path), what was expected and
 * what was found; never the mapping library's own words (class names in backticks, feature names).
 */
class JsonMessagesTest {
    @TempDir
    Path dir;

    private static String summaryJson() {
        Window window = new Window(Instant.parse("2026-01-15T00:00:00Z"), Instant.parse("2026-01-16T00:00:00Z"), 300);
        return Json.write(new KpiSummary(
                1,
                "ga-kpi-summary",
                "test",
                Instant.parse("2026-01-16T00:05:00Z"),
                false,
                window,
                null,
                List.of(),
                null,
                null,
                null,
                new Certification(Status.PASS, List.of()),
                null,
                null));
    }

    private String message(String json, Class<?> type) throws IOException {
        Path file = dir.resolve("input.json");
        Files.writeString(file, json);
        ToolException e = assertThrows(ToolException.class, () -> Json.readFile(file, type));
        assertEquals(ExitCode.RUNTIME_ERROR, e.exitCode());
        String message = e.getMessage();
        assertTrue(message.startsWith(file.toString()), message);
        assertEquals(1, message.lines().count(), message);
        for (String internal : List.of(
                "`",
                "DeserializationConfig",
                "DeserializationFeature",
                "java.",
                "Cannot ",
                "reference chain",
                "com.fasterxml")) {
            assertFalse(message.contains(internal), "library words '" + internal + "' in: " + message);
        }
        return message;
    }

    @Test
    void anUnclosedArraySaysWhereItOpenedInWordsNotTheParsersSource() throws IOException {
        String message = message("{\"schemaVersion\": 1, \"a\": [1, 2}", KpiSummary.class);
        assertTrue(
                message.endsWith("input.json:1:32: Unexpected close marker '}': expected ']' (for Array starting at "
                        + "line 1, column 27)"),
                message);
        assertFalse(message.contains("Source"), message);
        assertFalse(message.contains("REDACTED"), message);
    }

    @Test
    void aFileOfAnotherKindSaysSoInsteadOfAMissingPrimitive() throws IOException {
        String ws = "{\"schemaVersion\": 1, \"kind\": \"ws-health-metrics\", \"endpoint\": \"wss://x\","
                + " \"totalTests\": 0, \"successful\": 0, \"failed\": 0, \"compliance\": {\"status\": \"PASS\"}}";
        String message = message(ws, KpiSummary.class);
        assertTrue(message.contains("kind is 'ws-health-metrics', expected 'ga-kpi-summary'"), message);
    }

    @Test
    void aMissingBooleanNamesTheFieldAndWhatWasExpected() throws IOException {
        String message = message(summaryJson().replace("\"partial\" : false,", ""), KpiSummary.class);
        assertTrue(message.contains("partial"), message);
        assertTrue(message.contains("expected true or false"), message);
        assertTrue(message.contains("missing"), message);
        String nulled = message(summaryJson().replace("\"partial\" : false", "\"partial\" : null"), KpiSummary.class);
        assertTrue(nulled.contains("at partial: expected true or false, found null"), nulled);
    }

    @Test
    void aMissingCountOfAWsFileNamesIt() throws IOException {
        String ws = "{\"schemaVersion\": 1, \"kind\": \"ws-health-metrics\", \"endpoint\": \"wss://x\","
                + " \"testDurationSeconds\": 1, \"connections\": 1, \"successful\": 0, \"failed\": 0,"
                + " \"compliance\": {\"status\": \"PASS\"}}";
        String message = message(ws, WsHealthMetrics.class);
        assertTrue(message.contains("totalTests: expected a whole number"), message);
    }

    @Test
    void aValueOfTheWrongTypeSaysWhatWasFound() throws IOException {
        String bool =
                message(summaryJson().replace("\"partial\" : false", "\"partial\" : \"perhaps\""), KpiSummary.class);
        assertTrue(bool.contains("at partial: expected true or false, found the string \"perhaps\""), bool);
        String number = message(
                summaryJson().replace("\"intervalSeconds\" : 300", "\"intervalSeconds\" : \"x\""), KpiSummary.class);
        assertTrue(
                number.contains("at window.intervalSeconds: expected a whole number, found the string \"x\""), number);
        String list = message(summaryJson().replace("\"services\" : [ ]", "\"services\" : {}"), KpiSummary.class);
        assertTrue(list.contains("at services: expected a list, found an object"), list);
        String time = message(summaryJson().replace("\"2026-01-16T00:05:00Z\"", "\"yesterday\""), KpiSummary.class);
        assertTrue(time.contains("at generatedAt: expected an RFC 3339 time"), time);
        assertTrue(time.contains("found the string \"yesterday\""), time);
        String status =
                message(summaryJson().replace("\"status\" : \"PASS\"", "\"status\" : \"MAYBE\""), KpiSummary.class);
        assertTrue(status.contains("at certification.status: expected one of PASS, "), status);
        String object = message(summaryJson().replace("\"window\" : {", "\"window\" : 7, \"x\" : {"), KpiSummary.class);
        assertTrue(object.contains("at window: expected an object, found a number"), object);
    }

    record Item(String name) {}

    record Holder(List<Item> items) {}

    @Test
    void anUnknownKeyIsNamedWithTheLineOfTheKeyAndNoClass() {
        byte[] json = "{\n  \"items\": [\n    {\"name\": \"a\"},\n    {\n      \"nmae\": \"b\"\n    }\n  ]\n}\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        com.fasterxml.jackson.core.JsonProcessingException e =
                assertThrows(com.fasterxml.jackson.core.JsonProcessingException.class, () -> Json.mapper()
                        .readerFor(Holder.class)
                        .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .readValue(json));
        assertEquals(
                "in.json:5: unknown key 'nmae' in items[1] (did you mean 'name'?)",
                Json.describe(Path.of("in.json"), e, Json.mapper(), json));
        // Without the bytes, still the key's words, never the mapping library's.
        String without = Json.describe(Path.of("in.json"), e);
        assertTrue(without.endsWith(": unknown key 'nmae' in items[1] (did you mean 'name'?)"), without);
        assertFalse(without.contains("class") || without.contains("dev.gaday"), without);
    }
}
