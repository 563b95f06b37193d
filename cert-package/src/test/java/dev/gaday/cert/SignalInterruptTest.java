package dev.gaday.cert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.cli.CommandRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real SIGTERM to a real cert-package process while it builds: the staging directory goes, one line
 * says so, and the previous package is untouched.
 */
class SignalInterruptTest {
    @TempDir
    Path temp;

    @Test
    void sigtermWhileBuildingLeavesNoStagingDirectoryAndThePreviousPackage() throws Exception {
        Path inputs = Files.createDirectories(temp.resolve("in"));
        Fixtures.writeInputs(inputs, "web", true);
        Path out = temp.resolve("out");
        CommandRun first = CommandRunner.run("--inputs", inputs.toString(), "-o", out.toString());
        assertEquals(0, first.exitCode(), first.err());
        Map<String, byte[]> before = contents(out);

        // The staging directory exists from the first file written until the swap; the PDF alone takes
        // a cold JVM several hundred milliseconds, so a signal sent when it appears lands before the swap.
        String log = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            Path err = temp.resolve("stderr-" + attempt + ".log");
            Process process = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            BuildCertPackageCommand.class.getName(),
                            "--inputs",
                            inputs.toString(),
                            "-o",
                            out.toString())
                    .redirectError(err.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (staging(out).isEmpty() && process.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(2);
                }
                process.destroy(); // SIGTERM
                assertTrue(process.waitFor(30, TimeUnit.SECONDS), "still running 30 s after SIGTERM");
                log = Files.readString(err);
                if (process.exitValue() == 143) {
                    break;
                }
                // It finished before the signal (a very fast machine): try again.
                assertEquals(0, process.exitValue(), log);
                log = null;
            } finally {
                process.destroyForcibly();
            }
        }
        assertTrue(log != null, "three runs finished before a SIGTERM could reach them");
        assertEquals(List.of(), staging(out), log);
        // One line says what happened, and it is the last: no error of the writer cut short follows it.
        List<String> lines = log.lines().toList();
        assertEquals(
                List.of("cert-package: error: interrupted; nothing written"),
                lines.stream().filter(l -> l.contains("error")).toList(),
                log);
        assertEquals("cert-package: error: interrupted; nothing written", lines.get(lines.size() - 1));
        Map<String, byte[]> after = contents(out);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((name, bytes) -> assertArrayEquals(bytes, after.get(name), name));
    }

    private static List<Path> staging(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(out)) {
            return list.filter(p -> p.getFileName().toString().startsWith(".package"))
                    .toList();
        }
    }

    private static Map<String, byte[]> contents(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
