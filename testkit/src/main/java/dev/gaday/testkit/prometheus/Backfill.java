package dev.gaday.testkit.prometheus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs {@code promtool tsdb create-blocks-from openmetrics <file> <tsdb>} for every file, a few at a time. */
public final class Backfill {

    private static final long FILE_TIMEOUT_MINUTES = 10;

    private Backfill() {}

    /**
     * Backfills every file into {@code tsdb}; promtool's output goes to {@code logDir}. Throws
     * IllegalStateException naming the file and quoting promtool's output when it rejects one.
     */
    public static void run(Path promtool, List<Path> files, Path tsdb, Path logDir) {
        try {
            Files.createDirectories(tsdb);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + tsdb + ": " + e.getMessage(), e);
        }
        int parallel = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), files.size()));
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "promtool-backfill");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Path file : files) {
                futures.add(pool.submit(() -> {
                    backfillOne(promtool, file, tsdb, logDir);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backfilling", e);
        } finally {
            pool.shutdownNow();
        }
    }

    static void backfillOne(Path promtool, Path file, Path tsdb, Path logDir) throws IOException, InterruptedException {
        Path log = logDir.resolve("promtool-" + file.getFileName() + ".log");
        Process process = new ProcessBuilder(
                        promtool.toString(),
                        "tsdb",
                        "create-blocks-from",
                        "openmetrics",
                        file.toString(),
                        tsdb.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(FILE_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(
                    "promtool did not finish backfilling " + file + " within " + FILE_TIMEOUT_MINUTES + " minutes");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("promtool rejected " + file + " (exit " + process.exitValue() + "):\n"
                    + PrometheusServer.tail(log));
        }
    }
}
