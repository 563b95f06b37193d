package dev.gaday.cert.build;

import dev.gaday.common.cli.Diagnostics;

/**
 * Wall time of a run's phases, shown at -vv ("debug: phase inputs: 212 ms"), so that a slow run
 * says where its time went.
 */
final class PhaseTimes {
    private final Diagnostics diagnostics;
    private long last = System.nanoTime();

    PhaseTimes(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** Ends the phase that ran since the previous mark. */
    void mark(String phase) {
        long now = System.nanoTime();
        diagnostics.debug("phase " + phase + ": " + (now - last) / 1_000_000 + " ms");
        last = now;
    }
}
