package dev.gaday.common.model.slo;

import java.time.Instant;

/** A time during which an SLO's alerts of one severity fired; {@code to} is null if still firing at the end. */
public record SloViolation(String slo, String severity, Instant from, Instant to, double peakBurnRate) {}
