package dev.gaday.cert.build;

import static dev.gaday.cert.build.PackageLayout.ARCHIVE_NAME;
import static dev.gaday.cert.build.PackageLayout.ARCHIVE_SHA256;
import static dev.gaday.cert.build.PackageLayout.ARCHIVE_SIG;
import static dev.gaday.cert.build.PackageLayout.PACKAGE_DIR;

import dev.gaday.common.cli.Diagnostics;
import dev.gaday.common.error.ToolException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The output directory's package as one unit: a run writes the new package/ and tarball into a
 * staging directory {@code .package-NNNN} beside them, then swaps all three in. If any move of the swap
 * fails, the moves already made are undone, so the previous package/, tarball and checksum are back in
 * place. An interrupted run (SIGTERM, Ctrl-C) removes its staging directory from a shutdown hook; a
 * staging directory left by a run that was killed outright is recognised by its owner file (the pid and
 * start time of the run that made it) and removed by the next run, after putting back any part of the
 * previous package a swap had moved aside.
 */
final class PackageDirectory implements AutoCloseable {
    static final String STAGING_PREFIX = ".package-";
    static final String OWNER_FILE = ".cert-package-staging";
    private static final Pattern STAGING_NAME = Pattern.compile(Pattern.quote(STAGING_PREFIX) + "\\d+");
    private static final String PREVIOUS = "previous";
    /**
     * What the swap replaces, in the order it moves them in. The signature is optional: a run without --sign-key
     * moves a previous run's .sig aside with the previous tarball (it would not match the new one) and installs
     * none.
     */
    private static final List<String> TARGETS = List.of(ARCHIVE_NAME, ARCHIVE_SHA256, PACKAGE_DIR, ARCHIVE_SIG);

    /** Moves one file or directory; a seam so that tests can make a move fail. */
    @FunctionalInterface
    interface Mover {
        void move(Path from, Path to) throws IOException;
    }

    static final Mover RENAME = (from, to) -> Files.move(from, to);

    private enum State {
        STAGING,
        SWAPPED,
        KEPT,
        CLOSED
    }

    private final Path outDir;
    private Path staging;
    private final Mover mover;
    private final Diagnostics diagnostics;
    private final Thread shutdownHook;
    private State state = State.STAGING;
    private volatile boolean shuttingDown;

    private PackageDirectory(Path outDir, Mover mover, Diagnostics diagnostics, boolean hook) {
        this.outDir = outDir;
        this.mover = mover;
        this.diagnostics = diagnostics;
        this.shutdownHook = hook ? new Thread(this::interrupted, "cert-package-cleanup") : null;
    }

    /**
     * Removes stale staging directories of earlier runs, then makes this run's.
     *
     * @param shutdownHook whether to remove the staging directory when the JVM is stopped (off in
     *     tests that call {@link #interrupted()} themselves)
     */
    static PackageDirectory open(Path outDir, Diagnostics diagnostics, Mover mover, boolean shutdownHook) {
        removeStale(outDir, diagnostics);
        PackageDirectory directory = new PackageDirectory(outDir, mover, diagnostics, shutdownHook);
        // The hook first: a signal that arrives while the directory is being made still removes it.
        if (shutdownHook) {
            Runtime.getRuntime().addShutdownHook(directory.shutdownHook);
        }
        try {
            directory.create();
        } catch (IOException e) {
            directory.close();
            throw ToolException.badInput("cannot create a staging directory in " + outDir + ": " + e.getMessage(), e);
        }
        return directory;
    }

    private synchronized void create() throws IOException {
        if (state != State.STAGING) {
            throw new IOException("the run was interrupted");
        }
        staging = Files.createTempDirectory(outDir, STAGING_PREFIX);
        ProcessHandle self = ProcessHandle.current();
        Files.writeString(
                staging.resolve(OWNER_FILE),
                self.pid() + " "
                        + self.info().startInstant().map(Instant::toString).orElse("-") + "\n",
                StandardCharsets.UTF_8);
        Files.createDirectories(staging.resolve(PACKAGE_DIR));
    }

    /** Where the new package's files go (package/ inside the staging directory). */
    synchronized Path packageRoot() {
        return staging.resolve(PACKAGE_DIR);
    }

    /** Where the new tarball goes; its .sha256 goes beside it. */
    synchronized Path archive() {
        return staging.resolve(ARCHIVE_NAME);
    }

    /** Where the new tarball's signature goes (with --sign-key). */
    synchronized Path signature() {
        return staging.resolve(ARCHIVE_SIG);
    }

    synchronized Path staging() {
        return staging;
    }

    /**
     * Creates a directory inside the staging directory, unless the run was interrupted: after the
     * shutdown hook removed the staging directory, nothing may make it again.
     */
    synchronized void createDirectories(Path dir) throws IOException {
        if (state != State.STAGING) {
            throw new IOException("the run was interrupted");
        }
        Files.createDirectories(dir);
    }

    /**
     * Runs a writer of the staging directory's archive under the lock the shutdown hook takes, so that
     * the writer (which creates missing parent directories) cannot bring the directory back after the
     * hook removed it.
     */
    synchronized void writeArchive(Runnable writer) {
        if (state != State.STAGING) {
            throw ToolException.badInput("the run was interrupted before its package was complete");
        }
        writer.run();
    }

