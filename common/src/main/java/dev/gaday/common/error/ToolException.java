package dev.gaday.common.error;

/**
 * An expected failure with a one-line message for the user and the exit code it maps to.
 * Messages must never contain secrets: callers describe requests without credentials.
 */
public class ToolException extends RuntimeException {
    private final ExitCode exitCode;

    public ToolException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public ToolException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    public static ToolException usage(String message) {
        return new ToolException(ExitCode.USAGE, message);
    }

    public static ToolException badInput(String message) {
        return new ToolException(ExitCode.RUNTIME_ERROR, message);
    }

    public static ToolException badInput(String message, Throwable cause) {
        return new ToolException(ExitCode.RUNTIME_ERROR, message, cause);
    }

    public static ToolException inconclusive(String message) {
        return new ToolException(ExitCode.INCONCLUSIVE, message);
    }
}
