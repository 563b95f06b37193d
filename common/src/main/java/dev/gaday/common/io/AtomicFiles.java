package dev.gaday.common.io;

import dev.gaday.common.error.ToolException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes that never leave a half-written file behind: write a temp file beside the target,
 * fsync it, rename it over the target, fsync the directory.
 */
public final class AtomicFiles {
    private static final long PID = ProcessHandle.current().pid();
    private static final java.util.concurrent.atomic.AtomicLong TEMP_COUNTER =
            new java.util.concurrent.atomic.AtomicLong();

    private AtomicFiles() {}

    /** Produces a file's content into a stream. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void writeString(Path target, String content) {
        writeBytes(target, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void writeBytes(Path target, byte[] content) {
        write(target, out -> out.write(content));
    }

    public static void write(Path target, Writer writer) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw ToolException.badInput("cannot write " + target + ": " + e.getMessage(), e);
        }
        Path temp = writeTemp(target, writer, true);
        try {
            move(temp, absolute);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw ToolException.badInput("cannot write " + target + ": " + e.getMessage(), e);
        }
        fsyncDirectory(dir);
    }

    /** Whether a batch of writes waits for the disk before the files are renamed into place. */
    public enum Durability {
        /** fsync every file before its rename and each directory after: the files survive a power cut. */
        FSYNC,
        /**
         * No fsync: every file is still whole or absent to every reader, but after a power cut a file may
         * be empty. For outputs that a rerun recomputes exactly, where waiting for the disk (1 to 3 ms a
         * file here) would be most of the run.
         */
        NO_FSYNC
    }

    /** Concurrent fsyncs let the file system group them into few journal commits. */
    private static final int SYNCED_WRITERS = 32;
    /**
     * Without fsync the work is serialising the content, then creating the files: a second thread puts
     * the serialising on a second core (kpi-collector, 2 cores, 288 snapshots, 10 alternating runs
     * twice: median 1.04 -> 0.91 s and 0.94 -> 0.88 s for the whole run at 10 services).
     */
    private static final int UNSYNCED_WRITERS = 2;

    /** {@link #writeAll(Map, int, Durability)} with as many threads as suit the durability. */
    public static void writeAll(Map<Path, Writer> contents, Durability durability) {
        writeAll(contents, durability == Durability.FSYNC ? SYNCED_WRITERS : UNSYNCED_WRITERS, durability);
    }

    /**
     * Writes many files at once, each with the guarantee of {@link #write}, faster: every temp file
     * is written ({@code threads} at a time; with {@link Durability#FSYNC} also fsynced, so that the
     * file system can group the fsyncs into few journal commits), then all are renamed over their
     * targets, then each directory is fsynced once rather than once per file. When a write fails, no
     * target is touched and the temp files are removed; the first failure is thrown.
     */
    public static void writeAll(Map<Path, Writer> contents, int threads, Durability durability) {
        boolean fsync = durability == Durability.FSYNC;
        if (contents.isEmpty()) {
            return;
        }
        Map<Path, Path> temps = new LinkedHashMap<>(); // target -> its fsynced temp file
        List<Path> targets = new ArrayList<>();
        Set<Path> dirs = new LinkedHashSet<>();
        for (Path target : contents.keySet()) {
            Path absolute = target.toAbsolutePath();
            targets.add(absolute);
            dirs.add(absolute.getParent());
        }
        try {
            for (Path dir : dirs) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw ToolException.badInput(
                    "cannot write " + contents.keySet().iterator().next() + ": " + e.getMessage(), e);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, contents.size())), r -> {
            Thread thread = new Thread(r, "atomic-files");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Path>> writes = new ArrayList<>();
            List<Writer> writers = new ArrayList<>(contents.values());
            for (int i = 0; i < targets.size(); i++) {
                Path target = targets.get(i);
                Writer writer = writers.get(i);
                writes.add(pool.submit(() -> writeTemp(target, writer, fsync)));
            }
            RuntimeException failure = null;
            for (int i = 0; i < writes.size(); i++) {
                try {
                    temps.put(targets.get(i), writes.get(i).get());
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException runtime
                                ? runtime
                                : new IllegalStateException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    pool.shutdownNow();
                    failure = ToolException.badInput("interrupted while writing " + targets.get(i));
                    break;
                }
            }
            if (failure != null) {
                throw failure;
            }
            for (Map.Entry<Path, Path> entry : new ArrayList<>(temps.entrySet())) {
                try {
                    move(entry.getValue(), entry.getKey());
                } catch (IOException e) {
                    throw ToolException.badInput("cannot write " + entry.getKey() + ": " + e.getMessage(), e);
                }
                temps.remove(entry.getKey());
            }
            if (fsync) {
                dirs.forEach(AtomicFiles::fsyncDirectory);
            }
        } finally {
            pool.shutdownNow();
            for (Path temp : temps.values()) {
                deleteQuietly(temp);
            }
        }
    }

    /** The content in a temp file beside {@code target}, fsynced if asked; the temp file is removed on failure. */
    private static Path writeTemp(Path target, Writer writer, boolean fsync) {
        TempFile temp = null;
        try {
            temp = createTempBeside(target);
            try (FileChannel channel = temp.channel();
                    OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                writer.writeTo(out);
                out.flush();
                if (fsync) {
                    channel.force(true);
                }
            }
            Path written = temp.path();
            temp = null;
            return written;
        } catch (IOException e) {
            throw ToolException.badInput("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                // The channel is closed already: try-with-resources took it as soon as it was opened.
                deleteQuietly(temp.path());
            }
        }
    }

    /** A new temp file and the channel it was created with (one open, not a create and then an open). */
    private record TempFile(Path path, FileChannel channel) {}

    /**
     * A new, empty temp file beside the target, named after this process and write. Not
     * {@code Files.createTempFile}: that seeds a SecureRandom (slow at start-up) and makes files readable
     * by their owner only, a mode the rename would hand on to the output file.
     */
    private static TempFile createTempBeside(Path target) throws IOException {
        while (true) {
            Path temp = target.resolveSibling(
                    "." + target.getFileName() + "." + PID + "-" + TEMP_COUNTER.incrementAndGet() + ".tmp");
            try {
                return new TempFile(
                        temp, FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
            } catch (java.nio.file.FileAlreadyExistsException leftover) {
                // A crashed run with the same pid left it: take the next name.
            }
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // The write already failed; that error is the one to report.
        }
    }

    private static void fsyncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // Some filesystems cannot open directories; the rename itself is still atomic.
        }
    }
}
