package dev.gaday.kpi.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.error.ToolException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output directory holds one run's set: staged, swapped in whole, or left as it was. */
class OutputSetTest {
    @TempDir
    Path temp;

    private Path previousSet() throws IOException {
        Path output = Files.createDirectories(temp.resolve("kpis"));
        Files.writeString(output.resolve("snapshot_0001.json"), "old 1");
        Files.writeString(output.resolve("snapshot_0002.json"), "old 2");
        Files.writeString(output.resolve("ga_kpi_summary.json"), "old summary");
        Files.writeString(output.resolve("notes.txt"), "mine");
        return output;
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /** A process that has ended: its pid names leftovers of a dead run. */
    private static long deadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }

    @Test
    void theSwapReplacesTheWholeSet() throws IOException {
        Path output = previousSet();
        Files.delete(output.resolve("notes.txt"));
        OutputSet set = OutputSet.stage(output);
        assertTrue(Files.isDirectory(set.staging()));
        assertEquals(output.getParent(), set.staging().getParent(), "staged beside, swapped by renames");
        Files.writeString(set.staging().resolve("snapshot_0001.json"), "new 1");
        Files.writeString(set.staging().resolve("ga_kpi_summary.json"), "new summary");
        assertEquals("old summary", Files.readString(output.resolve("ga_kpi_summary.json")), "nothing changes before");
        set.swap();
        assertEquals(List.of("ga_kpi_summary.json", "snapshot_0001.json"), names(output));
        assertEquals("new 1", Files.readString(output.resolve("snapshot_0001.json")));
        assertEquals(List.of("kpis"), names(temp), "no staging or previous directory left");
    }

    @Test
    void aDirectoryWithTheUsersFilesIsNeverRenamed() throws IOException {
        Path output = previousSet();
        Object inode = Files.readAttributes(output, java.nio.file.attribute.BasicFileAttributes.class)
                .fileKey();
        OutputSet set = OutputSet.stage(output);
        assertEquals(output, set.staging().getParent(), "staged inside");
        Files.writeString(set.staging().resolve("snapshot_0001.json"), "new 1");
        Files.writeString(set.staging().resolve("ga_kpi_summary.json"), "new summary");
        set.swap();
        assertEquals(
                inode,
                Files.readAttributes(output, java.nio.file.attribute.BasicFileAttributes.class)
                        .fileKey());
        assertEquals(List.of("ga_kpi_summary.json", "notes.txt", "snapshot_0001.json"), names(output));
        assertEquals("mine", Files.readString(output.resolve("notes.txt")));
        assertEquals(List.of("kpis"), names(temp));
    }

    @Test
    void aRunThatFailsBeforeTheSwapLeavesThePreviousSet() throws IOException {
        Path output = previousSet();
        OutputSet set = OutputSet.stage(output);
        Files.writeString(set.staging().resolve("snapshot_0001.json"), "new 1");
        Files.writeString(set.staging().resolve(".ga_kpi_summary.json.123-1.tmp"), "half");
        assertTrue(set.abandon());
        assertFalse(set.abandon(), "only the first abandon ends an open set");
        assertEquals(
                List.of("ga_kpi_summary.json", "notes.txt", "snapshot_0001.json", "snapshot_0002.json"), names(output));
        assertEquals("old 1", Files.readString(output.resolve("snapshot_0001.json")));
        assertEquals(List.of("kpis"), names(temp));
        ToolException late = assertThrows(ToolException.class, set::swap);
        assertTrue(late.getMessage().contains("nothing written"), late.getMessage());
    }

    @Test
    void aStopAbandonsAnOpenSetButNotOneAlreadySwapped() throws IOException {
        Path output = previousSet();
        OutputSet set = OutputSet.stage(output);
        set.swap();
        assertFalse(set.abandonOnStop());
        assertTrue(Files.isDirectory(output));
        OutputSet next = OutputSet.stage(output);
        assertTrue(next.abandonOnStop());
        assertTrue(next.stopped());
    }

    @Test
    void aLaterRunRemovesTheLeftoversOfDeadRunsOnly() throws Exception {
        Path output = previousSet();
        long dead = deadPid();
        long alive = ProcessHandle.current().parent().map(ProcessHandle::pid).orElseThrow();
        Path deadStaging = Files.createDirectories(temp.resolve(".kpis.kpi-staging-" + dead));
        Files.writeString(deadStaging.resolve("snapshot_0001.json"), "x");
        Path liveStaging = Files.createDirectories(temp.resolve(".kpis.kpi-staging-" + alive));
        Files.writeString(output.resolve(".snapshot_0003.json." + dead + "-7.tmp"), "half");
        Files.writeString(output.resolve(".snapshot_0004.json." + alive + "-7.tmp"), "being written");
        OutputSet set = OutputSet.stage(output);
        assertFalse(Files.exists(deadStaging));
        assertTrue(Files.exists(liveStaging), "another live run's staging directory is not touched");
        assertFalse(Files.exists(output.resolve(".snapshot_0003.json." + dead + "-7.tmp")));
        assertTrue(Files.exists(output.resolve(".snapshot_0004.json." + alive + "-7.tmp")));
        set.abandon();
    }

    @Test
    void aRunThatDiedBetweenTheTwoRenamesGetsItsPreviousSetBack() throws Exception {
        Path output = previousSet();
        long dead = deadPid();
        Files.move(output, temp.resolve(".kpis.kpi-previous-" + dead));
        OutputSet set = OutputSet.stage(output);
        assertEquals("old summary", Files.readString(output.resolve("ga_kpi_summary.json")));
        assertFalse(Files.exists(temp.resolve(".kpis.kpi-previous-" + dead)));
        set.abandon();
    }

    @Test
    void aDirectoryThatCannotBeRenamedGetsItsFilesMovedInSummaryLast() throws Exception {
        // A symbolic link stands for what cannot be renamed (a link, a mount point, a read-only parent).
        Path real = Files.createDirectories(temp.resolve("volume"));
        Path output = Files.createSymbolicLink(temp.resolve("kpis"), real);
        Files.writeString(output.resolve("snapshot_0001.json"), "old 1");
        Files.writeString(output.resolve("snapshot_0002.json"), "old 2");
        Files.writeString(output.resolve("ga_kpi_summary.json"), "old summary");
        Files.writeString(output.resolve("ga_kpi_summary.md"), "old summary");
        Files.writeString(output.resolve("notes.txt"), "mine");
        OutputSet set = OutputSet.stage(output);
        assertEquals(output, set.staging().getParent(), "staged inside the directory");
        Files.writeString(set.staging().resolve("snapshot_0001.json"), "new 1");
        Files.writeString(set.staging().resolve("ga_kpi_summary.json"), "new summary");
        set.swap();
        assertTrue(Files.isSymbolicLink(output), "the link stays a link");
        assertEquals(List.of("ga_kpi_summary.json", "notes.txt", "snapshot_0001.json"), names(output));
        assertEquals("new summary", Files.readString(output.resolve("ga_kpi_summary.json")));
        OutputSet failed = OutputSet.stage(output);
        Files.writeString(failed.staging().resolve("snapshot_0001.json"), "newer");
        failed.abandon();
        assertEquals(List.of("ga_kpi_summary.json", "notes.txt", "snapshot_0001.json"), names(output));
        assertEquals("new 1", Files.readString(output.resolve("snapshot_0001.json")));
    }
}
