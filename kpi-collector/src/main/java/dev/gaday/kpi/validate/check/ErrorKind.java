package dev.gaday.kpi.validate.check;

import dev.gaday.common.error.ExitCode;

/** Why a check could not run; each kind maps to the exit code it gives when the check is critical. */
public enum ErrorKind {
    /** The source (Prometheus, database, web server, cluster) was unreachable or answered with an error. */
    SOURCE("source", ExitCode.RUNTIME_ERROR),
    /** The source answered, but without the data the check needs. */
    NO_DATA("no-data", ExitCode.INCONCLUSIVE),
    /** The check's own definition is invalid (checks.yaml). */
    DEFINITION("definition", ExitCode.USAGE);

    private final String id;
    private final ExitCode exitCode;

    ErrorKind(String id, ExitCode exitCode) {
        this.id = id;
        this.exitCode = exitCode;
    }

    public String id() {
        return id;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
