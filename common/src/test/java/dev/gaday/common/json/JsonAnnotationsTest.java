package dev.gaday.common.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.gaday.common.verdict.Comparator;
import org.junit.jupiter.api.Test;

/** The one mapper honours Jackson annotations: a future {@code @JsonProperty} is never silently ignored. */
class JsonAnnotationsTest {
    record Renamed(@JsonProperty("p99_ms") double p99Millis, Comparator comparator) {}

    @Test
    void annotationsAreHonouredAndComparatorsAreSymbols() throws JsonProcessingException {
        String json = Json.write(new Renamed(12.5, Comparator.GREATER_OR_EQUAL));
        assertTrue(json.contains("\"p99_ms\" : 12.5"), json);
        assertTrue(json.contains("\"comparator\" : \">=\""), json);
        Renamed back = Json.mapper().readValue(json, Renamed.class);
        assertEquals(12.5, back.p99Millis());
        assertEquals(Comparator.GREATER_OR_EQUAL, back.comparator());
    }
}
