package dev.gaday.kpi.compute;

import dev.gaday.common.model.kpi.Infrastructure;
import dev.gaday.common.model.kpi.KpiSnapshot;
import dev.gaday.common.model.kpi.OverallKpis;
import dev.gaday.common.model.kpi.ServiceKpis;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the summary takes from the series of snapshots (peaks, averages of snapshot percentiles, worst
 * interval p99, time below target, down time and recovery), folded in one snapshot at a time in sequence
 * order: a run writes each snapshot and keeps only this, a few numbers per snapshot and one per service,
 * not the snapshots themselves.
 */
public final class SnapshotFigures {
    private final double availabilityTarget;
    private int count;
    private final List<Double> p50 = new ArrayList<>();
    private final List<Double> p95 = new ArrayList<>();
    private final List<Double> p99 = new ArrayList<>();
    private Double peakRps;
    private Double worstIntervalP99;
    private double belowTargetMinutes;
    private double downtimeMinutes;
    private int downPeriods;
    private boolean wasDown;
    private boolean anyAvailability;
    private boolean anyService;
    private final Map<String, Double> servicePeakRps = new HashMap<>();
    private Double maxDbP95;
    private Double peakClusterCpu;
    private Double peakClusterMemory;

    public SnapshotFigures(double availabilityTarget) {
        this.availabilityTarget = availabilityTarget;
    }

    /** The figures of a list of snapshots, in sequence order. */
    public static SnapshotFigures of(double availabilityTarget, List<KpiSnapshot> snapshots) {
        SnapshotFigures figures = new SnapshotFigures(availabilityTarget);
        snapshots.forEach(figures::add);
        return figures;
    }

    /** Folds in the next snapshot (sequence order matters: down periods are runs of down snapshots). */
    public synchronized void add(KpiSnapshot snapshot) {
        count++;
        OverallKpis s = snapshot.overall();
        long seconds = snapshot.window().duration().toSeconds();
        double minutes = seconds / 60.0;
        p50.add(s.p50LatencyMs());
        p95.add(s.p95LatencyMs());
        p99.add(s.p99LatencyMs());
        if (s.totalRequests() != null) {
            double rps = s.totalRequests() / seconds;
            peakRps = peakRps == null ? rps : Math.max(peakRps, rps);
        }
        if (s.availabilityPercent() != null && s.availabilityPercent() < availabilityTarget) {
            belowTargetMinutes += minutes;
        }
        anyAvailability |= s.availabilityPercent() != null;
        boolean down = false;
        for (ServiceKpis service : snapshot.services()) {
            anyService = true;
            worstIntervalP99 = max(worstIntervalP99, service.p99LatencyMs());
            down |= SummaryAssembler.isDown(service);
            if (service.requests() != null) {
                servicePeakRps.merge(service.name(), service.requests() / seconds, Math::max);
            }
        }
        if (down) {
            downtimeMinutes += minutes;
            if (!wasDown) {
                downPeriods++;
            }
        }
        wasDown = down;
        Infrastructure infra = snapshot.infrastructure();
        if (infra.postgres() != null) {
            maxDbP95 = max(maxDbP95, infra.postgres().p95LatencyMs());
        }
        if (infra.cluster() != null) {
            peakClusterCpu = max(peakClusterCpu, infra.cluster().cpuPercent());
            peakClusterMemory = max(peakClusterMemory, infra.cluster().memoryPercent());
        }
    }

    public synchronized boolean isEmpty() {
        return count == 0;
    }

    /** How many snapshots were folded in. */
    public synchronized int count() {
        return count;
    }

    /** How many values it retains: three per snapshot and one per service, whatever the answers' size. */
    public synchronized int retainedValues() {
        return p50.size() + p95.size() + p99.size() + servicePeakRps.size();
    }

    public synchronized Double avgP50() {
        return KpiCalculator.mean(p50);
    }

    public synchronized Double avgP95() {
        return KpiCalculator.mean(p95);
    }

    public synchronized Double avgP99() {
        return KpiCalculator.mean(p99);
    }

    public synchronized Double peakRps() {
        return peakRps;
    }

    public synchronized Double worstIntervalP99() {
        return worstIntervalP99;
    }

    public synchronized Double timeBelowTargetMinutes() {
        return anyAvailability ? belowTargetMinutes : null;
    }

    public synchronized Double downtimeMinutes() {
        return anyService ? downtimeMinutes : null;
    }

    public synchronized Double meanTimeToRecoveryMinutes() {
        return downPeriods == 0 ? null : downtimeMinutes / downPeriods;
    }

    public synchronized Map<String, Double> servicePeakRps() {
        return Collections.unmodifiableMap(new HashMap<>(servicePeakRps));
    }

    public synchronized Double maxDbP95() {
        return maxDbP95;
    }

    public synchronized Double peakClusterCpu() {
        return peakClusterCpu;
    }

    public synchronized Double peakClusterMemory() {
        return peakClusterMemory;
    }

    static Double max(Double a, Double b) {
        if (b == null) {
            return a;
        }
        return a == null ? b : Math.max(a, b);
    }
}
