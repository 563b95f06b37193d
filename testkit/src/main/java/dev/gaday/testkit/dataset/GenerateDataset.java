package dev.gaday.testkit.dataset;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Writes a dataset from the command line (benchmarks, demos, manual backfills):
 * {@code GenerateDataset <dir> [hours=24] [stepSeconds=15] [services=10] [seed=42] [start=2026-06-01T00:00:00Z]}.
 */
public final class GenerateDataset {

    private GenerateDataset() {}

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 6) {
            System.err.println("usage: GenerateDataset <dir> [hours=24] [stepSeconds=15] [services=10] [seed=42]"
                    + " [start=RFC 3339]");
            System.exit(2);
        }
        try {
            GaDayGenerator generator = GaDayGenerator.builder()
                    .hours(args.length > 1 ? Integer.parseInt(args[1]) : 24)
                    .step(Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 15))
                    .services(args.length > 3 ? Integer.parseInt(args[3]) : 10)
                    .seed(args.length > 4 ? Long.parseLong(args[4]) : 42)
                    .start(args.length > 5 ? java.time.Instant.parse(args[5]) : GaDayGenerator.DEFAULT_START)
                    .build();
            long t0 = System.nanoTime();
            Dataset dataset = generator.generate(Path.of(args[0]));
            System.err.printf(
                    "wrote %d files and %s to %s in %d ms%n",
                    dataset.files().size(),
                    GaDayGenerator.MANIFEST_FILE,
                    dataset.directory(),
                    (System.nanoTime() - t0) / 1_000_000);
        } catch (IllegalArgumentException e) {
            System.err.println("GenerateDataset: " + e.getMessage());
            System.exit(2);
        } catch (RuntimeException e) {
            System.err.println("GenerateDataset: " + e.getMessage());
            System.exit(4);
        }
    }
}
