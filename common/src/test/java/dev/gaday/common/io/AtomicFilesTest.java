package dev.gaday.common.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private static AtomicFiles.Writer text(String content) {
        return out -> out.write(content.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writeAllWritesEveryFileInNestedDirectoriesAndLeavesNoTempFile() throws IOException {
        Map<Path, AtomicFiles.Writer> contents = new LinkedHashMap<>();
        for (int i = 1; i <= 50; i++) {
            contents.put(dir.resolve("out").resolve("file_" + i + ".txt"), text("content " + i + "\n"));
        }
        Files.createDirectories(dir.resolve("out"));
        Files.writeString(dir.resolve("out/file_7.txt"), "older content");
        contents.put(dir.resolve("other/sub/last.txt"), text("last"));

        AtomicFiles.writeAll(contents, 8, AtomicFiles.Durability.FSYNC);

        for (int i = 1; i <= 50; i++) {
            assertEquals("content " + i + "\n", Files.readString(dir.resolve("out/file_" + i + ".txt")));
        }
        assertEquals("last", Files.readString(dir.resolve("other/sub/last.txt")));
        assertEquals(
                50, names(dir.resolve("out")).size(), "no temp file may be left behind: " + names(dir.resolve("out")));
        assertEquals(List.of("last.txt"), names(dir.resolve("other/sub")));
    }

    @Test
    void aFailedWriteTouchesNoTargetAndRemovesEveryTempFile() throws IOException {
        Path first = dir.resolve("a.txt");
        Path failing = dir.resolve("b.txt");
        Files.writeString(first, "old a");
        Files.writeString(failing, "old b");
        Map<Path, AtomicFiles.Writer> contents = new LinkedHashMap<>();
        contents.put(first, text("new a"));
        contents.put(failing, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IllegalStateException("producer failed mid-way");
        });
        for (int i = 0; i < 20; i++) {
            contents.put(dir.resolve("n" + i + ".txt"), text("new " + i));
        }

        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> AtomicFiles.writeAll(contents, 4, AtomicFiles.Durability.FSYNC));

        assertEquals("producer failed mid-way", e.getMessage());
        assertEquals("old a", Files.readString(first), "no target is replaced when any write fails");
        assertEquals("old b", Files.readString(failing));
        assertEquals(List.of("a.txt", "b.txt"), names(dir), "no temp file and no new target may be left behind");
    }

    @Test
    void nothingToWriteIsNoWork() {
        AtomicFiles.writeAll(Map.of(), 4, AtomicFiles.Durability.FSYNC);
        assertEquals(0, dir.toFile().list().length);
    }

    @Test
    void withoutFsyncEveryFileIsStillWholeAndNoTempFileIsLeft() throws IOException {
        Map<Path, AtomicFiles.Writer> contents = new LinkedHashMap<>();
        for (int i = 1; i <= 30; i++) {
            contents.put(dir.resolve("file_" + i + ".txt"), text("content " + i));
        }

        AtomicFiles.writeAll(contents, 1, AtomicFiles.Durability.NO_FSYNC);

        for (int i = 1; i <= 30; i++) {
            assertEquals("content " + i, Files.readString(dir.resolve("file_" + i + ".txt")));
        }
        assertEquals(30, names(dir).size(), "no temp file may be left behind: " + names(dir));
    }

    @Test
    void writtenFilesGetTheModeOfAnyNewFileNotOwnerOnly() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.createFile(dir.resolve("plain.txt"));

        AtomicFiles.writeString(dir.resolve("single.txt"), "x");
        AtomicFiles.writeAll(Map.of(dir.resolve("batch.txt"), text("y")), 2, AtomicFiles.Durability.FSYNC);

        var expected = Files.getPosixFilePermissions(plain);
        assertEquals(expected, Files.getPosixFilePermissions(dir.resolve("single.txt")));
        assertEquals(expected, Files.getPosixFilePermissions(dir.resolve("batch.txt")));
    }
}
