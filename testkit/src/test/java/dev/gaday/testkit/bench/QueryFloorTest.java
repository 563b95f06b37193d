package dev.gaday.testkit.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryFloorTest {
    @Test
    void readsRangeAndInstantQueriesFromTheCollectorsLog() {
        List<QueryFloor.LoggedQuery> queries = QueryFloor.parseLog(List.of(
                "kpi-collector: prometheus: http://127.0.0.1:9090 (30s per request)",
                "kpi-collector: query_range start=1780272300 end=1780358400 step=300 promql=sum by (service) (up{a=\"b c\"})",
                "kpi-collector: query time=1780358400 promql=sum(increase(x[86400s]))"));

        assertEquals(2, queries.size());
        assertEquals("/api/v1/query_range", queries.get(0).path());
        assertArrayEquals(
                new String[] {"query", "sum by (service) (up{a=\"b c\"})"},
                queries.get(0).fields().get(0));
        assertArrayEquals(
                new String[] {"start", "1780272300"}, queries.get(0).fields().get(1));
        assertArrayEquals(
                new String[] {"end", "1780358400"}, queries.get(0).fields().get(2));
        assertArrayEquals(new String[] {"step", "300"}, queries.get(0).fields().get(3));
        assertEquals("/api/v1/query", queries.get(1).path());
        assertArrayEquals(
                new String[] {"time", "1780358400"}, queries.get(1).fields().get(1));
    }

    @Test
    void countsTheSamplesOfMatrixAndVectorAnswers() throws IOException {
        String matrix = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
                + "{\"metric\":{\"service\":\"a\",\"le\":\"0.5\"},\"values\":[[1780272300,\"1\"],[1780272600.5,\"2.5\"]]},"
                + "{\"metric\":{\"service\":\"b\"},\"values\":[[1780272300,\"NaN\"]]}]}}";
        String vector = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
                + "{\"metric\":{},\"value\":[1780358400,\"+Inf\"]}]}}";

        assertEquals(3, QueryFloor.countSamples(new JsonFactory(), stream(matrix)));
        assertEquals(1, QueryFloor.countSamples(new JsonFactory(), stream(vector)));
    }

    @Test
    void failsOnAnAnswerThatIsNotASuccess() {
        String error = "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error\"}";

        assertThrows(IOException.class, () -> QueryFloor.countSamples(new JsonFactory(), stream(error)));
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
