package dev.gaday.testkit.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.testkit.dataset.Dataset;
import dev.gaday.testkit.dataset.GaDayGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrometheusServerFailureIT {

    @Test
    void missingBinaryTellsHowToInstallIt() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> PrometheusBinaries.find(
                        "gaday-no-such-binary", "gaday.test.unset.property", "GADAY_TEST_UNSET_ENV"));
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "gaday-no-such-binary not found in /usr/bin or on the PATH: run scripts/install-deps.sh"),
                e.getMessage());
        assertTrue(e.getMessage().contains("-Dgaday.test.unset.property="), e.getMessage());
    }

    @Test
    void overrideMustPointToAnExecutable(@TempDir Path dir) {
        String previous = System.getProperty(PrometheusBinaries.PROMETHEUS_PROPERTY);
        System.setProperty(
                PrometheusBinaries.PROMETHEUS_PROPERTY,
                dir.resolve("nothing-here").toString());
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, PrometheusBinaries::locate);
            assertTrue(
                    e.getMessage()
                            .contains("system property gaday.prometheus.bin points to " + dir.resolve("nothing-here")),
                    e.getMessage());
        } finally {
            if (previous == null) {
                System.clearProperty(PrometheusBinaries.PROMETHEUS_PROPERTY);
            } else {
                System.setProperty(PrometheusBinaries.PROMETHEUS_PROPERTY, previous);
            }
        }
    }

    @Test
    void prometheusThatDiesReportsItsOutputAndLeavesNoTemporaryDirectory(@TempDir Path dir) throws IOException {
        Path fake = dir.resolve("prometheus");
        Files.writeString(fake, "#!/bin/sh\necho \"level=error msg='bad storage path, simulated'\"\nexit 3\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        Dataset dataset = GaDayGenerator.builder()
                .hours(2)
                .services(2)
                .step(Duration.ofSeconds(300))
                .build()
                .generate(dir.resolve("openmetrics"));
        // A private temp root, so that servers of other test runs on this machine cannot be miscounted.
        Path tempRoot = dir.resolve("tmp");
        String previous = System.setProperty(PrometheusServer.TMPDIR_PROPERTY, tempRoot.toString());
        try {
            IllegalStateException e = assertThrows(
                    IllegalStateException.class,
                    () -> PrometheusServer.start(
                            dataset,
                            new PrometheusBinaries(
                                    fake, PrometheusBinaries.locate().promtool())));
            assertTrue(e.getMessage().startsWith("prometheus exited with code 3 before it was ready"), e.getMessage());
            assertTrue(e.getMessage().contains("bad storage path, simulated"), e.getMessage());
            assertEquals(0, countServerDirs(tempRoot), "the dead server's directory must be deleted");
        } finally {
            if (previous == null) {
                System.clearProperty(PrometheusServer.TMPDIR_PROPERTY);
            } else {
                System.setProperty(PrometheusServer.TMPDIR_PROPERTY, previous);
            }
        }
    }

    private static long countServerDirs(Path root) throws IOException {
        try (var entries = Files.list(root)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("gaday-prometheus-"))
                    .count();
        }
    }
}
