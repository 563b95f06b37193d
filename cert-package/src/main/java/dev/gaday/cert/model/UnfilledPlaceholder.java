package dev.gaday.cert.model;

/** A placeholder of the template that got "N/A": where it first stands and why. */
public record UnfilledPlaceholder(String name, int line, String reason) {}
