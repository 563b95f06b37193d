package dev.gaday.testkit.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The opt-in memory leak: one series grows linearly, every other line of the day stays exactly as it was. */
class MemoryLeakTest {
    static final long LEAK = 64L * 1024 * 1024;

    @TempDir
    Path dir;

    List<String> lines(GaDayGenerator.Builder builder, String name) throws Exception {
        Dataset dataset = builder.hours(2)
                .step(Duration.ofSeconds(60))
                .services(3)
                .build()
                .generate(dir.resolve(name));
        List<String> lines = new ArrayList<>();
        for (Path file : dataset.files()) {
            lines.addAll(Files.readAllLines(file));
        }
        return lines;
    }

    @Test
    void onlyTheLeakingSeriesChangesAndItGrowsByTheRate() throws Exception {
        List<String> steady = lines(GaDayGenerator.builder(), "steady");
        List<String> leaking = lines(GaDayGenerator.builder().memoryLeak("search-0:8080", LEAK), "leaking");
        assertEquals(steady.size(), leaking.size());
        String series = "process_resident_memory_bytes{job=\"search\",service=\"search\",instance=\"search-0:8080\"} ";
        int changed = 0;
        for (int i = 0; i < steady.size(); i++) {
            if (steady.get(i).equals(leaking.get(i))) {
                continue;
            }
            changed++;
            assertTrue(leaking.get(i).startsWith(series), leaking.get(i));
            String[] before = steady.get(i).substring(series.length()).split(" ");
            String[] after = leaking.get(i).substring(series.length()).split(" ");
            assertEquals(before[1], after[1], "same timestamp");
            long secondsIn = Long.parseLong(after[1]) - GaDayGenerator.DEFAULT_START.getEpochSecond();
            assertEquals(LEAK * secondsIn / 3600, Long.parseLong(after[0]) - Long.parseLong(before[0]));
        }
        assertEquals(120, changed, "every sample but the first (t = 0 adds nothing) of the 2 h at 60 s");
    }

    @Test
    void anUnknownInstanceIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> GaDayGenerator.builder().memoryLeak("nope-0:8080", LEAK).build());
        assertTrue(e.getMessage().contains("nope-0:8080"), e.getMessage());
    }
}
