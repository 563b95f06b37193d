package dev.gaday.common.cli;

import dev.gaday.common.error.ToolException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The directory a tool writes its files into. */
public class OutputDirMixin {
    @Option(
            names = {"-o", "--output", "--output-dir"},
            paramLabel = "DIR",
            description = "Directory for the files this tool writes (created if missing).")
    Path directory;

    /** The chosen directory, or the tool's default; created, and checked to be writable. */
    public Path resolve(Path defaultDirectory) {
        Path dir = directory != null ? directory : defaultDirectory;
        for (Path part = dir.toAbsolutePath().normalize(); part != null; part = part.getParent()) {
            if (Files.exists(part) && !Files.isDirectory(part)) {
                throw ToolException.badInput("cannot use output directory " + dir + ": "
                        + (part.equals(dir.toAbsolutePath().normalize()) ? "it" : part.toString())
                        + " is a file, not a directory");
            }
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw ToolException.badInput("cannot create output directory " + dir + ": " + e.getMessage(), e);
        }
        if (!Files.isWritable(dir)) {
            throw ToolException.badInput("output directory " + dir + " is not writable");
        }
        return dir;
    }

    /** The directory given with -o, or null when the tool's default applies. */
    public Path requested() {
        return directory;
    }

    public boolean given() {
        return directory != null;
    }
}
