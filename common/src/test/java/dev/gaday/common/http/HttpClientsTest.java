package dev.gaday.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class HttpClientsTest {
    @Test
    void derivedClientsShareThePoolAndDispatcherButNotTheirSettings() {
        OkHttpClient slow =
                HttpClients.derive(TlsSettings.DEFAULT, Duration.ofSeconds(90)).build();
        OkHttpClient fast = HttpClients.derive(new TlsSettings(null, null, null, true), Duration.ofSeconds(2))
                .build();

        assertSame(HttpClients.shared().connectionPool(), slow.connectionPool());
        assertSame(HttpClients.shared().connectionPool(), fast.connectionPool());
        assertSame(HttpClients.shared().dispatcher(), fast.dispatcher());
        assertEquals(90_000, slow.callTimeoutMillis());
        assertEquals(10_000, slow.connectTimeoutMillis(), "connect is capped at 10 s");
        assertEquals(2_000, fast.callTimeoutMillis());
        assertEquals(2_000, fast.connectTimeoutMillis());
        org.junit.jupiter.api.Assertions.assertNotSame(
                slow.sslSocketFactory(), fast.sslSocketFactory(), "the insecure client has its own TLS");
    }

    @Test
    void tlsIsSetUpOnlyForClientsThatMayNeedIt() {
        assertEquals(List.of(ConnectionSpec.CLEARTEXT), HttpClients.shared().connectionSpecs());
        OkHttpClient plain = HttpClients.derive(TlsSettings.DEFAULT, Duration.ofSeconds(5), false)
                .build();
        assertEquals(List.of(ConnectionSpec.CLEARTEXT), plain.connectionSpecs());
        assertFalse(plain.followSslRedirects(), "a plain client cannot follow a redirect to https");
        assertThrows(IllegalStateException.class, plain::sslSocketFactory);

        OkHttpClient secure =
                HttpClients.derive(TlsSettings.DEFAULT, Duration.ofSeconds(5)).build();
        assertTrue(secure.connectionSpecs().contains(ConnectionSpec.MODERN_TLS));
        assertTrue(secure.connectionSpecs().contains(ConnectionSpec.CLEARTEXT));
        assertNotNull(secure.sslSocketFactory());
    }

    @Test
    void clientCertificateNeedsItsKey() {
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> new TlsSettings(null, Path.of("cert.pem"), null, false));
    }
}
