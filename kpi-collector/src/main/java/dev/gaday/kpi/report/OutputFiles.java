package dev.gaday.kpi.report;

import dev.gaday.common.error.ToolException;
import dev.gaday.common.io.AtomicFiles;
import dev.gaday.common.io.Sha256;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.kpi.KpiSnapshot;
import dev.gaday.common.model.kpi.KpiSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The files kpi-collector writes into --output, each written atomically. */
public final class OutputFiles {
    public static final String SUMMARY_JSON = "ga_kpi_summary.json";
    public static final String SUMMARY_MARKDOWN = "ga_kpi_summary.md";
    private static final Pattern SNAPSHOT_NAME = Pattern.compile("snapshot_\\d{4,}\\.json");

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
     * Writes many snapshots at once, each whole or not at all: serialised concurrently into temp files,
     * then renamed. With {@link AtomicFiles.Durability#FSYNC} (live runs, which --resume continues after
     * a crash) each is fsynced first and the directory after; a retroactive run, which a rerun repeats
     * exactly, does not wait for the disk.
     */
    public void writeSnapshots(List<KpiSnapshot> snapshots, AtomicFiles.Durability durability) {
        Map<Path, AtomicFiles.Writer> contents = new LinkedHashMap<>();
        for (KpiSnapshot snapshot : snapshots) {
            contents.put(
                    directory.resolve(KpiSnapshot.fileName(snapshot.sequence())), out -> Json.write(out, snapshot));
        }
        AtomicFiles.writeAll(contents, durability);
    }

    /** The JSON, then the Markdown, then the checksum of the JSON (so the checksum never names an older JSON). */
    public Path writeSummary(KpiSummary summary) {
        Path json = directory.resolve(SUMMARY_JSON);
        Json.writeFile(json, summary);
        AtomicFiles.writeString(directory.resolve(SUMMARY_MARKDOWN), MarkdownReport.render(summary));
        Sha256.writeSidecar(json);
        return json;
    }

    /**
     * The summary as the completion of the run whose snapshots are in the directory: snapshots and
     * summary are staged together and swapped in as one set (live mode; see {@link OutputSet}).
     */
    public Path writeSummaryAsSet(KpiSummary summary) {
        OutputSet set = OutputSet.stage(directory);
        try {
            set.adoptSnapshots(snapshotFiles());
            new OutputFiles(set.staging()).writeSummary(summary);
            set.swap();
        } catch (RuntimeException e) {
            set.abandon();
            throw e;
        }
        return directory.resolve(SUMMARY_JSON);
    }

    /** Replaces whatever set the directory holds with an empty one (a new live run starts clean). */
    public void startNewSet() {
        OutputSet.stage(directory).swap();
    }

    private List<Path> snapshotFiles() {
        try (Stream<Path> list = Files.list(directory)) {
            return list.filter(p ->
                            SNAPSHOT_NAME.matcher(p.getFileName().toString()).matches())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw ToolException.badInput("cannot list " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Existing snapshots, in sequence order; they must run 1, 2, 3... without a hole. */
    public List<KpiSnapshot> readSnapshots() {
        List<Path> files = snapshotFiles();
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
