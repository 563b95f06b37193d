package dev.gaday.common.cli;

import dev.gaday.common.secret.Secrets;
import dev.gaday.common.error.ExitCode;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * Builds the picocli {@link CommandLine} for a tool the same way everywhere: exit-code list in
 * help, one-line usage errors, the shared exit codes. Tests call {@link #newCommandLine} and
 * {@code execute}; only a tool's {@code main} calls {@link #run} (and with it System.exit).
 */
public final class ToolLauncher {
    private ToolLauncher() {
    }

    public static CommandLine newCommandLine(Object command) {
        CommandLine commandLine = new CommandLine(command);
        configure(commandLine);
        commandLine.setParameterExceptionHandler(ONE_LINE_USAGE_ERROR);
        commandLine.setExecutionExceptionHandler((e, cl, parseResult) -> {
            cl.getErr().println(cl.getCommandSpec().root().name() + ": error: unexpected "
                    + e.getClass().getSimpleName() + ": " + Secrets.redact(e.getMessage()));
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
        int exitCode = newCommandLine(command).execute(args);
        System.exit(exitCode);
    }

    private static void configure(CommandLine commandLine) {
        commandLine.getCommandSpec().usageMessage().exitCodeListHeading("%nExit Codes:%n");
        commandLine.getCommandSpec().usageMessage().exitCodeList(ExitCode.helpList());
        commandLine.setExitCodeExceptionMapper(t -> ExitCode.RUNTIME_ERROR.code());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setUsageHelpAutoWidth(true);
        commandLine.getCommandSpec().exitCodeOnInvalidInput(ExitCode.USAGE.code());
        commandLine.getCommandSpec().exitCodeOnExecutionException(ExitCode.RUNTIME_ERROR.code());
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            configure(sub);
        }
    }

    private static final IParameterExceptionHandler ONE_LINE_USAGE_ERROR = (ParameterException e, String[] args) -> {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println(cl.getCommandSpec().root().name() + ": " + Secrets.redact(e.getMessage())
                + " (see '" + cl.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return ExitCode.USAGE.code();
    };
}
