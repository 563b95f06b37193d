package dev.gaday.common.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.secret.Secrets;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class ToolCommandTest {

    @Command(name = "sample-tool", mixinStandardHelpOptions = true, versionProvider = BuildInfo.class)
    static final class SampleCommand extends ToolCommand {
        @Option(names = "--mode")
        String mode = "pass";

        @Option(names = "--secret-file")
        String secret;

        @Override
        protected void validate() {
            if (mode.equals("invalid")) {
                throw ToolException.usage("--mode invalid is not allowed");
            }
            if (secret != null) {
                Secrets.register(secret);
            }
        }

        @Override
        protected ExitCode execute() {
            diagnostics().info("working with " + secret);
            diagnostics().debug("debug line");
            return switch (mode) {
                case "fail" -> ExitCode.GATE_FAILED;
                case "io" -> throw ToolException.badInput("input.json: no such file");
                case "bug" -> throw new IllegalStateException("boom");
                case "recursion" -> recurse(0);
                case "linkage" -> throw new NoClassDefFoundError("com/example/Missing");
                case "init" -> throw new ExceptionInInitializerError(new IllegalStateException("static block"));
                case "oom" -> throw new OutOfMemoryError("Metaspace");
                default -> ExitCode.PASS;
            };
        }
    }

    private static ExitCode recurse(int depth) {
        return depth < 0 ? ExitCode.PASS : recurse(depth + 1);
    }

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = ToolLauncher.newCommandLine(new SampleCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void helpListsEveryExitCode() {
        assertEquals(0, run("--help"));
        for (ExitCode code : ExitCode.values()) {
            assertTrue(
                    out.toString().contains(String.format("%3d", code.code()) + "   " + code.description()),
                    out.toString());
        }
    }

    @Test
    void theAnnotatedExitCodeListIsExitCodesOwn() {
        Command command = ToolCommand.class.getAnnotation(Command.class);
        java.util.List<String> expected = ExitCode.helpList().entrySet().stream()
                .map(entry -> entry.getKey() + ":" + entry.getValue())
                .toList();
        assertEquals(expected, java.util.List.of(command.exitCodeList()));
    }

    @Test
    void versionComesFromTheBuild() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().startsWith("sample-tool " + BuildInfo.version()), out.toString());
        assertFalse(BuildInfo.version().contains("${"), "the version must be filtered by Maven");
    }

    @Test
    void outcomesMapToExitCodes() {
        assertEquals(0, run());
        assertEquals(1, run("--mode", "fail"));
        assertEquals(4, run("--mode", "io"));
        assertEquals("sample-tool: error: input.json: no such file", lastLine(err.toString()));
    }

    @Test
    void usageErrorsAreOneLineWithExitTwo() {
        assertEquals(2, run("--no-such-option"));
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("sample-tool: unknown option --no-such-option"), err.toString());
        assertEquals(2, run("--mode", "invalid"));
        assertTrue(err.toString().contains("--mode invalid is not allowed"));
    }

    @Test
    void unexpectedExceptionsAreOneLineWithoutTraceUnlessDebug() {
        assertEquals(4, run("--mode", "bug"));
        assertEquals("sample-tool: error: unexpected IllegalStateException: boom", lastLine(err.toString()));
        assertFalse(err.toString().contains("\tat "), "no stack trace without -vv");
        err.getBuffer().setLength(0);
        assertEquals(4, run("--mode", "bug", "-vv"));
        assertTrue(err.toString().contains("at dev.gaday.common.cli.ToolCommandTest"), "trace with -vv");
    }

    @Test
    void errorsAreOneLineAndExitFourNeverOne() {
        String[][] cases = {
            {"recursion", "sample-tool: error: internal error StackOverflowError"},
            {"linkage", "sample-tool: error: internal error NoClassDefFoundError: com/example/Missing"},
            {"init", "sample-tool: error: internal error ExceptionInInitializerError"},
            {"oom", "sample-tool: error: out of memory (Metaspace); raise the limit with JAVA_OPTS (e.g. -Xmx2g)"},
        };
        for (String[] c : cases) {
            err.getBuffer().setLength(0);
            assertEquals(4, run("--mode", c[0], "-q"), c[0]);
            assertEquals(1, err.toString().lines().count(), err.toString());
            assertEquals(c[1], err.toString().strip(), c[0]);
        }
    }

    @Test
    void aMistypedOptionGetsASuggestionAndNoValueIsEchoed() {
        assertEquals(2, run("--mdoe", "fail"));
        assertEquals(
                "sample-tool: unknown option --mdoe and 1 unexpected value; did you mean --mode?"
                        + " (see 'sample-tool --help')",
                err.toString().strip());
        err.getBuffer().setLength(0);
        assertEquals(2, run("--secret-fil=Bearer-abc123"));
        assertFalse(err.toString().contains("abc123"), err.toString());
        assertTrue(err.toString().contains("did you mean --secret-file?"), err.toString());
    }

    @Test
    void registeredSecretsAreRedactedFromDiagnostics() {
        assertEquals(0, run("--secret-file", "s3cr3t-token-value"));
        assertFalse(err.toString().contains("s3cr3t-token-value"), err.toString());
        assertTrue(err.toString().contains("working with ***"), err.toString());
    }

    @Test
    void quietSuppressesInfoAndVerboseLevelsAddDetail() {
        assertEquals(0, run("-q"));
        assertEquals("", err.toString());
        assertEquals(0, run("-vv"));
        assertTrue(err.toString().contains("debug: debug line"));
    }

    private static String lastLine(String text) {
        return text.lines().reduce((first, second) -> second).orElse("");
    }
}
