package dev.gaday.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs scripts/test/ga-day.bats (Debian's bats) against real processes: a Prometheus, the tools' launchers.
 * A JUnit IT rather than an exec-maven-plugin execution so that the bats suite runs in failsafe's phase after
 * the jars are packaged, reports like every other IT and is picked with -Dit.test; bats's TAP output is the
 * failure message.
 */
class GaDayScriptIT {
    @TempDir
    Path temp;

    @Test
    void theBatsSuitePasses() throws Exception {
        Path repository =
                Path.of(System.getProperty("dist.repository")).toAbsolutePath().normalize();
        Path output = temp.resolve("bats.tap");
        ProcessBuilder builder = new ProcessBuilder("bats", "--tap", "scripts/test/ga-day.bats")
                .directory(repository.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("TMPDIR", temp.toString());
        Process bats = builder.start();
        boolean ended = bats.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            bats.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String tap = Files.readString(output);
        assertTrue(ended, "bats did not end within 5 minutes:\n" + tap);
        assertEquals(0, bats.exitValue(), tap);
        assertTrue(tap.lines().anyMatch(l -> l.startsWith("1..7")), tap);
    }
}
