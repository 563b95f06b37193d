package dev.gaday.cert;

import dev.gaday.common.cli.ToolLauncher;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import picocli.CommandLine;

/** Runs cert-package in-process, as main would, and keeps exit code, stdout and stderr. */
record CommandRunner(int exitCode, String out, String err) {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T01:30:00Z"), ZoneOffset.UTC);

    static CommandRunner run(Map<String, String> env, String... args) {
        CommandLine cli = ToolLauncher.newCommandLine(new BuildCertPackageCommand(env, CLOCK));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CommandRunner(code, out.toString(), err.toString());
    }

    static CommandRunner run(String... args) {
        return run(Map.of("SOURCE_DATE_EPOCH", "1795478400"), args);
    }
}
