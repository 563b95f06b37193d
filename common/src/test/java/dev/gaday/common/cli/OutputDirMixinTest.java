package dev.gaday.common.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    Path dir;

    @Test
    void aDirectoryUnderARegularFileIsNamedAsAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("report.txt"), "x");
        ToolException e = assertThrows(ToolException.class, () -> new OutputDirMixin().resolve(file.resolve("a/b")));
        assertEquals(ExitCode.RUNTIME_ERROR, e.exitCode());
        assertEquals("cannot create output directory " + file.resolve("a/b") + ": " + file
                + " is a file, not a directory", e.getMessage());

        ToolException itself = assertThrows(ToolException.class, () -> new OutputDirMixin().resolve(file));
        assertTrue(itself.getMessage().endsWith(": it is a file, not a directory"), itself.getMessage());
    }

    @Test
    void aMissingDirectoryIsCreated() {
        Path target = dir.resolve("x/y");
        assertEquals(target, new OutputDirMixin().resolve(target));
        assertTrue(Files.isDirectory(target));
    }
}
