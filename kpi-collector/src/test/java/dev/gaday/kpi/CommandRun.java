package dev.gaday.kpi;

import dev.gaday.common.cli.ToolLauncher;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs kpi-collector in-process and keeps exit code, stdout and stderr. */
record CommandRun(int exitCode, String out, String err) {
    static CommandRun run(CollectKpisCommand command, String... args) {
        CommandLine commandLine = ToolLauncher.newCommandLine(command);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }

    static CommandRun run(String... args) {
        return run(new CollectKpisCommand(), args);
    }
}
