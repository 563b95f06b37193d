package dev.gaday.common.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real terminal of a fixed size for tests: Debian's tmux, on a server socket of its own (nothing else's tmux is
 * touched), running one shell script; the pane can be read as a person sees it. Closing kills that server only.
 */
public final class TmuxTerminal implements AutoCloseable {
    private final String socket = "gaday-test-" + UUID.randomUUID();
    private final Path script;

    private TmuxTerminal(Path script) {
        this.script = script;
    }

    /**
     * Starts {@code command} (a shell script body) in a {@code columns} x {@code rows} terminal. The script ends with
     * the exit status on a line "EXIT=n" and then waits, so that the pane stays to be read.
     */
    public static TmuxTerminal start(Path directory, int columns, int rows, String command) throws IOException {
        Path script = directory.resolve("tmux-" + UUID.randomUUID() + ".sh");
        Files.writeString(
                script,
                "#!/bin/sh\ncd '" + directory + "'\n" + command + "\necho \"EXIT=$?\"\nexec sleep 600\n",
                StandardCharsets.UTF_8);
        TmuxTerminal terminal = new TmuxTerminal(script);
        terminal.tmux(
                "new-session",
                "-d",
                "-x",
                String.valueOf(columns),
                "-y",
                String.valueOf(rows),
                "-s",
                "t",
                "sh " + script);
        // Nothing of the session's own: no status line, a history long enough for a whole run.
        terminal.tmux("set-option", "-t", "t", "status", "off");
        return terminal;
    }

    /** The pane with its history, one string per row, as wide as the terminal at most. */
    public List<String> rows() {
        String text = tmux("capture-pane", "-p", "-S", "-", "-t", "t");
        List<String> rows =
                new ArrayList<>(text.lines().map(String::stripTrailing).toList());
        while (!rows.isEmpty() && rows.get(rows.size() - 1).isEmpty()) {
            rows.remove(rows.size() - 1);
        }
        return rows;
    }

    /** Waits for the script's "EXIT=n" and returns n. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String row : rows()) {
                if (row.startsWith("EXIT=")) {
                    return Integer.parseInt(row.substring(5).strip());
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no EXIT= line within " + timeout + ":\n" + String.join("\n", rows()));
    }

    private String tmux(String... args) {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // A plain terminal: no CI, no NO_COLOR from the machine that runs the tests.
        builder.environment().remove("GITHUB_ACTIONS");
        builder.environment().remove("GITLAB_CI");
        builder.environment().remove("NO_COLOR");
        builder.environment().remove("TMUX");
        builder.environment().put("TERM", "xterm-256color");
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(20, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("tmux " + String.join(" ", args) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run tmux (scripts/install-deps.sh installs it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The class path of this test run, for a java command in the terminal. */
    public static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /** The java launcher of this JVM. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public void close() {
        try {
            tmux("kill-server");
        } catch (IllegalStateException e) {
            // already gone
        }
        try {
            Files.deleteIfExists(script);
        } catch (IOException e) {
            // a temporary directory; JUnit removes it
        }
    }
}
