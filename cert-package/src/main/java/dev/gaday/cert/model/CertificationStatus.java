package dev.gaday.cert.model;

import dev.gaday.common.error.ExitCode;
import dev.gaday.common.verdict.Status;

/**
 * The package's verdict, derived from the gates of the inputs: any FAIL is NOT_CERTIFIED; else any
 * NO_DATA (including a gate whose input file is missing) is INCONCLUSIVE; else (PASS or WARN)
 * CERTIFIED. The symbols are ones the bundled DejaVu Sans has (U+2714, U+2718, U+26A0).
 */
public enum CertificationStatus {
    CERTIFIED("\u2714 CERTIFIED", ExitCode.PASS),
    NOT_CERTIFIED("\u2718 NOT CERTIFIED", ExitCode.GATE_FAILED),
    INCONCLUSIVE("\u26a0 INCONCLUSIVE", ExitCode.INCONCLUSIVE);

    private final String label;
    private final ExitCode exitCode;

    CertificationStatus(String label, ExitCode exitCode) {
        this.label = label;
        this.exitCode = exitCode;
    }

    public String label() {
        return label;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    public static CertificationStatus of(Status overall) {
        return switch (overall) {
            case PASS, WARN -> CERTIFIED;
            case FAIL -> NOT_CERTIFIED;
            case NO_DATA -> INCONCLUSIVE;
        };
    }
}
