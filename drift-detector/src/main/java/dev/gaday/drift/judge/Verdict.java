package dev.gaday.drift.judge;

/**
 * The judge's finding for one metric: decision, severity of the drift (NONE unless significant and in
 * the bad direction), the p-value after corrections and the sentence that explains it.
 */
public record Verdict(Decision decision, Severity severity, Double adjustedPValue, boolean failsRun, String reason) {}
