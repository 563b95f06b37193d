package dev.gaday.cert.build;

import dev.gaday.cert.certification.CertificationDecision;
import dev.gaday.cert.input.Inputs;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the package certifies and on what: the loaded inputs, the decision, the GA window (null when
 * unknown), the run's time stamp and the inputs found outside the GA window.
 */
record Evidence(
        Inputs inputs,
        CertificationDecision decision,
        Instant gaStart,
        Instant gaEnd,
        Instant generatedAt,
        List<String> consistencyWarnings) {
    Evidence {
        consistencyWarnings = List.copyOf(consistencyWarnings);
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(generatedAt, "generatedAt");
    }
}
