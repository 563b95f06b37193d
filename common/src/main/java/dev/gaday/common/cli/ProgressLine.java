package dev.gaday.common.cli;

import dev.gaday.common.text.ReportFormat;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A run's progress on stderr. On a terminal: one line redrawn in place, never wider than the terminal
 * (so it never wraps into a stack of lines), with done/total, elapsed time, time left and the tool's own
 * detail. Elsewhere (CI, a pipe, a file, TERM=dumb): a plain line at a steady rate, the first and last
 * always. Nothing at all with --quiet.
 */
public final class ProgressLine {
    /** How often a plain line is written outside a terminal. */
    public static final Duration PLAIN_EVERY = Duration.ofMinutes(1);

    private static final long REDRAW_NANOS = 100_000_000L;
    private static final long WIDTH_REFRESH_NANOS = 1_000_000_000L;

    private final String tool;
    private final PrintWriter err;
    private final TerminalFacts terminal;
    private final boolean silent;
    private final long plainEveryNanos;
    private final LongSupplier nanoClock;
    private final long started;
    private long lastDraw = Long.MIN_VALUE;
    private long lastWidthCheck = Long.MIN_VALUE;
    private int width;
    private boolean lineOpen;
    private String unit = "";

    public ProgressLine(
            String tool,
            PrintWriter err,
            TerminalFacts terminal,
            int verbosity,
            Duration plainEvery,
            LongSupplier nanoClock) {
        this.tool = tool;
        this.err = err;
        this.terminal = terminal;
        this.silent = verbosity < 0;
        this.plainEveryNanos = plainEvery.toNanos();
        this.nanoClock = nanoClock;
        this.started = nanoClock.getAsLong();
    }

    public ProgressLine(String tool, PrintWriter err, TerminalFacts terminal, int verbosity) {
        this(tool, err, terminal, verbosity, PLAIN_EVERY, System::nanoTime);
    }

    /** What is counted ("cycles", "snapshots"), shown after done/total. */
    public ProgressLine counting(String what) {
        this.unit = what == null || what.isBlank() ? "" : " " + what;
        return this;
    }

    /**
     * @param done units finished (cycles, snapshots)
     * @param total units planned; 0 or less when unknown (then the time left comes from {@code timeLeft})
     * @param timeLeft the time left when the tool knows it better (a run of fixed duration); else null
     * @param detail the tool's own figures ("success 98.0%, p50 12 ms"); may be empty
     */
    public synchronized void update(long done, long total, Duration timeLeft, String detail) {
        if (silent) {
            return;
        }
        long now = nanoClock.getAsLong();
        boolean last = total > 0 && done >= total;
        if (terminal.interactive()) {
            if (!last && lastDraw != Long.MIN_VALUE && now - lastDraw < REDRAW_NANOS) {
                return;
            }
            draw(now, done, total, timeLeft, detail);
        } else if (last || lastDraw == Long.MIN_VALUE || now - lastDraw >= plainEveryNanos) {
            err.println(tool + ": " + text(now, done, total, timeLeft, detail));
            err.flush();
        } else {
            return;
        }
        lastDraw = now;
    }

    /** Ends the redrawn line, so that what follows starts on a line of its own. */
    public synchronized void finish() {
        if (lineOpen) {
            err.println();
            err.flush();
            lineOpen = false;
        }
    }

    private void draw(long now, long done, long total, Duration timeLeft, String detail) {
        if (lastWidthCheck == Long.MIN_VALUE || now - lastWidthCheck >= WIDTH_REFRESH_NANOS) {
            width = terminal.columns();
            lastWidthCheck = now;
        }
        // One column short of the width: a character in the last column makes some terminals wrap.
        int room = Math.max(10, width - 1);
        String figures = text(now, done, total, timeLeft, detail);
        String prefix = tool + " ";
        int barWidth = Math.min(30, room - prefix.length() - figures.length() - 3);
        StringBuilder line = new StringBuilder(prefix);
        if (total > 0 && barWidth >= 10) {
            int filled = (int) Math.min(barWidth, done * barWidth / total);
            line.append('[')
                    .append("#".repeat(filled))
                    .append(".".repeat(barWidth - filled))
                    .append("] ");
        }
        line.append(figures);
        String shown = line.length() > room ? line.substring(0, room - 1) + "~" : line.toString();
        // \r back to the start, the line, then spaces over whatever a longer earlier line left.
        err.print("\r" + shown + " ".repeat(Math.max(0, room - shown.length())));
        err.flush();
        lineOpen = true;
    }

    private String text(long now, long done, long total, Duration timeLeft, String detail) {
        Duration elapsed = Duration.ofNanos(now - started);
        StringBuilder text = new StringBuilder();
        text.append(ReportFormat.count(done));
        if (total > 0) {
            text.append('/').append(ReportFormat.count(total));
        }
        text.append(unit);
        text.append(", ").append(clock(elapsed)).append(" elapsed");
        Duration left = timeLeft;
        if (left == null && total > 0 && done > 0) {
            left = Duration.ofNanos((long) ((double) (now - started) / done * Math.max(0, total - done)));
        }
        if (left != null) {
            text.append(", ")
                    .append(clock(left.isNegative() ? Duration.ZERO : left))
                    .append(" left");
        }
        if (detail != null && !detail.isBlank()) {
            text.append(", ").append(detail);
        }
        return text.toString();
    }

    /** "0:42", "12:05", "3:02:07": elapsed and left as a clock reads them. */
    static String clock(Duration duration) {
        long seconds = duration.toSeconds();
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        return hours > 0
                ? String.format("%d:%02d:%02d", hours, minutes, rest)
                : String.format("%d:%02d", minutes, rest);
    }
}
