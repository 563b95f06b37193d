package dev.gaday.cert.build;

import dev.gaday.cert.certification.CertificationDecision;
import dev.gaday.cert.input.Inputs;
import java.time.Instant;
import java.util.Objects;

/**
 * What the package certifies and on what: the loaded inputs, the decision, the GA window (null when
 * unknown) and the run's time stamp.
 */
record Evidence(Inputs inputs, CertificationDecision decision, Instant gaStart, Instant gaEnd, Instant generatedAt) {
    Evidence {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(generatedAt, "generatedAt");
    }
}
