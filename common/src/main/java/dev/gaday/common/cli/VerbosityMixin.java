package dev.gaday.common.cli;

import picocli.CommandLine.Option;

/** -v / -q for every tool: how much goes to stderr. */
public class VerbosityMixin {
    @Option(
            names = {"-v", "--verbose"},
            description = "More diagnostics on stderr; repeat (-vv) for debug detail.")
    boolean[] verbose = new boolean[0];

    @Option(
            names = {"-q", "--quiet"},
            description = "Only errors on stderr.")
    boolean quiet;

    /** -1 quiet, 0 normal, 1 verbose, 2+ debug. */
    public int level() {
        return quiet ? -1 : verbose.length;
    }
}
