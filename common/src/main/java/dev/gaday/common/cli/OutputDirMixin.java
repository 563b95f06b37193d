package dev.gaday.common.cli;

import dev.gaday.common.error.ToolException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The directory a tool writes its files into. */
public class OutputDirMixin {
    @Option(
            names = {"-o", "--output", "--output-dir"},
            paramLabel = "DIR",
            description = "Directory for the files this tool writes (created if missing).")
    Path directory;

    /** The directories {@link #resolve} created, deepest first: the only ones {@link #removeIfUnused} may remove. */
    private final List<Path> created = new ArrayList<>();

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
        List<Path> missing = new ArrayList<>();
        for (Path part = dir.toAbsolutePath().normalize();
                part != null && !Files.exists(part);
                part = part.getParent()) {
            missing.add(part);
        }
        try {
            Files.createDirectories(dir);
            created.addAll(missing);
        } catch (IOException e) {
            throw ToolException.badInput("cannot create output directory " + dir + ": " + e.getMessage(), e);
        }
        if (!Files.isWritable(dir)) {
            throw ToolException.badInput("output directory " + dir + " is not writable");
        }
        return dir;
    }

    /**
     * Removes the directories this run created and left empty (a failed run must not leave an empty
     * output directory behind); a directory that existed before the run, or has anything in it, stays.
     */
    public void removeIfUnused() {
        for (Path dir : created) {
            try {
                // Refused for a non-empty directory: no check-then-delete race with a file written meanwhile.
                Files.delete(dir);
            } catch (IOException | SecurityException e) {
                // Not empty, or gone already: it stays, and so does every parent with something in it.
            }
        }
        created.clear();
    }

    /** The directory given with -o, or null when the tool's default applies. */
    public Path requested() {
        return directory;
    }

    public boolean given() {
        return directory != null;
    }
}
