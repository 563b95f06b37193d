package dev.gaday.ws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.model.ws.WsHealthMetrics;
import dev.gaday.ws.server.ChaosSettings;
import dev.gaday.ws.server.EchoChaosServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 1,000 parallel clients on loopback: every one connects, is dropped and reconnects. */
class ThousandConnectionsTest {
    @TempDir
    Path dir;

    @Test
    void thousandConcurrentConnectionsComplete() throws Exception {
        EchoChaosServer server = TestServers.start(ChaosSettings.none());
        try {
            WsHealthRun run = WsHealthRun.run(
                    dir.resolve("m"),
                    "--endpoint",
                    TestServers.url(server),
                    "--connections",
                    "1000",
                    "--iterations",
                    "1",
                    "--interval",
                    "1s",
                    "--ramp-up",
                    "500ms",
                    "--disconnect-mode",
                    "drop",
                    "--reconnect-initial-delay",
                    "100ms");
            assertEquals(0, run.exitCode(), run.transcript());
            WsHealthMetrics m = run.metrics();
            assertEquals(1000, m.connections());
            assertEquals(1000, m.totalTests());
            assertEquals(1000, m.successful(), run.json());
            // the setup connect and the reconnect of each client
            assertTrue(server.openedConnections() >= 2000, "server saw " + server.openedConnections());
        } finally {
            server.stopQuietly(Duration.ofSeconds(5));
        }
    }
}
