package dev.gaday.testkit.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A generated dataset on disk: its OpenMetrics files (one per 2-hour window, in time order) and its manifest.
 *
 * <p>Query backfilled history at {@link #evaluationTime()}: a plain selector evaluated later than
 * 5 minutes after the last sample returns nothing (staleness).
 */
public record Dataset(Path directory, List<Path> files, Manifest manifest) {

    public Dataset {
        Objects.requireNonNull(directory, "directory");
        files = List.copyOf(files);
        Objects.requireNonNull(manifest, "manifest");
    }

    /** The dataset's last sample time: the evaluation time for instant queries over the whole day. */
    public Instant evaluationTime() {
        return manifest.end();
    }

    /** Reads a dataset a generator wrote earlier into {@code directory}. */
    public static Dataset read(Path directory) {
        Path manifestFile = directory.resolve(GaDayGenerator.MANIFEST_FILE);
        if (!Files.isRegularFile(manifestFile)) {
            throw new UncheckedIOException(new IOException("no " + GaDayGenerator.MANIFEST_FILE + " in " + directory));
        }
        Manifest manifest = ManifestJson.read(manifestFile);
        return new Dataset(
                directory, manifest.files().stream().map(directory::resolve).toList(), manifest);
    }
}
