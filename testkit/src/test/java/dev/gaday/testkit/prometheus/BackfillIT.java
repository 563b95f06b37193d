package dev.gaday.testkit.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.testkit.dataset.Dataset;
import dev.gaday.testkit.dataset.GaDayGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackfillIT {

    // promtool prints one row per block: ULID, min time, max time, duration, samples, chunks, series, size.
    private static final Pattern BLOCK_ROW =
            Pattern.compile("^[0-9A-Z]{26}\\s+\\d+\\s+\\d+\\s+\\S+\\s+(\\d+)\\s+\\d+\\s+(\\d+)\\s+\\d+$");

    @Test
    void promtoolAcceptsEveryFileAndKeepsEverySample(@TempDir Path dir) throws IOException {
        Dataset dataset = GaDayGenerator.builder()
                .hours(6)
                .services(3)
                .step(Duration.ofSeconds(60))
                .build()
                .generate(dir.resolve("openmetrics"));
        Backfill.run(PrometheusBinaries.locate().promtool(), dataset.files(), dir.resolve("tsdb"), dir);
        assertEquals(3, dataset.files().size());
        for (Path file : dataset.files()) {
            long written = Files.readAllLines(file).stream()
                    .filter(l -> !l.startsWith("#"))
                    .count();
            long stored = 0;
            for (String line : Files.readAllLines(dir.resolve("promtool-" + file.getFileName() + ".log"))) {
                Matcher m = BLOCK_ROW.matcher(line.trim());
                if (m.matches()) {
                    stored += Long.parseLong(m.group(1));
                }
            }
            // An out-of-order or unparsable sample would be dropped silently: the counts must agree.
            assertEquals(written, stored, "samples of " + file.getFileName());
        }
    }

    @Test
    void namesTheFilePromtoolRejects(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.om");
        Files.writeString(bad, "# TYPE up gauge\nup{job=\"x\"} 1 1780272000\n"); // no "# EOF"
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> Backfill.run(PrometheusBinaries.locate().promtool(), List.of(bad), dir.resolve("tsdb"), dir));
        assertTrue(e.getMessage().contains("promtool rejected " + bad), e.getMessage());
        assertTrue(e.getMessage().contains("# EOF"), e.getMessage());
    }
}
