package dev.gaday.ws.probe;

import dev.gaday.ws.stats.RunStats;
import java.util.ArrayList;
import java.util.List;

/** Runs the configured number of connection probes in parallel and gathers their measurements. */
public final class ProbeRun {
    /** A probe thread does its connection's blocking I/O; a small stack keeps a thousand of them cheap. */
    private static final long PROBE_STACK_BYTES = 256 * 1024;

    private final ProbeSettings settings;
    private final RunStats stats = new RunStats();
    private final List<Thread> threads = new ArrayList<>();
    private final List<ConnectionProbe> probes = new ArrayList<>();
    private volatile boolean stopped;

    public ProbeRun(ProbeSettings settings) {
        this.settings = settings;
    }

    /** Runs to the end (all iterations, or the duration) and returns what was measured. */
    public RunStats run() throws InterruptedException {
        long start = System.nanoTime();
        long deadline = settings.duration() == null
                ? Long.MAX_VALUE
                : start + settings.duration().toNanos();
        int count = settings.connections();
        long rampStep = count <= 1 ? 0 : settings.rampUp().toNanos() / count;
        synchronized (threads) {
            for (int i = 0; i < count && !stopped; i++) {
                ConnectionProbe probe = new ConnectionProbe(settings, stats, start + i * rampStep, deadline);
                Thread thread = new Thread(null, probe, "ws-probe-" + i, PROBE_STACK_BYTES);
                thread.setDaemon(true);
                threads.add(thread);
                probes.add(probe);
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
        }
        for (ConnectionProbe probe : probes) {
            if (probe.fatal() != null) {
                throw probe.fatal();
            }
        }
        return stats;
    }

    /** Ends the run early (Ctrl-C): every probe stops and records its open outage. */
    public void stop() {
        stopped = true;
        synchronized (threads) {
            for (int i = 0; i < threads.size(); i++) {
                probes.get(i).stop(threads.get(i));
            }
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
