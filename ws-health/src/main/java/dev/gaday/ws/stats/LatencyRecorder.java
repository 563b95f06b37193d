package dev.gaday.ws.stats;

import dev.gaday.common.model.ws.WsHealthMetrics.Latency;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Latencies in microseconds with three significant digits, summarised in milliseconds.
 * Not thread-safe: {@link RunStats} guards it.
 */
public final class LatencyRecorder {
    private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(24);

    private final Histogram histogram = new Histogram(HIGHEST_MICROS, 3);
    private double sumMicros;
    private long minMicros = Long.MAX_VALUE;
    private long maxMicros;

    public void recordNanos(long nanos) {
        long micros = Math.max(0, Math.min(HIGHEST_MICROS, TimeUnit.NANOSECONDS.toMicros(nanos)));
        histogram.recordValue(micros);
        sumMicros += micros;
        minMicros = Math.min(minMicros, micros);
        maxMicros = Math.max(maxMicros, micros);
    }

    public long count() {
        return histogram.getTotalCount();
    }

    /** avg, max, min exact (to the µs); p50/p95/p99 from the histogram (0.1 % resolution); all null when empty. */
    public Latency summary() {
        long count = histogram.getTotalCount();
        if (count == 0) {
            return Latency.none();
        }
        return new Latency(
                ms(sumMicros / count),
                ms(percentile(50)),
                ms(percentile(95)),
                ms(percentile(99)),
                ms(maxMicros),
                ms(minMicros));
    }

    /** A histogram percentile (its bucket's upper edge), kept within the exact min and max. */
    private double percentile(double percent) {
        return Math.max(minMicros, Math.min(maxMicros, histogram.getValueAtPercentile(percent)));
    }

    private static Double ms(double micros) {
        return Math.round(micros) / 1000.0;
    }
}
