package dev.gaday.ws.probe;

import dev.gaday.ws.stats.RunStats;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One client connection's supervisor: connects, then runs cycles of hold → forced disconnect →
 * reconnect under the reconnect policy, and records what each cycle measured. It runs on its
 * own thread, which also does all of the connection's I/O: it connects, upgrades, and reads
 * the open connection while it holds it.
 *
 * <p>A cycle is one test: it passes when the connection (and, with a proof of life, the
 * application) is back within the reconnect timeout. A cycle that begins while the connection
 * is still down (the previous one failed) tests the same outage again; its latency counts
 * from the start of the outage.
 */
final class ConnectionProbe implements Runnable {
    private volatile Error fatal;

    private static final String OUTAGE = "outage";

    private final ProbeSettings settings;
    private final RunStats stats;
    private final long startNanos;
    private final long runDeadlineNanos;

    private ProbeSession session;
    private long downSinceNanos;
    private boolean down;
    private int backoffAttempt;
    private long lastAttemptEndNanos;
    private long plannedAttemptNanos = -1;
    private int cyclesDone;

    private enum Result {
        RESTORED,
        FAILED,
        UNFINISHED
    }

    /** @param outageStartNanos when the connection went down; latencies count from there */
    private record Outcome(Result result, long outageStartNanos, long readyNanos, long openNanos, int attempts) {}

    /** The next attempt's client, built ahead so that building it is not counted as latency. */
    private ProbeSession prepared;
    /** The attempt this probe's thread is blocked in, if any; {@link #stop} resets it. */
    private volatile ProbeSession inFlight;

    ConnectionProbe(ProbeSettings settings, RunStats stats, long startNanos, long runDeadlineNanos) {
        this.settings = settings;
        this.stats = stats;
        this.startNanos = startNanos;
        this.runDeadlineNanos = runDeadlineNanos;
    }

    /** An {@link Error} that ended this probe: the run rethrows it once every probe has ended. */
    Error fatal() {
        return fatal;
    }

