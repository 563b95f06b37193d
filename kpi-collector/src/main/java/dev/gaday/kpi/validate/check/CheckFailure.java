package dev.gaday.kpi.validate.check;

/** Thrown by an evaluator that cannot reach a verdict; the runner turns it into an error case. */
public final class CheckFailure extends RuntimeException {
    private final ErrorKind kind;
    private final String evidence;

    public CheckFailure(ErrorKind kind, String message) {
        this(kind, message, null, null);
    }

    public CheckFailure(ErrorKind kind, String message, String evidence, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.evidence = evidence;
    }

    public static CheckFailure noData(String message, String evidence) {
        return new CheckFailure(ErrorKind.NO_DATA, message, evidence, null);
    }

    public static CheckFailure source(String message, Throwable cause) {
        return new CheckFailure(ErrorKind.SOURCE, message, null, cause);
    }

    public ErrorKind kind() {
        return kind;
    }

    public String evidence() {
        return evidence;
    }
}
