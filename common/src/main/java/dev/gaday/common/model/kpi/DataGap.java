package dev.gaday.common.model.kpi;

import java.time.Instant;

/**
 * Data that could not be had: which field or query, from when to when (null when it concerns the
 * whole window), and why (no series, zero traffic, query error, source unreachable).
 */
public record DataGap(String field, String query, Instant from, Instant to, String reason) {
    public DataGap {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a data gap needs a reason");
        }
    }
}
