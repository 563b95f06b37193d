package dev.gaday.drift.analysis;

import dev.gaday.drift.collect.Samples;
import dev.gaday.drift.config.MetricConfig;
import java.util.Map;

/**
 * One metric for one label set, both sides' samples (null when that side had no series), or the
 * query's error.
 */
public record Check(
        MetricConfig metric,
        Map<String, String> labels,
        String query,
        Samples baseline,
        Samples current,
        String error) {}
