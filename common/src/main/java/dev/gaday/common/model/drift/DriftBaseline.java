package dev.gaday.common.model.drift;

import dev.gaday.common.model.FileKind;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * baseline_metrics.json: the samples drift-detector captured over a known-good window, to be compared
 * later with {@code drift-detector compare}. Documented in docs/schema/drift-baseline.md.
 *
 * @param selector    label matchers that scoped every query (may be empty)
 * @param stepSeconds the sample step, also the rate() range of the queries
 * @param configSha256 SHA-256 of the metric set's canonical JSON, to notice a changed configuration
 */
public record DriftBaseline(
        int schemaVersion,
        String kind,
        Instant capturedAt,
        DriftWindow window,
        String selector,
        long stepSeconds,
        String configSha256,
        List<BaselineSeries> series) {

    public DriftBaseline {
        FileKind.DRIFT_BASELINE.check(schemaVersion, kind);
        Objects.requireNonNull(capturedAt, "capturedAt");
        Objects.requireNonNull(window, "window");
        selector = selector == null ? "" : selector;
        if (stepSeconds < 1) {
            throw new IllegalArgumentException("stepSeconds must be at least 1, got " + stepSeconds);
        }
        series = List.copyOf(Objects.requireNonNull(series, "series"));
    }

    public static DriftBaseline of(
            Instant capturedAt,
            DriftWindow window,
            String selector,
            long stepSeconds,
            String configSha256,
            List<BaselineSeries> series) {
        return new DriftBaseline(
                FileKind.DRIFT_BASELINE.schemaVersion(),
                FileKind.DRIFT_BASELINE.id(),
                capturedAt,
                window,
                selector,
                stepSeconds,
                configSha256,
                series);
    }
}
