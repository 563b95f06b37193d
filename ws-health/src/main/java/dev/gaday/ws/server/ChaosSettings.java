package dev.gaday.ws.server;

import java.time.Duration;

/**
 * What the rehearsal server does to its clients.
 *
 * @param dropAfter end every connection this long after it opened; null never
 * @param dropWithCloseFrame end it with a close frame instead of a TCP reset
 * @param refuseAfter start of the refusal window, counted from server start; null for none
 * @param refuseFor length of the refusal window: upgrades inside it are rejected
 * @param refuseEvery the refusal window repeats this often from its first start; null for once
 * @param handshakeDelay hold every upgrade this long before answering it
 * @param answerPings answer pings with pongs (as RFC 6455 asks)
 * @param lostConnectionTimeoutSeconds close connections whose peer stopped answering pings; 0 off
 */
public record ChaosSettings(
        Duration dropAfter,
        boolean dropWithCloseFrame,
        Duration refuseAfter,
        Duration refuseFor,
        Duration refuseEvery,
        Duration handshakeDelay,
        boolean answerPings,
        int lostConnectionTimeoutSeconds) {
    public ChaosSettings {
        handshakeDelay = handshakeDelay == null ? Duration.ZERO : handshakeDelay;
        if ((refuseAfter == null) != (refuseFor == null)) {
            throw new IllegalArgumentException("--refuse-after and --refuse-for go together");
        }
        if (refuseEvery != null && (refuseFor == null || refuseEvery.compareTo(refuseFor) <= 0)) {
            throw new IllegalArgumentException("--refuse-every needs --refuse-for, and must be longer than it");
        }
        if (lostConnectionTimeoutSeconds < 0) {
            throw new IllegalArgumentException("lost-connection timeout must not be negative");
        }
    }

    /** A plain echo server: no chaos. */
    public static ChaosSettings none() {
        return new ChaosSettings(null, false, null, null, null, Duration.ZERO, true, 30);
    }

    public ChaosSettings withDropAfter(Duration after, boolean withCloseFrame) {
        return new ChaosSettings(
                after,
                withCloseFrame,
                refuseAfter,
                refuseFor,
                refuseEvery,
                handshakeDelay,
                answerPings,
                lostConnectionTimeoutSeconds);
    }

    public ChaosSettings withRefusal(Duration after, Duration length) {
        return new ChaosSettings(
                dropAfter,
                dropWithCloseFrame,
                after,
                length,
                refuseEvery,
                handshakeDelay,
                answerPings,
                lostConnectionTimeoutSeconds);
    }

    /** A refusal window that starts {@code after} server start and comes back every {@code every}. */
    public ChaosSettings withRepeatedRefusal(Duration after, Duration length, Duration every) {
        return new ChaosSettings(
                dropAfter,
                dropWithCloseFrame,
                after,
                length,
                every,
                handshakeDelay,
                answerPings,
                lostConnectionTimeoutSeconds);
    }

    public ChaosSettings withHandshakeDelay(Duration delay) {
        return new ChaosSettings(
                dropAfter,
                dropWithCloseFrame,
                refuseAfter,
                refuseFor,
                refuseEvery,
                delay,
                answerPings,
                lostConnectionTimeoutSeconds);
    }

    public ChaosSettings withAnswerPings(boolean answer) {
        return new ChaosSettings(
                dropAfter,
                dropWithCloseFrame,
                refuseAfter,
                refuseFor,
                refuseEvery,
                handshakeDelay,
                answer,
                lostConnectionTimeoutSeconds);
    }
}
