package dev.gaday.common.cli;

import dev.gaday.common.error.ExitCode;
import dev.gaday.common.secret.Secrets;
import dev.gaday.common.text.Typos;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Builds the picocli {@link CommandLine} for a tool the same way everywhere: exit-code list in
 * help, one-line usage errors, the shared exit codes. Tests call {@link #newCommandLine} and
 * {@code execute}; only a tool's {@code main} calls {@link #run} (and with it System.exit).
 */
public final class ToolLauncher {
    private ToolLauncher() {}

    public static CommandLine newCommandLine(Object command) {
        CommandLine commandLine = new CommandLine(command);
        configure(commandLine);
        commandLine.setParameterExceptionHandler(ONE_LINE_USAGE_ERROR);
        commandLine.setExecutionExceptionHandler((e, cl, parseResult) -> {
            cl.getErr().println(cl.getCommandSpec().root().name() + ": error: " + crashMessage(e));
            return ExitCode.RUNTIME_ERROR.code();
        });
        return commandLine;
    }

    /**
     * Whether the arguments ask only for help or the version: a {@code main} that starts background
     * work for a real run (a warm-up) skips it then.
     */
    public static boolean asksForHelpOrVersion(String[] args) {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h") || arg.equals("--version") || arg.equals("-V")) {
                return true;
            }
        }
        return false;
    }

    /** Runs the tool and exits the JVM with its exit code: for {@code main} only. */
    public static void run(Object command, String[] args) {
        run(commandName(command), () -> command, args);
    }

    /**
     * Makes the command, runs it and exits the JVM with its exit code: for {@code main} only. Whatever
     * escapes, an {@link Error} included (a class that fails to load or initialise, a stack overflow,
     * metaspace exhausted), is one line on stderr and exit 4: the JVM's own handler would print a
     * stack trace and exit 1, which this toolkit defines as "a gate failed".
     */
    public static void run(String tool, Supplier<?> command, String[] args) {
        // A throwable that kills another thread (a query worker, a warm-up) is just as fatal: one line
        // and exit 4 at once, rather than a trace per thread and a main thread left waiting.
        reportEachCrashOnce();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            crashedOnce(tool, e);
            Runtime.getRuntime().halt(ExitCode.RUNTIME_ERROR.code());
        });
        int exitCode;
        try {
            exitCode = newCommandLine(command.get()).execute(args);
        } catch (Throwable e) {
            exitCode = crashedOnce(tool, e);
        }
        System.exit(exitCode);
    }

    /**
     * Held while a crash line is checked for and written: two threads struck by the same {@link Error} at once
     * (the main thread and a warm-up, both out of metaspace) must not both find "not yet reported" and both write.
     * A plain monitor, not a lambda or a lock class: the reporting path must load no class, as the memory for
     * classes may be what ran out. It guards the two fields below.
     */
    private static final Object CRASH_REPORT_LOCK = new Object();

    /** Set by {@link #run} only: in-process runs (tests) report every crash. */
    private static boolean reportOnce;

    private static boolean reported;

    /** From now on, a crash of this process is reported once, whichever threads it strikes. */
    static void reportEachCrashOnce() {
        synchronized (CRASH_REPORT_LOCK) {
            reportOnce = true;
            reported = false;
        }
    }

    /** Back to reporting every crash, as in-process runs do (for tests that called {@link #reportEachCrashOnce}). */
    static void reportEveryCrash() {
        synchronized (CRASH_REPORT_LOCK) {
            reportOnce = false;
            reported = false;
        }
    }

    static Object crashReportLock() {
        return CRASH_REPORT_LOCK;
    }

    /**
     * Whether a crash of this process was already reported: an {@link Error} such as an exhausted
     * metaspace often strikes several threads at once, and the user gets one line, not one per thread.
     */
    static boolean crashAlreadyReported() {
        synchronized (CRASH_REPORT_LOCK) {
            return reportOnce && reported;
        }
    }

    /**
     * Records that the crash line was written. Only after it was: when writing it fails (the same
     * exhausted memory), the launcher's last-resort handler tries again.
     */
    static void crashReported() {
        synchronized (CRASH_REPORT_LOCK) {
            reported = true;
        }
    }

    /** Writes the one crash line unless this process already wrote it; returns exit code 4. */
    static int crashedOnce(String tool, Throwable e) {
        synchronized (CRASH_REPORT_LOCK) {
            if (!crashAlreadyReported()) {
                try {
                    System.err.println(tool + ": error: " + crashMessage(e));
                    System.err.flush();
                    crashReported();
                } catch (Throwable ignored) {
                    // Nothing more can be said; the exit code still tells.
                }
            }
        }
        return ExitCode.RUNTIME_ERROR.code();
    }

    /** One line for an unexpected throwable: what it was and its message, secrets redacted. */
    public static String crashMessage(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            String what = e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
            return "out of memory" + what + "; raise the limit with JAVA_OPTS (e.g. -Xmx2g)";
        }
        String message = e.getMessage() == null ? "" : ": " + Secrets.redact(firstLine(e.getMessage()));
        String kind = e instanceof Error ? "internal error " : "unexpected ";
        return kind + e.getClass().getSimpleName() + message;
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /**
     * Option and subcommand names within two edits (a transposition counts as one) of what was typed:
     * picocli's own suggestions miss transposed letters ("--mdoe" for "--mode").
     */
    static List<String> closeNames(String typed, CommandLine commandLine) {
        List<String> names =
                new ArrayList<>(commandLine.getCommandSpec().optionsMap().keySet());
        names.addAll(commandLine.getSubcommands().keySet());
        List<String> close = new ArrayList<>();
        for (String name : names) {
            if (Typos.editDistance(typed, name) <= Math.min(2, Math.max(1, name.length() / 4))) {
                close.add(name);
            }
        }
        return close;
    }

    private static String commandName(Object command) {
        Command annotation = command.getClass().getAnnotation(Command.class);
        return annotation == null || annotation.name().isEmpty() ? "tool" : annotation.name();
    }

    private static void configure(CommandLine commandLine) {
        commandLine.setExitCodeExceptionMapper(t -> ExitCode.RUNTIME_ERROR.code());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setUsageHelpAutoWidth(true);
        // The footer holds the examples: each line printed whole, never wrapped at the help width, so that a
        // command copied from --help is the whole command (a wrapped line would paste as two).
        commandLine.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, help -> {
            StringBuilder footer = new StringBuilder();
            int width = help.commandSpec().usageMessage().width();
            for (String line : help.commandSpec().usageMessage().footer()) {
                String text = line.replace("%n", "\n").replace("%%", "%");
                // An indented line is an example: whole. Prose is wrapped at the help width, as picocli would.
                footer.append(text.startsWith("  ") ? text : wrap(text, width)).append(System.lineSeparator());
            }
            return footer.toString();
        });
        commandLine.getCommandSpec().exitCodeOnInvalidInput(ExitCode.USAGE.code());
        commandLine.getCommandSpec().exitCodeOnExecutionException(ExitCode.RUNTIME_ERROR.code());
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            configure(sub);
        }
    }

    /** Text wrapped to lines of at most {@code width} columns at spaces (a longer word stays whole). */
    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : text.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            int column = 0;
            for (String word : paragraph.split(" ")) {
                if (column > 0 && column + 1 + word.length() > width) {
                    out.append('\n');
                    column = 0;
                } else if (column > 0) {
                    out.append(' ');
                    column++;
                }
                out.append(word);
                column += word.length();
            }
        }
        return out.toString();
    }

    private static final IParameterExceptionHandler ONE_LINE_USAGE_ERROR = (ParameterException e, String[] args) -> {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        String message = e instanceof UnmatchedArgumentException unmatched
                ? unmatchedMessage(unmatched)
                : Secrets.redact(e.getMessage());
        err.println(cl.getCommandSpec().root().name() + ": " + message + " (see '"
                + cl.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return ExitCode.USAGE.code();
    };

    /**
     * Names the unknown options with picocli's suggestions ("did you mean"), but never echoes a value
     * that is not an option: it may be a token meant for a mistyped {@code --header}.
     */
    static String unmatchedMessage(UnmatchedArgumentException e) {
        List<String> options = new ArrayList<>();
        int values = 0;
        for (String arg : e.getUnmatched()) {
            if (arg.startsWith("-")) {
                int equals = arg.indexOf('=');
                options.add(equals < 0 ? arg : arg.substring(0, equals) + "=...");
            } else {
                values++;
            }
        }
        StringBuilder message = new StringBuilder();
        if (!options.isEmpty()) {
            message.append(options.size() == 1 ? "unknown option " : "unknown options ")
                    .append(String.join(", ", options));
        } else {
            message.append(values == 1 ? "unexpected argument" : values + " unexpected arguments");
        }
        if (!options.isEmpty() && values > 0) {
            message.append(" and ").append(values).append(values == 1 ? " unexpected value" : " unexpected values");
        }
        List<String> suggestions = new ArrayList<>(e.getSuggestions());
        if (suggestions.isEmpty()) {
            for (String option : options) {
                suggestions.addAll(closeNames(option.replace("=...", ""), e.getCommandLine()));
            }
        }
        if (!suggestions.isEmpty()) {
            message.append("; did you mean ")
                    .append(String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size()))))
                    .append('?');
        }
        return message.toString();
    }
}
