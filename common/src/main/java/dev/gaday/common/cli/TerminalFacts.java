package dev.gaday.common.cli;

import java.io.IOException;
import java.util.function.IntSupplier;
import java.util.function.UnaryOperator;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * What the output can show: a terminal (one progress line redrawn in place, as wide as the terminal, colour)
 * or not (a CI log, a pipe, a file, {@code TERM=dumb}: plain lines, no escapes). The width comes from JLine's
 * system terminal, which follows resizes; nothing here writes escape sequences of its own but {@code \r}
 * and SGR colours.
 *
 * @param interactive stdout and stdin are a terminal and TERM is not dumb
 * @param colour interactive and NO_COLOR is not set (https://no-color.org)
 * @param width the current width in columns (80 when unknown)
 */
public record TerminalFacts(boolean interactive, boolean colour, IntSupplier width) {
    static final int DEFAULT_WIDTH = 80;

    /** No terminal: plain lines, no colour. */
    public static TerminalFacts plain() {
        return new TerminalFacts(false, false, () -> DEFAULT_WIDTH);
    }

    /**
     * Looks at this process's standard streams and environment. {@code System.console()} is null when stdin
     * or stdout is not a terminal (a redirect, a pipe, a CI runner).
     */
    public static TerminalFacts detect(UnaryOperator<String> environment) {
        String term = environment.apply("TERM");
        boolean interactive = System.console() != null && term != null && !term.isBlank() && !"dumb".equals(term);
        if (!interactive) {
            return plain();
        }
        String noColor = environment.apply("NO_COLOR");
        boolean colour = noColor == null || noColor.isEmpty();
        Terminal terminal = systemTerminal();
        int fallback = columns(environment.apply("COLUMNS"));
        if (terminal == null) {
            return new TerminalFacts(true, colour, () -> fallback);
        }
        return new TerminalFacts(true, colour, () -> {
            int width = terminal.getWidth();
            return width > 0 ? width : fallback;
        });
    }

    private static Terminal systemTerminal() {
        try {
            // dumb(true): where JLine finds no terminal it gives a dumb one quietly instead of logging a warning.
            Terminal terminal = TerminalBuilder.builder()
                    .system(true)
                    .dumb(true)
                    .nativeSignals(true)
                    .signalHandler(Terminal.SignalHandler.SIG_DFL)
                    .build();
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                try {
                                    terminal.close();
                                } catch (IOException e) {
                                    // the JVM is exiting; the terminal's settings were never changed
                                }
                            },
                            "terminal-close"));
            return terminal;
        } catch (IOException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static int columns(String value) {
        try {
            int columns = value == null ? 0 : Integer.parseInt(value.strip());
            return columns > 0 ? columns : DEFAULT_WIDTH;
        } catch (NumberFormatException e) {
            return DEFAULT_WIDTH;
        }
    }

    public int columns() {
        int value = width.getAsInt();
        return value > 0 ? value : DEFAULT_WIDTH;
    }
}
