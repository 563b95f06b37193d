package dev.gaday.kpi.report;

import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The --output directory as one set of one run's files. A run writes into a staging directory beside
 * it ({@code .NAME.kpi-staging-PID}) and {@link #swap()}s it in with two renames (the old directory
 * aside as {@code .NAME.kpi-previous-PID}, the staging directory in its place), so the output directory
 * always holds one complete run: the previous one until the swap, the new one after. A run that fails or is
 * interrupted before the swap {@link #abandon()}s its staging directory; a later run removes the
 * leftovers of runs that died (their process is gone) and, when one died between the two renames, puts
 * the previous set back.
 *
 * <p>When the directory cannot or should not be renamed (it holds files kpi-collector did not write, it
 * is the working directory or above it, its parent is not writable, it is a mount point such as a
 * container volume, or a symbolic link) the staging directory is made inside it and the swap moves the
 * files in one by one: the old summary is removed first, the new summary comes last, so the directory may
 * briefly hold new snapshots without a summary but never beside another run's summary.
 */
public final class OutputSet {
    private static final String STAGING = ".kpi-staging-";
    private static final String PREVIOUS = ".kpi-previous-";
    /** What kpi-collector writes into the output directory, temp files of AtomicFiles included. */
    /** In the order they are written: the checksum names the JSON, so it comes after it. */
    private static final List<String> SUMMARY_FILES =
            List.of(OutputFiles.SUMMARY_JSON, OutputFiles.SUMMARY_MARKDOWN, OutputFiles.SUMMARY_JSON + ".sha256");

    private static final Pattern OWN_FILE = Pattern.compile(
            "\\.?(snapshot_\\d{4,}\\.json|ga_kpi_summary\\.json|ga_kpi_summary\\.md|ga_kpi_summary\\.json\\.sha256)"
                    + "(\\.(\\d+)-\\d+\\.tmp)?");

    private final Path directory;
    private final Path staging;
    /** The staging directory is inside the output directory (which cannot be renamed). */
    private final boolean inside;

    private boolean swapped;
    private boolean abandoned;
    private boolean stopped;

    private OutputSet(Path directory, Path staging, boolean inside) {
        this.directory = directory;
        this.staging = staging;
        this.inside = inside;
    }

    /**
     * Cleans the leftovers of dead runs, then creates this run's empty staging directory. {@code directory}
     * need not exist yet; its parent must.
     */
    public static OutputSet stage(Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        removeLeftovers(absolute);
        boolean inside = !renamable(absolute);
        Path staging = inside
                ? absolute.resolve(STAGING + ProcessHandle.current().pid())
                : sibling(absolute, STAGING + ProcessHandle.current().pid());
        try {
            deleteTree(staging);
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new ToolException(
                    ExitCode.RUNTIME_ERROR,
                    "cannot create the staging directory " + staging + ": " + e.getMessage(),
                    e);
        }
        return new OutputSet(absolute, staging, inside);
    }

    /**
     * A directory that holds nothing but kpi-collector's files, whose parent is writable, on the same file
     * system, not a link, and not the working directory or one above it: renaming it cannot move anything
     * of the user's (say {@code -o .} or {@code -o $HOME}).
     */
    private static boolean renamable(Path directory) {
        Path parent = directory.getParent();
        if (parent == null
                || !Files.isWritable(parent)
                || Path.of("").toAbsolutePath().normalize().startsWith(directory)) {
            return false;
        }
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return !Files.isSymbolicLink(directory)
                    && Files.getFileStore(directory).equals(Files.getFileStore(parent))
                    && files.allMatch(f -> ownFile(f.getFileName().toString())
                            || f.getFileName().toString().startsWith(STAGING));
        } catch (IOException e) {
            return false;
        }
    }

    /** The output directory the set is swapped into. */
    public Path directory() {
        return directory;
    }

    /** Where this run writes its files until the swap. */
    public Path staging() {
        return staging;
    }

    /**
     * Hard-links (or, across file systems, copies) the snapshots already in the output directory into
     * the staging directory: a live run's snapshots appear as they are taken, and the final set is the
     * same files plus the summary.
     */
    public void adoptSnapshots(List<Path> snapshots) {
        for (Path snapshot : snapshots) {
            Path target = staging.resolve(snapshot.getFileName());
            try {
                try {
                    Files.createLink(target, snapshot);
                } catch (UnsupportedOperationException | IOException e) {
                    Files.copy(snapshot, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new ToolException(ExitCode.RUNTIME_ERROR, "cannot stage " + snapshot + ": " + e.getMessage(), e);
            }
        }
    }

    /** Puts the staged set in place of the output directory's; the previous set is gone afterwards. */
    public synchronized void swap() {
        if (abandoned) {
            throw new ToolException(ExitCode.RUNTIME_ERROR, "interrupted; nothing written");
        }
        if (inside) {
            swapInside();
            return;
        }
        Path previous = sibling(directory, PREVIOUS + ProcessHandle.current().pid());
        try {
            deleteTree(previous);
            boolean hadPrevious = Files.exists(directory, LinkOption.NOFOLLOW_LINKS);
            if (hadPrevious) {
                Files.move(directory, previous, StandardCopyOption.ATOMIC_MOVE);
            }
            try {
                Files.move(staging, directory, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (hadPrevious) {
                    Files.move(previous, directory, StandardCopyOption.ATOMIC_MOVE);
                }
                throw e;
            }
            swapped = true;
            if (hadPrevious) {
                carryOverForeignFiles(previous, directory);
                deleteTree(previous);
            }
        } catch (IOException e) {
            abandon();
            throw new ToolException(
                    ExitCode.RUNTIME_ERROR,
                    "cannot put the new files in place of " + directory + ": " + e.getMessage()
                            + "; the previous files are unchanged",
                    e);
        }
    }

    /** The files moved in one by one: old summary out first, new snapshots, old extra snapshots out, summary last. */
    private void swapInside() {
        try {
            List<Path> staged;
            try (Stream<Path> files = Files.list(staging)) {
                staged = files.sorted().toList();
            }
            List<Path> old;
            try (Stream<Path> files = Files.list(directory)) {
                old = files.filter(f -> ownFile(f.getFileName().toString())).toList();
            }
            for (String summary : SUMMARY_FILES) {
                Files.deleteIfExists(directory.resolve(summary));
            }
            for (Path file : staged) {
                if (!SUMMARY_FILES.contains(file.getFileName().toString())) {
                    Files.move(
                            file,
                            directory.resolve(file.getFileName()),
                            StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                }
            }
            java.util.Set<Path> stagedNames = new java.util.HashSet<>();
            staged.forEach(f -> stagedNames.add(f.getFileName()));
            for (Path file : old) {
                if (!stagedNames.contains(file.getFileName())) {
                    Files.deleteIfExists(file);
                }
            }
            for (String summary : SUMMARY_FILES) {
                Path file = staging.resolve(summary);
                if (Files.exists(file)) {
                    Files.move(
                            file,
                            directory.resolve(summary),
                            StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                }
            }
            swapped = true;
            deleteTree(staging);
        } catch (IOException e) {
            abandon();
            throw new ToolException(
                    ExitCode.RUNTIME_ERROR, "cannot move the new files into " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Removes the staging directory (a failed or interrupted run). True when this call ended a set that
     * was still open (neither swapped in nor abandoned before): then nothing of this run reached the output
     * directory. Safe to call from a shutdown hook while the run is still writing.
     */
    public synchronized boolean abandon() {
        if (swapped || abandoned) {
            return false;
        }
        abandoned = true;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                deleteTree(staging);
                return true;
            } catch (IOException e) {
                // A writer thread added a file while the tree was walked: walk again.
            }
        }
        return true;
    }

    public synchronized boolean swapped() {
        return swapped;
    }

    /**
     * {@link #abandon()} on a stop signal: afterwards {@link #stopped()} tells the run that its failure
     * is the signal's doing, already reported.
     */
    public synchronized boolean abandonOnStop() {
        stopped = true;
        return abandon();
    }

    public synchronized boolean stopped() {
        return stopped;
    }

    /** Leftovers of kpi-collector runs on this directory whose process is gone. */
    static void removeLeftovers(Path directory) {
        Path parent = directory.getParent();
        String name = directory.getFileName().toString();
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        try (DirectoryStream<Path> siblings =
                Files.newDirectoryStream(parent, p -> p.getFileName().toString().startsWith("." + name + ".kpi-"))) {
            for (Path sibling : siblings) {
                String rest = sibling.getFileName().toString().substring(name.length() + 1);
                Long pid = rest.startsWith(STAGING)
                        ? parsePid(rest.substring(STAGING.length()))
                        : rest.startsWith(PREVIOUS) ? parsePid(rest.substring(PREVIOUS.length())) : null;
                if (pid == null || alive(pid)) {
                    continue;
                }
                if (rest.startsWith(PREVIOUS)) {
                    if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
                        // The run died between the two renames: the previous set is the complete one.
                        Files.move(sibling, directory, StandardCopyOption.ATOMIC_MOVE);
                        continue;
                    }
                    carryOverForeignFiles(sibling, directory);
                }
                deleteTree(sibling);
            }
        } catch (IOException e) {
            throw new ToolException(
                    ExitCode.RUNTIME_ERROR,
                    "cannot remove the leftovers of an earlier run beside " + directory + ": " + e.getMessage(),
                    e);
        }
        if (Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            // Temp files of runs that died while writing (runs before staging wrote into the directory itself).
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    String fileName = file.getFileName().toString();
                    if (fileName.startsWith(STAGING)) {
                        Long pid = parsePid(fileName.substring(STAGING.length()));
                        if (pid != null && !alive(pid)) {
                            deleteTree(file);
                        }
                        continue;
                    }
                    Matcher own = OWN_FILE.matcher(file.getFileName().toString());
                    if (own.matches() && own.group(3) != null && !alive(Long.parseLong(own.group(3)))) {
                        Files.deleteIfExists(file);
                    }
                }
            } catch (IOException | NumberFormatException e) {
                throw new ToolException(
                        ExitCode.RUNTIME_ERROR,
                        "cannot remove stale temp files in " + directory + ": " + e.getMessage(),
                        e);
            }
        }
    }

    /** True for the names of files kpi-collector writes (and its temp files). */
    static boolean ownFile(String fileName) {
        return OWN_FILE.matcher(fileName).matches();
    }

    private static void carryOverForeignFiles(Path from, Path to) throws IOException {
        List<Path> foreign = new ArrayList<>();
        try (Stream<Path> files = Files.list(from)) {
            files.filter(f -> !ownFile(f.getFileName().toString())).forEach(foreign::add);
        }
        for (Path file : foreign) {
            Path target = to.resolve(file.getFileName());
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException e) {
                    // Written meanwhile: keep the newer.
                }
            }
        }
    }

    private static Long parsePid(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean alive(long pid) {
        return pid == ProcessHandle.current().pid()
                || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static Path sibling(Path directory, String suffix) {
        return directory.resolveSibling("." + directory.getFileName() + suffix);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
