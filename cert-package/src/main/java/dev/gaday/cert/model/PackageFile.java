package dev.gaday.cert.model;

/** A file of the package: its path inside package/, size and SHA-256. */
public record PackageFile(String path, long sizeBytes, String sha256) {}
