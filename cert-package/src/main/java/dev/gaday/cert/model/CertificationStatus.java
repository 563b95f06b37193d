package dev.gaday.cert.model;

import dev.gaday.common.error.ExitCode;
import dev.gaday.common.verdict.Status;
import dev.gaday.common.verdict.StatusMarks;

/**
 * The package's verdict, derived from the counted gates: any FAIL is NOT_CERTIFIED; else any NO_DATA
 * (including a required gate whose input file is missing or whose evidence is partial) is INCONCLUSIVE;
 * else any WARN (a warning gate that failed, warning-only criteria) is CERTIFIED WITH WARNINGS; else
 * CERTIFIED. Shown with common's status marks (the bundled DejaVu Sans has them).
 */
public enum CertificationStatus {
    CERTIFIED("CERTIFIED", Status.PASS, ExitCode.PASS),
    CERTIFIED_WITH_WARNINGS("CERTIFIED WITH WARNINGS", Status.WARN, ExitCode.PASS),
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

    /** The words alone: "CERTIFIED WITH WARNINGS". */
    public String words() {
        return words;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    public static CertificationStatus of(Status overall) {
        return switch (overall) {
            case PASS -> CERTIFIED;
            case WARN -> CERTIFIED_WITH_WARNINGS;
            case FAIL -> NOT_CERTIFIED;
            case NO_DATA -> INCONCLUSIVE;
        };
    }
}
