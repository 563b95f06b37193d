package dev.gaday.common.error;

import java.util.LinkedHashMap;
import java.util.Map;

/** The exit codes every tool of the toolkit uses; shown in each tool's {@code --help}. */
public enum ExitCode {
    PASS(0, "Pass: every gate held."),
    GATE_FAILED(1, "A gate failed: the release did not meet a criterion."),
    USAGE(2, "Usage error: a bad option, argument or configuration."),
    INCONCLUSIVE(3, "Inconclusive: not enough data to reach a verdict."),
    RUNTIME_ERROR(4, "Runtime error: a source was unreachable or an input unreadable.");

    private final int code;
    private final String description;

    ExitCode(int code, String description) {
        this.code = code;
        this.description = description;
    }

    public int code() {
        return code;
    }

    public String description() {
        return description;
    }

    /** The list picocli prints under "Exit Codes:" in every tool's help. */
    public static Map<String, String> helpList() {
        Map<String, String> list = new LinkedHashMap<>();
        for (ExitCode exitCode : values()) {
            // Not String.format: its first use costs ~10 ms of every tool's start-up, for "  0".
            String code = Integer.toString(exitCode.code);
            list.put("   ".substring(Math.min(3, code.length())) + code, exitCode.description);
        }
        return list;
    }
}
