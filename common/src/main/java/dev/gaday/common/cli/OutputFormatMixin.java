package dev.gaday.common.cli;

import picocli.CommandLine.Option;

/** {@code --format human|json}: what a tool prints on stdout at the end of a run. */
public class OutputFormatMixin {
    public enum Format {
        human,
        json
    }

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "human",
            description = "What goes to stdout at the end: human (the verdict, each failed criterion, where the files"
                    + " are) or json (the same as one JSON object, docs/schema/run-summary.md). Diagnostics always go"
                    + " to stderr (default: ${DEFAULT-VALUE}).")
    Format format = Format.human;

    public Format format() {
        return format;
    }

    public boolean json() {
        return format == Format.json;
    }
}
