package dev.gaday.ws.probe;

/** How a cycle forces the disconnect. */
public enum DisconnectMode {
    /** A close frame, answered by the server: an orderly close. */
    CLOSE,
    /** A TCP reset without a close frame: what a network failure looks like. */
    DROP,
    /** CLOSE and DROP on alternate cycles. */
    BOTH;

    /** The mode of cycle {@code index} (0-based). */
    public DisconnectMode forCycle(int index) {
        return this == BOTH ? (index % 2 == 0 ? CLOSE : DROP) : this;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
