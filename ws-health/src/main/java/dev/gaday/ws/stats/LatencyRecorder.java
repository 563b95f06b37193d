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

    public void recordNanos(long nanos) {
        long micros = Math.max(0, Math.min(HIGHEST_MICROS, TimeUnit.NANOSECONDS.toMicros(nanos)));
        histogram.recordValue(micros);
        sumMicros += micros;
    }

    public long count() {
        return histogram.getTotalCount();
    }

    /** avg (exact), p50/p95/p99 (histogram, 0.1 % resolution), max, min; all null when empty. */
    public Latency summary() {
        long count = histogram.getTotalCount();
        if (count == 0) {
            return Latency.none();
        }
        return new Latency(ms(sumMicros / count), ms(histogram.getValueAtPercentile(50)),
                ms(histogram.getValueAtPercentile(95)), ms(histogram.getValueAtPercentile(99)),
                ms(histogram.getMaxValue()), ms(histogram.getMinValue()));
    }

    private static Double ms(double micros) {
        return Math.round(micros) / 1000.0;
    }
}
