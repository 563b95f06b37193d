package dev.gaday.common.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryRangeTest {
    private static final Instant START = Instant.parse("2026-11-20T00:00:00Z");

    /** Every grid timestamp of the chunks, in order. */
    private static List<Instant> gridOf(List<QueryRange> chunks) {
        List<Instant> times = new ArrayList<>();
        for (QueryRange chunk : chunks) {
            for (long k = 0; k < chunk.points(); k++) {
                times.add(chunk.start().plus(chunk.step().multipliedBy(k)));
            }
        }
        return times;
    }

    @Test
    void twentyFourHoursAtFiveSecondsIsTwoContiguousRequests() {
        QueryRange day = new QueryRange(START, START.plus(Duration.ofHours(24)), Duration.ofSeconds(5));
        assertEquals(17_281, day.points());

        List<QueryRange> chunks = day.split(QueryRange.MAX_POINTS_PER_REQUEST);

        assertEquals(2, chunks.size());
        assertEquals(11_000, chunks.get(0).points());
        assertEquals(6_281, chunks.get(1).points());
        assertEquals(START, chunks.get(0).start());
        assertEquals(START.plusSeconds(10_999 * 5), chunks.get(0).end());
        assertEquals(chunks.get(0).end().plusSeconds(5), chunks.get(1).start(), "contiguous: next step after the end");
        assertEquals(START.plus(Duration.ofHours(24)), chunks.get(1).end());

        List<Instant> times = gridOf(chunks);
        assertEquals(17_281, times.size());
        assertEquals(17_281, new HashSet<>(times).size(), "no duplicate timestamp");
        for (int k = 0; k < times.size(); k++) {
            assertEquals(START.plusSeconds(5L * k), times.get(k), "timestamp " + k + " on the grid start + k*step");
        }
    }

    @Test
    void endOffTheGridStopsAtTheLastGridPoint() {
        QueryRange range = new QueryRange(START, START.plusSeconds(100), Duration.ofSeconds(30));
        assertEquals(4, range.points());
        assertEquals(START.plusSeconds(90), range.lastPoint());
        List<QueryRange> chunks = range.split(3);
        assertEquals(
                List.of(START, START.plusSeconds(30), START.plusSeconds(60), START.plusSeconds(90)), gridOf(chunks));
    }

    @Test
    void exactMultiplesAndSinglePoints() {
        assertEquals(
                1,
                new QueryRange(START, START, Duration.ofSeconds(15))
                        .split(11_000)
                        .size());
        QueryRange exact = new QueryRange(START, START.plusSeconds(15L * 21_999), Duration.ofSeconds(15));
        assertEquals(22_000, exact.points());
        List<QueryRange> chunks = exact.split(11_000);
        assertEquals(2, chunks.size());
        Set<Instant> distinct = new HashSet<>(gridOf(chunks));
        assertEquals(22_000, distinct.size());
        assertTrue(chunks.stream().allMatch(c -> c.points() == 11_000));
    }

    @Test
    void rejectsBadRanges() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new QueryRange(START, START.minusSeconds(1), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new QueryRange(START, START, Duration.ZERO));
    }
}
