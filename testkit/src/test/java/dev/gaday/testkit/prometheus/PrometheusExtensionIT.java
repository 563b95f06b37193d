package dev.gaday.testkit.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.testkit.dataset.Dataset;
import dev.gaday.testkit.dataset.Manifest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The builder form of the extension: a small custom dataset, the server reachable from the static field. */
class PrometheusExtensionIT {

    @RegisterExtension
    static final PrometheusExtension PROMETHEUS = PrometheusExtension.withDataset(d -> d.hours(2)
            .services(2)
            .instancesPerService(3)
            .step(Duration.ofSeconds(300))
            .seed(7));

    @Test
    void servesTheCustomisedDataset(Manifest manifest, Dataset dataset, PrometheusServer server) {
        assertSame(PROMETHEUS.server(), server);
        assertSame(manifest, PROMETHEUS.manifest());
        assertEquals(7, manifest.seed());
        assertEquals(300, manifest.stepSeconds());
        assertEquals(
                List.of("checkout-0:8080", "checkout-1:8080", "checkout-2:8080"),
                manifest.service("checkout").instances());
        assertTrue(dataset.files().isEmpty(), "the shared backfill deleted the text");
        Map<String, Double> upByInstance =
                server.vectorBy("instance", "up{service=\"checkout\"}", server.evaluationTime());
        assertEquals(Map.of("checkout-0:8080", 1.0, "checkout-1:8080", 1.0, "checkout-2:8080", 1.0), upByInstance);
        assertEquals(
                2 * 12 + 1,
                server.singleValue("count_over_time(up{instance=\"checkout-0:8080\"}[2h])", server.evaluationTime()));
    }

    @Test
    void badSettingsFailWhenTheExtensionIsBuilt() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> PrometheusExtension.withDataset(d -> d.step(Duration.ofSeconds(7))));
        assertTrue(e.getMessage().contains("multiple of the step"), e.getMessage());
    }
}
