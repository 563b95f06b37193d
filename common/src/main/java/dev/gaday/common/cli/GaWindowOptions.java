package dev.gaday.common.cli;

import dev.gaday.common.error.ToolException;
import java.time.Instant;
import picocli.CommandLine.Option;

/**
 * The GA window of a retroactive run, {@code --ga-start} and {@code --ga-end}, the same in every tool:
 * RFC 3339 times with {@code Z} or an offset, {@code now}, or times relative to now. A tool uses it as an
 * argument group ({@code @ArgGroup(exclusive = false, multiplicity = "1")}) beside its live-mode options.
 */
public final class GaWindowOptions {
    @Option(
            names = "--ga-start",
            required = true,
            paramLabel = "TIME",
            converter = InstantConverter.class,
            description = "Retroactive mode: start of the GA window, e.g. 2026-01-15T00:00:00Z or now-24h.")
    Instant start;

    @Option(
            names = "--ga-end",
            required = true,
            paramLabel = "TIME",
            converter = InstantConverter.class,
            description = "Retroactive mode: end of the GA window, e.g. 2026-01-16T00:00:00Z or now.")
    Instant end;

    public Instant start() {
        return start;
    }

    public Instant end() {
        return end;
    }

    /**
     * Refuses a window that ends before it starts, or (when {@code latestEnd} is given) after that
     * moment: a retroactive run needs a past window.
     */
    public void validate(Instant latestEnd) {
        if (!end.isAfter(start)) {
            throw ToolException.usage("--ga-end " + end + " is not after --ga-start " + start);
        }
        if (latestEnd != null && end.isAfter(latestEnd)) {
            throw ToolException.usage("--ga-end " + end + " is in the future; use --duration for a live run");
        }
    }
}
