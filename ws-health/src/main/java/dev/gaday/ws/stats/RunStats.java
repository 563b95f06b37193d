package dev.gaday.ws.stats;

import dev.gaday.common.model.ws.WsHealthMetrics.Latency;
import dev.gaday.common.model.ws.WsHealthMetrics.ModeStats;
import dev.gaday.common.model.ws.WsHealthMetrics.Phases;
import dev.gaday.common.model.ws.WsHealthMetrics.ServerDrops;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the probes of one run measure, shared by all connection probes. Events come at
 * most a few thousand a second, so one lock is cheaper than anything cleverer.
 */
public final class RunStats {
    private int totalTests;
    private int successful;
    private final LatencyRecorder reconnectLatency = new LatencyRecorder();
    private final LatencyRecorder applicationLatency = new LatencyRecorder();
    private final LatencyRecorder tcpConnect = new LatencyRecorder();
    private final LatencyRecorder tlsHandshake = new LatencyRecorder();
    private final LatencyRecorder upgrade = new LatencyRecorder();
    private final Map<String, ModeCounter> byMode = new TreeMap<>();
    private final Map<String, Integer> failureReasons = new TreeMap<>();
    private long maxDowntimeNanos;
    private boolean downtimeSeen;
    private long attemptsOfSuccessfulTests;
    private long jitterCount;
    private double jitterSumNanos;
    private long jitterMaxNanos;
    private int serverDrops;
    private int serverDropsRecovered;
    private final LatencyRecorder serverDropRecovery = new LatencyRecorder();
    private int unfinishedCycles;

    private static final class ModeCounter {
        int total;
        int successful;
        final LatencyRecorder latency = new LatencyRecorder();
    }

    /** A reconnect test that restored the connection: latency from the disconnect to open (and to the answer). */
    public synchronized void recordSuccess(String mode, long latencyNanos, Long applicationLatencyNanos, int attempts) {
        totalTests++;
        successful++;
        reconnectLatency.recordNanos(latencyNanos);
        if (applicationLatencyNanos != null) {
            applicationLatency.recordNanos(applicationLatencyNanos);
        }
        attemptsOfSuccessfulTests += attempts;
        ModeCounter counter = byMode.computeIfAbsent(mode, m -> new ModeCounter());
        counter.total++;
        counter.successful++;
        counter.latency.recordNanos(latencyNanos);
    }

    public synchronized void recordFailure(String mode) {
        totalTests++;
        byMode.computeIfAbsent(mode, m -> new ModeCounter()).total++;
    }

    /**
     * A probe that ended on an unexpected error: the {@code cycles} it could no longer run count as
     * failed tests (mode "error"), the error's type as their failure reason.
     */
    public synchronized void recordProbeError(String errorType, int cycles) {
        totalTests += cycles;
        byMode.computeIfAbsent("error", m -> new ModeCounter()).total += cycles;
        failureReasons.merge("probe error (" + errorType + ")", cycles, Integer::sum);
    }

    /** Why one connect attempt failed ("handshake timeout", "connection refused"...). */
    public synchronized void recordFailedAttempt(String reason) {
        failureReasons.merge(reason, 1, Integer::sum);
    }

    public synchronized void recordPhases(long tcpNanos, Long tlsNanos, long upgradeNanos) {
        tcpConnect.recordNanos(tcpNanos);
        if (tlsNanos != null) {
            tlsHandshake.recordNanos(tlsNanos);
        }
        upgrade.recordNanos(upgradeNanos);
    }

    /** A period without a usable connection, ended by a reconnect or by the end of the run. */
    public synchronized void recordDowntime(long nanos) {
        downtimeSeen = true;
        maxDowntimeNanos = Math.max(maxDowntimeNanos, nanos);
    }

    /** How far an attempt started from the moment the reconnect policy planned for it. */
    public synchronized void recordJitter(long deviationNanos) {
        long abs = Math.abs(deviationNanos);
        jitterCount++;
        jitterSumNanos += abs;
        jitterMaxNanos = Math.max(jitterMaxNanos, abs);
    }

    public synchronized void recordServerDrop(Long recoveryNanos) {
        serverDrops++;
        if (recoveryNanos != null) {
            serverDropsRecovered++;
            serverDropRecovery.recordNanos(recoveryNanos);
        }
    }

    public synchronized void recordUnfinishedCycle() {
        unfinishedCycles++;
    }

    public synchronized int totalTests() {
        return totalTests;
    }

    public synchronized int successful() {
        return successful;
    }

    public synchronized int failed() {
        return totalTests - successful;
    }

    public synchronized Double successRatePercent() {
        return totalTests == 0 ? null : 100.0 * successful / totalTests;
    }

    public synchronized Latency reconnectLatency() {
        return reconnectLatency.summary();
    }

    public synchronized Latency applicationLatency() {
        return applicationLatency.count() == 0 ? null : applicationLatency.summary();
    }

    public synchronized Phases phases() {
        if (tcpConnect.count() == 0) {
            return null;
        }
        return new Phases(
                tcpConnect.summary(), tlsHandshake.count() == 0 ? null : tlsHandshake.summary(), upgrade.summary());
    }

    public synchronized Double maxDowntimeSeconds() {
        return downtimeSeen ? maxDowntimeNanos / 1e9 : null;
    }

    public synchronized Double avgJitterMs() {
        return jitterCount == 0 ? null : Math.round(jitterSumNanos / jitterCount / 1e3) / 1e3;
    }

    public synchronized Double maxJitterMs() {
        return jitterCount == 0 ? null : Math.round(jitterMaxNanos / 1e3) / 1e3;
    }

    public synchronized Double avgAttempts() {
        return successful == 0 ? null : (double) attemptsOfSuccessfulTests / successful;
    }

    public synchronized ServerDrops serverDrops() {
        Latency recovery = serverDropRecovery.summary();
        return new ServerDrops(serverDrops, serverDropsRecovered, recovery.avg(), recovery.max());
    }

    public synchronized Map<String, ModeStats> byMode() {
        Map<String, ModeStats> result = new TreeMap<>();
        byMode.forEach((mode, c) ->
                result.put(mode, new ModeStats(c.total, c.successful, c.total - c.successful, c.latency.summary())));
        return result;
    }

    public synchronized Map<String, Integer> failureReasons() {
        return new TreeMap<>(failureReasons);
    }

    public synchronized int unfinishedCycles() {
        return unfinishedCycles;
    }
}