    @Override
    public void run() {
        try {
            if (!parkUntil(startNanos) || System.nanoTime() >= runDeadlineNanos) {
                return;
            }
            markDown(System.nanoTime());
            Outcome setup =
                    restore(System.nanoTime() + settings.reconnectTimeout().toNanos(), false);
            if (setup.result() == Result.UNFINISHED) {
                return;
            }
            for (int cycle = 0; settings.iterations() == 0 || cycle < settings.iterations(); cycle++) {
                if (session != null && !hold()) {
                    return;
                }
                String mode = OUTAGE;
                if (session != null) {
                    DisconnectMode disconnect = settings.disconnectMode().forCycle(cycle);
                    mode = disconnect.label();
                    forceDisconnect(disconnect);
                }
                Outcome outcome =
                        restore(System.nanoTime() + settings.reconnectTimeout().toNanos(), true);
                switch (outcome.result()) {
                    case RESTORED -> stats.recordSuccess(
                            mode,
                            outcome.openNanos() - outcome.outageStartNanos(),
                            proves() ? outcome.readyNanos() - outcome.outageStartNanos() : null,
                            outcome.attempts());
                    case FAILED -> stats.recordFailure(mode);
                    case UNFINISHED -> {
                        stats.recordUnfinishedCycle();
                        return;
                    }
                }
                cyclesDone++;
                if (System.nanoTime() >= runDeadlineNanos) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // A probe never vanishes from the totals: the cycles it could not run count as failed, and the
            // error is named in failureReasons (no trace: the run's one-line rule holds for probe threads too).
            int left = settings.iterations() == 0 ? 1 : Math.max(1, settings.iterations() - cyclesDone);
            stats.recordProbeError(e.getClass().getSimpleName(), left);
        } catch (Error e) {
            // The JVM itself failed (memory, a class that cannot load): no verdict can be given, so the run
            // ends with it (exit 4) rather than counting it as a failed reconnect (exit 1).
            fatal = e;
        } finally {
            if (down) {
                stats.recordDowntime(System.nanoTime() - downSinceNanos);
            }
            if (session != null) {
                endSession(session);
            }
        }
    }

    private boolean proves() {
        return settings.send() != null || settings.ping();
    }

    private void markDown(long sinceNanos) {
        down = true;
        downSinceNanos = sinceNanos;
        backoffAttempt = 0;
        lastAttemptEndNanos = sinceNanos;
        plannedAttemptNanos = -1;
    }

    /** Keeps the connection open for one interval; a drop by the server is measured on the way. */
    private boolean hold() throws InterruptedException {
        long end = Math.min(System.nanoTime() + settings.interval().toNanos(), runDeadlineNanos);
        while (session != null) {
            long now = System.nanoTime();
            if (now >= end) {
                break;
            }
            if (readUntilClosed(session, end)) {
                long droppedAt = session.closeNanos();
                session = null;
                markDown(droppedAt);
                Outcome recovery =
                        restore(droppedAt + settings.reconnectTimeout().toNanos(), true);
                stats.recordServerDrop(recovery.result() == Result.RESTORED ? recovery.readyNanos() - droppedAt : null);
                if (recovery.result() == Result.UNFINISHED) {
                    return false;
                }
            }
        }
        return System.nanoTime() < runDeadlineNanos;
    }

    private void forceDisconnect(DisconnectMode mode) throws InterruptedException {
        prepare();
        ProbeSession current = session;
        session = null;
        markDown(System.nanoTime());
        if (mode == DisconnectMode.CLOSE) {
            current.closeCleanly();
            // A client reconnects once its close handshake is over; one that never ends is cut.
            if (!readUntilClosed(
                    current, System.nanoTime() + settings.handshakeTimeout().toNanos())) {
                current.abort();
            }
        } else {
            current.abort();
        }
    }

    /**
     * Attempts to reconnect under the policy until the connection is back or {@code cycleDeadline}
     * passes. On success the outage ends; {@code countDowntime} is false only for the first connect.
     */
    private Outcome restore(long cycleDeadlineNanos, boolean countDowntime) throws InterruptedException {
        long deadline = Math.min(cycleDeadlineNanos, runDeadlineNanos);
        Result timeUp = runDeadlineNanos < cycleDeadlineNanos ? Result.UNFINISHED : Result.FAILED;
        int attempts = 0;
        while (true) {
            if (plannedAttemptNanos < 0) {
                plannedAttemptNanos = lastAttemptEndNanos + settings.policy().delayNanos(backoffAttempt);
            }
            if (plannedAttemptNanos >= deadline) {
                parkUntil(deadline);
                return new Outcome(timeUp, downSinceNanos, 0, 0, attempts);
            }
            prepare();
            if (!parkUntil(plannedAttemptNanos)) {
                throw new InterruptedException();
            }
            stats.recordJitter(System.nanoTime() - plannedAttemptNanos);
            plannedAttemptNanos = -1;
            backoffAttempt++;
            attempts++;
            ProbeSession opened = attempt(deadline);
            lastAttemptEndNanos = System.nanoTime();
            if (opened != null) {
                session = opened;
                long ready = proves() ? opened.answerNanos() : opened.openNanos();
                if (countDowntime) {
                    stats.recordDowntime(ready - downSinceNanos);
                }
                down = false;
                return new Outcome(Result.RESTORED, downSinceNanos, ready, opened.openNanos(), attempts);
            }
            if (lastAttemptEndNanos >= deadline) {
                return new Outcome(timeUp, downSinceNanos, 0, 0, attempts);
            }
        }
    }

    /**
     * One connect attempt on this thread, every phase bounded; the open session, or null after
     * recording why not.
     */
    private ProbeSession attempt(long deadlineNanos) throws InterruptedException {
        prepare();
        ProbeSession candidate = prepared;
        prepared = null;
        long phases = settings.connectTimeout().toNanos()
                + settings.handshakeTimeout().toNanos() * (settings.secure() ? 2 : 1);
        long attemptDeadline = System.nanoTime() + Math.min(phases, deadlineNanos - System.nanoTime());
        inFlight = candidate;
        try {
            if (!candidate.open(attemptDeadline)) {
                candidate.abort();
                throwIfStopped();
                stats.recordFailedAttempt(candidate.failureReason());
                return null;
            }
            if (proves()) {
                long answerDeadline = System.nanoTime()
                        + Math.min(settings.handshakeTimeout().toNanos(), deadlineNanos - System.nanoTime());
                if (!candidate.prove(answerDeadline)) {
                    boolean closedFirst = candidate.hasClosed();
                    candidate.abort();
                    throwIfStopped();
                    stats.recordFailedAttempt(
                            candidate.messageTooLarge()
                                    ? "message too large"
                                    : closedFirst
                                            ? "closed before answer"
                                            : settings.send() != null ? "no reply" : "no pong");
                    return null;
                }
            }
            if (candidate.hasClosed()) {
                stats.recordFailedAttempt(
                        candidate.messageTooLarge() ? "message too large" : "closed right after open");
                return null;
            }
        } finally {
            inFlight = null;
        }
        stats.recordPhases(candidate.tcpConnectNanos(), candidate.tlsNanos(), candidate.upgradeNanos());
        return candidate;
    }

    /**
     * Reads the open session on this thread (answering pings, taking a close handshake to its
     * end) until it closes or {@code deadlineNanos}; true when it closed. No other thread reads
     * a probe's socket, so a forced reset never has to wake one.
     */
    private boolean readUntilClosed(ProbeSession current, long deadlineNanos) throws InterruptedException {
        inFlight = current;
        try {
            return current.readUntilClosed(deadlineNanos);
        } finally {
            inFlight = null;
            throwIfStopped();
        }
    }

    /** The run is over: a clean close, its answer awaited briefly unless the run was stopped. */
    private void endSession(ProbeSession current) {
        current.closeCleanly();
        boolean closed = false;
        if (!Thread.currentThread().isInterrupted()) {
            long wait = Math.min(settings.handshakeTimeout().toNanos(), TimeUnit.SECONDS.toNanos(1));
            closed = current.readUntilClosed(System.nanoTime() + wait);
        }
        if (!closed) {
            current.abort();
        }
    }

    /** An attempt cut short by {@link #stop()} is not a failure of the endpoint. */
    private static void throwIfStopped() throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException();
        }
    }

    /**
     * Ends the probe early: interrupts its thread and resets the attempt in flight, whose
     * blocking socket I/O an interrupt alone would not end.
     */
    void stop(Thread thread) {
        thread.interrupt();
        ProbeSession attempting = inFlight;
        if (attempting != null) {
            attempting.abort();
        }
    }

    private void prepare() {
        if (prepared == null) {
            prepared = new ProbeSession(settings);
        }
    }

    /** Parks until {@code targetNanos}; false when interrupted. */
    private static boolean parkUntil(long targetNanos) {
        long remaining;
        while ((remaining = targetNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
        }
        return !Thread.currentThread().isInterrupted();
    }
}
