package dev.gaday.ws.probe;

import dev.gaday.ws.stats.RunStats;
import java.util.ArrayList;
import java.util.List;

/** Runs the configured number of connection probes in parallel and gathers their measurements. */
public final class ProbeRun {
    /** Probe supervisors only wait and count; a small stack keeps a thousand of them cheap. */
    private static final long PROBE_STACK_BYTES = 256 * 1024;

    private final ProbeSettings settings;
    private final RunStats stats = new RunStats();
    private final List<Thread> threads = new ArrayList<>();
    /** Runs the clients' read loops; reused across reconnects, so no thread is born on the clock. */
    private final java.util.concurrent.ExecutorService readers = java.util.concurrent.Executors.newCachedThreadPool(
            new java.util.concurrent.ThreadFactory() {
                private final java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();

                @Override
                public Thread newThread(Runnable runnable) {
                    Thread thread = new Thread(runnable, "ws-client-read-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }
            });
    private volatile boolean stopped;

    public ProbeRun(ProbeSettings settings) {
        this.settings = settings;
    }

    /** Runs to the end (all iterations, or the duration) and returns what was measured. */
    public RunStats run() throws InterruptedException {
        long start = System.nanoTime();
        long deadline = settings.duration() == null ? Long.MAX_VALUE : start + settings.duration().toNanos();
        int count = settings.connections();
        long rampStep = count <= 1 ? 0 : settings.rampUp().toNanos() / count;
        synchronized (threads) {
            for (int i = 0; i < count && !stopped; i++) {
                ConnectionProbe probe = new ConnectionProbe(settings, stats, readers, start + i * rampStep, deadline);
                Thread thread = new Thread(null, probe, "ws-probe-" + i, PROBE_STACK_BYTES);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
        }
        try {
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            stop();
            throw e;
        } finally {
            // sessions still closing finish on their own; nothing new is accepted
            readers.shutdown();
        }
        return stats;
    }

    /** Ends the run early (Ctrl-C): every probe stops and records its open outage. */
    public void stop() {
        stopped = true;
        synchronized (threads) {
            threads.forEach(Thread::interrupt);
        }
    }

    /** Whether stop() ended the run early; the threads' own measurements are still valid. */
    public boolean stopped() {
        return stopped;
    }

    public RunStats stats() {
        return stats;
    }
}
