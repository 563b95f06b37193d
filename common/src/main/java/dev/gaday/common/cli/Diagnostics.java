package dev.gaday.common.cli;

import dev.gaday.common.secret.Secrets;
import java.io.PrintWriter;

/**
 * Diagnostic lines for stderr, prefixed with the tool name, filtered by verbosity and
 * stripped of registered secrets. Data never goes here: data goes to files.
 */
public final class Diagnostics {
    private final String tool;
    private final PrintWriter err;
    private final int verbosity;

    public Diagnostics(String tool, PrintWriter err, int verbosity) {
        this.tool = tool;
        this.err = err;
        this.verbosity = verbosity;
    }

    public int verbosity() {
        return verbosity;
    }

    public boolean debugEnabled() {
        return verbosity >= 2;
    }

    /** Always shown: the reason a run failed. */
    public void error(String message) {
        print("error: " + message);
    }

    /** Shown unless --quiet. */
    public void warn(String message) {
        if (verbosity >= 0) {
            print("warning: " + message);
        }
    }

    /** Progress lines; shown unless --quiet. */
    public void info(String message) {
        if (verbosity >= 0) {
            print(message);
        }
    }

    /** Shown with -v. */
    public void detail(String message) {
        if (verbosity >= 1) {
            print(message);
        }
    }

    /** Shown with -vv. */
    public void debug(String message) {
        if (verbosity >= 2) {
            print("debug: " + message);
        }
    }

    private void print(String message) {
        err.println(tool + ": " + Secrets.redact(message));
        err.flush();
    }
}
