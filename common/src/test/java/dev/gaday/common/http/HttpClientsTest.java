package dev.gaday.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class HttpClientsTest {
    @Test
    void derivedClientsShareThePoolAndDispatcherButNotTheirSettings() {
        OkHttpClient slow = HttpClients.derive(TlsSettings.DEFAULT, Duration.ofSeconds(90)).build();
        OkHttpClient fast = HttpClients.derive(new TlsSettings(null, null, null, true), Duration.ofSeconds(2)).build();

        assertSame(HttpClients.shared().connectionPool(), slow.connectionPool());
        assertSame(HttpClients.shared().connectionPool(), fast.connectionPool());
        assertSame(HttpClients.shared().dispatcher(), fast.dispatcher());
        assertEquals(90_000, slow.callTimeoutMillis());
        assertEquals(10_000, slow.connectTimeoutMillis(), "connect is capped at 10 s");
        assertEquals(2_000, fast.callTimeoutMillis());
        assertEquals(2_000, fast.connectTimeoutMillis());
        assertEquals(HttpClients.shared().sslSocketFactory(), slow.sslSocketFactory());
        org.junit.jupiter.api.Assertions.assertNotSame(HttpClients.shared().sslSocketFactory(),
                fast.sslSocketFactory());
    }

    @Test
    void clientCertificateNeedsItsKey() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new TlsSettings(null, Path.of("cert.pem"), null, false));
    }
}
