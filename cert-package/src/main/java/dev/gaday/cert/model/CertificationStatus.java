package dev.gaday.cert.model;

import dev.gaday.common.error.ExitCode;
import dev.gaday.common.verdict.Status;
import dev.gaday.common.verdict.StatusMarks;

/**
 * The package's verdict, derived from the gates of the inputs: any FAIL is NOT_CERTIFIED; else any
 * NO_DATA (including a gate whose input file is missing or whose evidence is partial) is INCONCLUSIVE;
 * else (PASS or WARN) CERTIFIED. Shown with common's status marks (the bundled DejaVu Sans has them).
 */
public enum CertificationStatus {
    CERTIFIED("CERTIFIED", Status.PASS, ExitCode.PASS),
    NOT_CERTIFIED("NOT CERTIFIED", Status.FAIL, ExitCode.GATE_FAILED),
    INCONCLUSIVE("INCONCLUSIVE", Status.NO_DATA, ExitCode.INCONCLUSIVE);

    private final String words;
    private final Status mark;
    private final ExitCode exitCode;

    CertificationStatus(String words, Status mark, ExitCode exitCode) {
        this.words = words;
        this.mark = mark;
        this.exitCode = exitCode;
    }

    /** "✔ CERTIFIED": for the report, the PDF, the metadata and the email (all UTF-8). */
    public String label() {
        return label(StatusMarks.UNICODE);
    }

    /** The label with the given marks: "CERTIFIED" alone on a terminal that cannot show the symbol. */
    public String label(StatusMarks marks) {
        return marks.mark(mark, words);
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
