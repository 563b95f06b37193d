package dev.gaday.common.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirMixinTest {
    @TempDir
    Path temp;

    @Test
    void aParentThatIsARegularFileIsNamedAsAFile() throws Exception {
        Path file = Files.writeString(temp.resolve("report.txt"), "x");
        OutputDirMixin mixin = new OutputDirMixin();
        mixin.directory = file.resolve("out").resolve("deeper");
        ToolException e = assertThrows(ToolException.class, () -> mixin.resolve(Path.of("unused")));
        assertEquals(ExitCode.RUNTIME_ERROR, e.exitCode());
        assertTrue(e.getMessage().contains(file + " is a file, not a directory"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void anOutputThatIsItselfAFileIsNamedAsAFile() throws Exception {
        Path file = Files.writeString(temp.resolve("out"), "x");
        OutputDirMixin mixin = new OutputDirMixin();
        mixin.directory = file;
        ToolException e = assertThrows(ToolException.class, () -> mixin.resolve(Path.of("unused")));
        assertTrue(e.getMessage().endsWith("it is a file, not a directory"), e.getMessage());
    }

    @Test
    void aMissingDirectoryIsCreated() {
        OutputDirMixin mixin = new OutputDirMixin();
        mixin.directory = temp.resolve("a").resolve("b");
        assertEquals(mixin.directory, mixin.resolve(Path.of("unused")));
        assertTrue(Files.isDirectory(temp.resolve("a").resolve("b")));
    }

    @Test
    void theDirectoriesARunCreatedAreRemovedWhenItWroteNothing() throws Exception {
        Path existing = Files.createDirectory(temp.resolve("existing"));
        OutputDirMixin mixin = new OutputDirMixin();
        mixin.directory = existing.resolve("a").resolve("b");
        mixin.resolve(Path.of("unused"));
        mixin.removeIfUnused();
        assertFalse(Files.exists(existing.resolve("a")));
        assertTrue(Files.isDirectory(existing), "a directory that was there before the run stays");
    }

    @Test
    void anEmptyDirectoryThatExistedBeforeTheRunStays() throws Exception {
        Path existing = Files.createDirectory(temp.resolve("existing"));
        OutputDirMixin mixin = new OutputDirMixin();
        mixin.directory = existing;
        mixin.resolve(Path.of("unused"));
        mixin.removeIfUnused();
        assertTrue(Files.isDirectory(existing));
    }

    @Test
    void aCreatedDirectoryWithFilesInItStays() throws Exception {
        OutputDirMixin mixin = new OutputDirMixin();
        mixin.directory = temp.resolve("a").resolve("b");
        mixin.resolve(Path.of("unused"));
        Files.writeString(temp.resolve("a").resolve("b").resolve("result.json"), "{}");
        mixin.removeIfUnused();
        assertTrue(Files.exists(temp.resolve("a").resolve("b").resolve("result.json")));
    }
}
