package dev.gaday.common.model.drift;

/** What to do about one drift: kind (latency, errors, cpu, memory, traffic), the check it answers, the action. */
public record Mitigation(String kind, String metric, String service, String severity, String action) {}
