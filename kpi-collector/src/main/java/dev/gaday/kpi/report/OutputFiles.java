package dev.gaday.kpi.report;

import dev.gaday.common.error.ToolException;
import dev.gaday.common.json.AtomicFiles;
import dev.gaday.common.json.Json;
import dev.gaday.common.json.Sha256;
import dev.gaday.common.model.kpi.KpiSnapshot;
import dev.gaday.common.model.kpi.KpiSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The files kpi-collector writes into --output, each written atomically. */
public final class OutputFiles {
    public static final String SUMMARY_JSON = "ga_kpi_summary.json";
    public static final String SUMMARY_MARKDOWN = "ga_kpi_summary.md";
    private static final Pattern SNAPSHOT_NAME = Pattern.compile("snapshot_\\d{4,}\\.json");

    private static final int WRITERS = 32;

    private final Path directory;

    public OutputFiles(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    public Path writeSnapshot(KpiSnapshot snapshot) {
        Path file = directory.resolve(KpiSnapshot.fileName(snapshot.sequence()));
        Json.writeFile(file, snapshot);
        return file;
    }

    /**
     * Writes many snapshots at once. Each write ends in an fsync; run concurrently, the file
     * system commits them together (ext4 groups concurrent fsyncs into one journal commit), which
     * for a day of 5-minute snapshots is several times faster than one after another.
     */
    public void writeSnapshots(List<KpiSnapshot> snapshots) {
        if (snapshots.size() <= 1) {
            snapshots.forEach(this::writeSnapshot);
            return;
        }
        ExecutorService writers = Executors.newFixedThreadPool(Math.min(WRITERS, snapshots.size()));
        try {
            List<Future<Path>> writes = new ArrayList<>();
            for (KpiSnapshot snapshot : snapshots) {
                writes.add(writers.submit(() -> writeSnapshot(snapshot)));
            }
            for (Future<Path> write : writes) {
                try {
                    write.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ToolException.badInput("interrupted while writing snapshots to " + directory);
        } finally {
            writers.shutdownNow();
        }
    }

    /** The JSON, then the Markdown, then the checksum of the JSON (so the checksum never names an older JSON). */
    public Path writeSummary(KpiSummary summary) {
        Path json = directory.resolve(SUMMARY_JSON);
        Json.writeFile(json, summary);
        AtomicFiles.writeString(directory.resolve(SUMMARY_MARKDOWN), MarkdownReport.render(summary));
        Sha256.writeSidecar(json);
        return json;
    }

    /** Existing snapshots, in sequence order; they must run 1, 2, 3... without a hole. */
    public List<KpiSnapshot> readSnapshots() {
        List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.filter(p -> SNAPSHOT_NAME.matcher(p.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            throw ToolException.badInput("cannot list " + directory + ": " + e.getMessage(), e);
        }
        List<KpiSnapshot> snapshots = new ArrayList<>();
        for (Path file : files) {
            KpiSnapshot snapshot = Json.readFile(file, KpiSnapshot.class);
            int expected = snapshots.size() + 1;
            if (snapshot.sequence() != expected) {
                throw ToolException.badInput(file + ": sequence " + snapshot.sequence() + " where " + expected
                        + " was expected; the snapshots in " + directory + " are not one run");
            }
            snapshots.add(snapshot);
        }
        return snapshots;
    }
}
