package dev.gaday.common.cli;

import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The base of every command: {@link #call()} validates, then executes, and turns every
 * expected failure into one line on stderr and an exit code. Commands never call System.exit.
 */
// The exit codes in every command's help, and so in its man page (generated from the annotations):
// ExitCode's descriptions, spelled out here because an annotation takes only constants (a test holds
// the two equal).
@Command(
        exitCodeListHeading = "%nExit Codes:%n",
        exitCodeList = {
            "  0:Pass: every gate held.",
            "  1:A gate failed: the release did not meet a criterion.",
            "  2:Usage error: a bad option, argument or configuration.",
            "  3:Inconclusive: not enough data to reach a verdict.",
            "  4:Runtime error: a source was unreachable or an input unreadable."
        })
public abstract class ToolCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    @Mixin
    protected VerbosityMixin verbosity;

    private Diagnostics diagnostics;

    @Override
    public final Integer call() {
        try {
            validate();
            return execute().code();
        } catch (ToolException e) {
            diagnostics().error(e.getMessage());
            debugTrace(e);
            jsonErrorSummary(e.exitCode(), e.getMessage());
            return e.exitCode().code();
        } catch (RuntimeException | Error e) {
            // A bug, an unforeseen library failure or a JVM limit: still one line and exit 4 (never 1,
            // which a CI job would read as a failed gate); the trace only with -vv.
            synchronized (ToolLauncher.crashReportLock()) {
                if (!ToolLauncher.crashAlreadyReported()) {
                    try {
                        diagnostics().error(ToolLauncher.crashMessage(e));
                        debugTrace(e);
                        ToolLauncher.crashReported();
                        jsonErrorSummary(ExitCode.RUNTIME_ERROR, ToolLauncher.crashMessage(e));
                    } catch (RuntimeException | Error reporting) {
                        // Writing the line failed too (memory exhausted): the launcher writes it as a last resort.
                        if (e instanceof Error error) {
                            throw error;
                        }
                    }
                }
            }
            return ExitCode.RUNTIME_ERROR.code();
        } finally {
            removeUnusedOutputDirectories();
        }
    }

    /** A run that wrote nothing leaves no output directory it created (an empty one reads as a result). */
    private void removeUnusedOutputDirectories() {
        for (OutputDirMixin output : mixins(OutputDirMixin.class)) {
            output.removeIfUnused();
        }
    }

    /** The command's mixins of one type. A plain loop: it runs on the crash path, where classes may not load. */
    private <T> java.util.List<T> mixins(Class<T> type) {
        java.util.List<T> found = new java.util.ArrayList<>();
        for (CommandSpec mixin : spec.mixins().values()) {
            if (type.isInstance(mixin.userObject())) {
                found.add(type.cast(mixin.userObject()));
            }
        }
        return found;
    }

    /**
     * With --format json, a run that ends in an error still leaves its one JSON object on stdout (verdict ERROR),
     * so that a CI step reading stdout never parses an empty string.
     */
    private void jsonErrorSummary(ExitCode exitCode, String message) {
        for (OutputFormatMixin format : mixins(OutputFormatMixin.class)) {
            if (format.json()) {
                out().print(dev.gaday.common.secret.Secrets.redact(dev.gaday.common.json.Json.write(RunReport.of(
                        spec.qualifiedName(), exitCode, false, message, java.util.List.of(), java.util.List.of()))));
                out().flush();
                return;
            }
        }
    }

    /** Checks options and inputs before any work; throws {@link ToolException#usage} on bad input. */
    protected void validate() {}

    /** Does the work and returns the verdict as an exit code. */
    protected abstract ExitCode execute();

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    protected Diagnostics diagnostics() {
        if (diagnostics == null) {
            diagnostics = new Diagnostics(spec.root().name(), err(), verbosity == null ? 0 : verbosity.level());
        }
        return diagnostics;
    }

    private void debugTrace(Throwable e) {
        if (diagnostics().debugEnabled()) {
            PrintWriter err = err();
            e.printStackTrace(err);
            err.flush();
        }
    }
}
