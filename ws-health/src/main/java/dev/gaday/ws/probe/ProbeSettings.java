package dev.gaday.ws.probe;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * Everything a connection probe needs, resolved and validated by the command.
 *
 * @param address the endpoint's host, resolved once before the run
 * @param sslContext for wss:// only; null for ws://
 * @param verifyHostname false only with --insecure-skip-verify
 * @param iterations cycles per connection; 0 when the run is bounded by {@code duration}
 * @param duration the run's length; null when bounded by {@code iterations}
 * @param reconnectTimeout how long one cycle may take to restore the connection before it counts as failed
 * @param send a message sent after each open; null for none
 * @param expect what the reply must match (with {@code send}); null to accept any reply
 * @param ping prove the connection with a ping and wait for the pong
 * @param rampUp probes start spread over this time, so that C connections do not arrive at once
 * @param maxMessageBytes the largest frame, and message, accepted from the server
 */
public record ProbeSettings(
        URI uri,
        InetAddress address,
        int port,
        Map<String, String> headers,
        SSLContext sslContext,
        boolean verifyHostname,
        Duration connectTimeout,
        Duration handshakeTimeout,
        ReconnectPolicy policy,
        Duration reconnectTimeout,
        int connections,
        int iterations,
        Duration duration,
        Duration interval,
        DisconnectMode disconnectMode,
        String send,
        Pattern expect,
        boolean ping,
        Duration rampUp,
        int maxMessageBytes) {
    public ProbeSettings {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(address, "address");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(policy, "policy");
        if (maxMessageBytes < 125) {
            throw new IllegalArgumentException("maxMessageBytes must be at least 125 (a close frame's payload)");
        }
    }

    public boolean secure() {
        return sslContext != null;
    }
}
