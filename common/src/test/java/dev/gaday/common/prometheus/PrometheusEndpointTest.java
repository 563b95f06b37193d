package dev.gaday.common.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrometheusEndpointTest {
    @Test
    void baseUrlIsNormalisedAndChecked() {
        assertEquals(
                "http://prom:9090", PrometheusEndpoint.of("http://prom:9090/").baseUrl());
        assertEquals(
                "https://mimir.example/prometheus",
                PrometheusEndpoint.of("https://mimir.example/prometheus//").baseUrl());
        for (String bad : List.of(
                "",
                "prom:9090",
                "ftp://prom",
                "http://",
                "http://u:p@prom:9090",
                "http://prom:9090/?x=1",
                "http://prom:9090/#f",
                "http://pr om")) {
            assertThrows(IllegalArgumentException.class, () -> PrometheusEndpoint.of(bad), bad);
        }
    }

    @Test
    void headersAreCheckedAndKeptInOrder() {
        PrometheusEndpoint endpoint = PrometheusEndpoint.of("http://p")
                .withHeader("X-Scope-OrgID", "a")
                .withHeader("X-B", "b");
        assertEquals(
                List.of("X-Scope-OrgID", "X-B"), List.copyOf(endpoint.headers().keySet()));
        assertThrows(IllegalArgumentException.class, () -> endpoint.withHeader("Bad Name", "v"));
        assertThrows(IllegalArgumentException.class, () -> endpoint.withHeader("X-A", "line\nbreak"));
        assertThrows(
                UnsupportedOperationException.class, () -> endpoint.headers().put("X", "y"));
    }

    @Test
    void timeoutMustBePositiveAndToStringHidesSecrets() {
        assertThrows(IllegalArgumentException.class, () -> PrometheusEndpoint.of("http://p")
                .withRequestTimeout(Duration.ZERO));
        String text = PrometheusEndpoint.of("http://p")
                .withHeader("X-Api-Key", "key-value-123")
                .withAuth(new PrometheusEndpoint.Auth.Basic("alice", "password-123"))
                .toString();
        assertTrue(text.contains("alice") && text.contains("X-Api-Key"), text);
        assertTrue(!text.contains("password-123") && !text.contains("key-value-123"), text);
    }
}
