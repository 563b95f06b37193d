package dev.gaday.testkit.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The "links" corpus: input files that are not what they seem. A tool that reads {@code dir} must
 * refuse each of these (one line, the documented exit code) and never read what they point at.
 */
public final class HostileFiles {
    private HostileFiles() {}

    /** {@code dir/name} as a symbolic link to {@code target} (e.g. /etc/passwd, or a file outside dir). */
    public static Path symlink(Path dir, String name, Path target) {
        try {
            Files.createDirectories(dir);
            return Files.createSymbolicLink(dir.resolve(name), target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code dir/name} as a hard link to {@code target}: the same file under a second name. */
    public static Path hardLink(Path dir, String name, Path target) {
        try {
            Files.createDirectories(dir);
            return Files.createLink(dir.resolve(name), target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code dir/name} as a named pipe (mkfifo). Opening it for reading blocks until a writer comes,
     * so a tool that opens it hangs: a test should run the tool with a timeout.
     */
    public static Path fifo(Path dir, String name) {
        Path fifo = dir.resolve(name);
        try {
            Files.createDirectories(dir);
            Process process = new ProcessBuilder("mkfifo", fifo.toString())
                    .redirectErrorStream(true)
                    .start();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("mkfifo " + fifo + " failed: "
                        + new String(process.getInputStream().readAllBytes()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return fifo;
    }

    /** A directory outside {@code dir} holding {@code fileName}, linked into dir as {@code linkName}. */
    public static Path linkedDirectory(Path dir, String linkName, Path outside, String fileName, String content) {
        try {
            Files.createDirectories(outside);
            Files.writeString(outside.resolve(fileName), content);
            return symlink(dir, linkName, outside);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
