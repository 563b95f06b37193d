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
 * always holds one complete run: the previous one until the swap, the new one after. Files in the
 * directory that kpi-collector did not write are carried over to the new set. A run that fails or is
 * interrupted before the swap {@link #abandon()}s its staging directory; a later run removes the
 * leftovers of runs that died (their process is gone) and, when one died between the two renames, puts
 * the previous set back.
 */
public final class OutputSet {
    private static final String STAGING = ".kpi-staging-";
    private static final String PREVIOUS = ".kpi-previous-";
    /** What kpi-collector writes into the output directory, temp files of AtomicFiles included. */
    private static final Pattern OWN_FILE = Pattern.compile(
            "\\.?(snapshot_\\d{4,}\\.json|ga_kpi_summary\\.json|ga_kpi_summary\\.md|ga_kpi_summary\\.json\\.sha256)"
                    + "(\\.(\\d+)-\\d+\\.tmp)?");

    private final Path directory;
    private final Path staging;
    private boolean swapped;
    private boolean abandoned;
    private boolean stopped;

    private OutputSet(Path directory, Path staging) {
        this.directory = directory;
        this.staging = staging;
    }

    /**
     * Cleans the leftovers of dead runs, then creates this run's empty staging directory. {@code directory}
     * need not exist yet; its parent must.
     */
    public static OutputSet stage(Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        removeLeftovers(absolute);
        Path staging = sibling(absolute, STAGING + ProcessHandle.current().pid());
        try {
            deleteTree(staging);
            Files.createDirectory(staging);
        } catch (IOException e) {
            throw new ToolException(ExitCode.RUNTIME_ERROR, "cannot create the staging directory " + staging + ": "
                    + e.getMessage(), e);
        }
        return new OutputSet(absolute, staging);
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
            throw new ToolException(ExitCode.RUNTIME_ERROR, "cannot put the new files in place of " + directory
                    + ": " + e.getMessage() + "; the previous files are unchanged", e);
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
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent, "." + name + ".kpi-*")) {
            for (Path sibling : siblings) {
                String rest = sibling.getFileName().toString().substring(name.length() + 1);
                Long pid = rest.startsWith(STAGING) ? parsePid(rest.substring(STAGING.length()))
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
            throw new ToolException(ExitCode.RUNTIME_ERROR, "cannot remove the leftovers of an earlier run beside "
                    + directory + ": " + e.getMessage(), e);
        }
        if (Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            // Temp files of runs that died while writing (runs before staging wrote into the directory itself).
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Matcher own = OWN_FILE.matcher(file.getFileName().toString());
                    if (own.matches() && own.group(3) != null && !alive(Long.parseLong(own.group(3)))) {
                        Files.deleteIfExists(file);
                    }
                }
            } catch (IOException | NumberFormatException e) {
                throw new ToolException(ExitCode.RUNTIME_ERROR, "cannot remove stale temp files in " + directory + ": "
                        + e.getMessage(), e);
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
        return pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
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