    /** Swaps the staged package, tarball and checksum in; on any failure puts the previous ones back. */
    synchronized void swap() {
        if (state != State.STAGING) {
            throw ToolException.badInput("the run was interrupted before its package was complete");
        }
        Path previous = staging.resolve(PREVIOUS);
        List<String> saved = new ArrayList<>();
        List<String> installed = new ArrayList<>();
        try {
            Files.createDirectories(previous);
            for (String name : TARGETS) {
                if (Files.exists(outDir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                    mover.move(outDir.resolve(name), previous.resolve(name));
                    saved.add(name);
                }
            }
            for (String name : TARGETS) {
                if (name.equals(ARCHIVE_SIG) && !Files.exists(staging.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                    continue; // an unsigned package
                }
                mover.move(staging.resolve(name), outDir.resolve(name));
                installed.add(name);
            }
            state = State.SWAPPED;
        } catch (IOException | RuntimeException e) {
            String undone = rollBack(saved, installed);
            throw ToolException.badInput(
                    "cannot move the new package into " + outDir + ": " + cause(e) + "; " + undone, e);
        }
    }

    /** Undoes the swap's moves, newest first; says what the output directory holds now. */
    private String rollBack(List<String> saved, List<String> installed) {
        Path previous = staging.resolve(PREVIOUS);
        try {
            for (int i = installed.size() - 1; i >= 0; i--) {
                mover.move(outDir.resolve(installed.get(i)), staging.resolve(installed.get(i)));
            }
            for (int i = saved.size() - 1; i >= 0; i--) {
                mover.move(previous.resolve(saved.get(i)), outDir.resolve(saved.get(i)));
            }
            return saved.isEmpty() ? "nothing written" : "the previous package is unchanged";
        } catch (IOException | RuntimeException e) {
            // Keep the staging directory: it holds the only copy of what could not be moved back.
            state = State.KEPT;
            return "could not put the previous package back (" + cause(e) + "); it is kept in " + previous;
        }
    }

    private static String cause(Exception e) {
        return e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** Removes the staging directory (after a swap it holds only the previous package). */
    @Override
    public synchronized void close() {
        if (state != State.KEPT && staging != null) {
            deleteTree(staging);
        }
        state = State.CLOSED;
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or about to: it finds the directory closed.
            }
        }
    }

    /**
     * For the run's thread after a failure: if the failure is the shutdown hook having removed the staging
     * directory, the JVM is exiting and the hook has said what happened; this thread waits for the exit
     * instead of adding a second, misleading error line.
     */
    void awaitExitIfShuttingDown() {
        while (shuttingDown) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The shutdown hook: removes the staging directory and says in one line what the run left. */
    synchronized void interrupted() {
        shuttingDown = Thread.currentThread() == shutdownHook;
        switch (state) {
            case STAGING -> {
                state = State.CLOSED;
                if (staging != null) {
                    deleteTree(staging);
                }
                diagnostics.error("interrupted; nothing written");
            }
            case SWAPPED -> {
                state = State.CLOSED;
                deleteTree(staging);
                diagnostics.error("interrupted; the new package was complete and is kept in " + outDir);
            }
            case KEPT -> diagnostics.error("interrupted; the previous package is kept in " + staging.resolve(PREVIOUS));
            case CLOSED -> {}
        }
    }

    /**
     * Removes staging directories that earlier runs of this tool left behind: only {@code .package-NNNN}
     * directories with an owner file, whose owner is no longer running.
     */
    static void removeStale(Path outDir, Diagnostics diagnostics) {
        List<Path> candidates;
        try (Stream<Path> entries = Files.list(outDir)) {
            candidates = entries.filter(p ->
                            STAGING_NAME.matcher(p.getFileName().toString()).matches())
                    .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> Files.isRegularFile(p.resolve(OWNER_FILE), LinkOption.NOFOLLOW_LINKS))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return;
        }
        for (Path stale : candidates) {
            if (ownerRunning(stale)) {
                continue;
            }
            Path previous = stale.resolve(PREVIOUS);
            boolean archivePutBack = false;
            for (String name : TARGETS) {
                Path target = outDir.resolve(name);
                Path kept = previous.resolve(name);
                if (name.equals(ARCHIVE_SIG) && !archivePutBack) {
                    continue; // a signature belongs to its tarball: only with the previous tarball does it come back
                }
                if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS) && Files.exists(kept, LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        Files.move(kept, target);
                    } catch (IOException e) {
                        diagnostics.warn("cannot put " + kept + " back as " + target + ": " + e.getMessage());
                        continue;
                    }
                    diagnostics.warn("put back " + target + " from an interrupted run's staging directory");
                    archivePutBack |= name.equals(ARCHIVE_NAME);
                }
            }
            deleteTree(stale);
            diagnostics.detail("removed " + stale + ", the staging directory of an interrupted run");
        }
    }

    private static boolean ownerRunning(Path stagingDir) {
        String[] owner;
        try {
            owner = Files.readString(stagingDir.resolve(OWNER_FILE), StandardCharsets.UTF_8)
                    .strip()
                    .split(" ");
        } catch (IOException e) {
            return true;
        }
        long pid;
        try {
            pid = Long.parseLong(owner[0]);
        } catch (NumberFormatException e) {
            return false;
        }
        if (pid == ProcessHandle.current().pid()) {
            // This run has not made its own yet: a recycled pid (pid 1 in a container) of a run now gone.
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return false;
        }
        String started =
                process.get().info().startInstant().map(Instant::toString).orElse("-");
        return owner.length < 2 || owner[1].equals("-") || started.equals("-") || owner[1].equals(started);
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException ignored) {
            // A leftover is named by the next run, which removes it as stale.
        }
    }
}
